import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateAsScript } from '@/cli/script';
import { createLocalDurationModel, paceFrom } from '@/lib/calibration/local-duration-model';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator } from '@/lib/estimate/estimator';
import { createSources } from '@/lib/sources';
import { voiceInfo } from '@/lib/sources/audiostack';
import type { VoiceProfile } from '@/lib/sources/types';
import { voiceDirectory } from '@/lib/sources/voice-catalog';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';

let double: AudioStackDouble;
beforeAll(async () => { double = await startAudioStackDouble({ balance: 100 }); });
afterAll(() => double.close());

const voices = voiceDirectory(AUDIOSTACK_VOICES.map(voiceInfo));
const voice: VoiceProfile = { source: 'audiostack', voiceId: 'sara', language: 'en', speed: 1 };
const SCRIPT = 'ANNA: The harbour was quiet this morning.\nBEN: Then we sail at noon, before the tide turns.\nCARA: I will bring the charts and the spare rope.\n';

describe("the command line's dialogue lines share one --max-credits budget", () => {
  it('a 3-speaker script with a budget for two lines buys two and says what the third would cost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scriptmeter-budget-'));
    const cast = join(dir, 'cast.json');
    writeFileSync(cast, JSON.stringify({ ANNA: { voice: 'sara' }, BEN: { voice: 'isaac' }, CARA: { voice: 'joanna' } }));
    const source = createSources('audiostack', { baseUrl: double.url, apiKey: 'test-key', voices }).duration;
    const local = createLocalDurationModel({ calibrations: () => [], charsPerSecond: paceFrom(voices) });
    const cache = new DurationCache();
    const estimators = { api: createEstimator({ source, cache, local }), local: createEstimator({ cache, local, localBecause: 'no-key' }) };

    // Each line is one 0.25-credit call; the budget covers two of the three.
    const script = await estimateAsScript(SCRIPT, 'dialogue.txt', { cast }, { estimators, voice, apiKey: true, consent: { maxCredits: 0.5 } });
    const charged = double.control.charges().filter((charge) => charge.path === '/speech/predict');
    expect(charged).toHaveLength(2);
    expect(script?.total).toMatchObject({ predictCredits: 0.5, calls: 2, source: 'mixed', plan: { calls: 1, credits: 0.25 } });
    expect(script?.total.localReason).toBe('Exact figure costs 0.25 credits: approximate local estimate until then.');
    expect(script?.figures.lines.map((line) => line.provenance)).toEqual(['api', 'api', 'local']);
  });
});
