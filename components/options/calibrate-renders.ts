import type { Observation } from '@/lib/calibration/fit';
import { pairByName, type PairingProblem } from '@/lib/calibration/pairing';
import { measureSpeechSpan } from '@/lib/calibration/silence';
import { speechFeatures } from '@/lib/estimate/local-model';
import type { MessageKey } from '@/lib/i18n';
import { normalizeScript } from '@/lib/text/normalize';

/** A file that could not be used, and why, for the list under the fit. */
export interface RenderProblem {
  name: string;
  key: MessageKey;
  vars?: Record<string, string>;
}

const PAIRING_KEYS: Record<PairingProblem, MessageKey> = {
  'no-text': 'cal.noText', 'no-audio': 'cal.noAudio', 'not-audio': 'cal.notAudio', 'second-audio': 'cal.secondAudio',
};

/**
 * Speech seconds of a render, measured with the browser's own decoder (nothing leaves the page):
 * the decoded length less the silence at both ends. An OfflineAudioContext needs no user gesture
 * and plays nothing.
 */
async function speechSeconds(file: Blob): Promise<number> {
  const bytes = await file.arrayBuffer();
  if (bytes.byteLength === 0) throw new RenderFileError('cal.emptyFile');
  let buffer: AudioBuffer;
  try {
    buffer = await new OfflineAudioContext(1, 1, 44_100).decodeAudioData(bytes);
  } catch (error) {
    throw new RenderFileError('cal.undecodable', { error: error instanceof Error ? error.name : 'EncodingError' });
  }
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i));
  return measureSpeechSpan(channels, buffer.sampleRate).speech;
}

class RenderFileError extends Error {
  constructor(readonly key: MessageKey, readonly vars?: Record<string, string>) {
    super(key);
  }
}

/** Turns renders and their scripts into observations, one at a time (a long render is big in memory). */
export async function observeRenders(
  items: Array<{ name: string; audio: Blob; script: string | Blob }>, language: string, speed: number,
  onProgress: (done: number) => void,
): Promise<{ observations: Observation[]; problems: RenderProblem[] }> {
  const observations: Observation[] = [];
  const problems: RenderProblem[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const script = typeof item.script === 'string' ? item.script : await item.script.text();
      const seconds = await speechSeconds(item.audio);
      observations.push({ id: item.name, kind: 'render', features: speechFeatures(normalizeScript(script).text, language), seconds, speed });
    } catch (error) {
      if (!(error instanceof RenderFileError)) throw error;
      problems.push({ name: item.name, key: error.key, vars: error.vars });
    }
    onProgress(index + 1);
  }
  return { observations, problems };
}

/** Audio files with the .txt of the same name, as the file picker gave them. */
export function pairFiles(files: readonly File[]): { items: Array<{ name: string; audio: File; script: File }>; problems: RenderProblem[] } {
  const pairing = pairByName(files, (file) => file.name);
  return {
    items: pairing.pairs.map((pair) => ({ name: pair.name, audio: pair.audio, script: pair.text })),
    problems: pairing.problems.map(({ name, problem }) => ({ name, key: PAIRING_KEYS[problem] })),
  };
}
