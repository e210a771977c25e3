import { calibrationStore } from '@/lib/calibration/store';
import { createEngine, voiceCatalogItem } from '@/lib/background/engine';
import { createHistoryLog } from '@/lib/history/log';
import { historyStore } from '@/lib/history/store';
import { voiceInfo } from '@/lib/sources/audiostack';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';

/** A background engine over fake-browser storage, with the history it writes to. */
export function newEngine() {
  const history = createHistoryLog(historyStore());
  return { engine: createEngine(history, calibrationStore()), history };
}

/** AudioStack's voice list as if options had fetched it (the double's voices). */
export function cacheAudioStackVoices(): Promise<void> {
  return voiceCatalogItem.setValue({ audiostack: { voices: AUDIOSTACK_VOICES.map(voiceInfo), fetchedAt: 0 } });
}
