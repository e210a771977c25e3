import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalDurationModel, paceFrom } from '@/lib/calibration/local-duration-model';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator } from '@/lib/estimate/estimator';
import { createSources } from '@/lib/sources';
import { voiceInfo } from '@/lib/sources/audiostack';
import type { VoiceProfile } from '@/lib/sources/types';
import { voiceDirectory } from '@/lib/sources/voice-catalog';
import { normalizeScript } from '@/lib/text/normalize';
import { predictedLength } from '../audiostack-double/duration';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { AUDIOSTACK_VOICES, findAudioStackVoice } from '../audiostack-double/voices';
import { englishScript, sentence } from '../fixtures/scripts';
import { fewestSections } from '../fixtures/sections';

let double: AudioStackDouble;
beforeAll(async () => { double = await startAudioStackDouble({ balance: 1_000 }); });
afterAll(() => double.close());
beforeEach(() => double.control.reset());

const voice: VoiceProfile = { source: 'audiostack', voiceId: 'sara', language: 'en', speed: 1 };
/** The voice list as the options page caches it (listing costs credits: it is read once). */
const voices = voiceDirectory(AUDIOSTACK_VOICES.map(voiceInfo));

function setup(options: { timeoutMs?: number; cache?: DurationCache } = {}) {
  const source = createSources('audiostack', { baseUrl: double.url, apiKey: 'test-key', voices, backoffBaseMs: 2, timeoutMs: options.timeoutMs ?? 2_000 }).duration;
  const cache = options.cache ?? new DurationCache();
  return { estimator: createEstimator({ source, cache, local: createLocalDurationModel({ calibrations: () => [], charsPerSecond: paceFrom(voices) }) }), cache };
}

const predictBodies = () => double.requests.filter((r) => r.path === '/speech/predict').map((r) => r.body as { text: string; voice: string });

/** What the double says the sections sent add up to: the exact figure. */
function truth(alias: string) {
  const v = findAudioStackVoice(alias);
  if (!v) throw new Error(alias);
  return predictBodies().filter((b) => b.voice === alias).reduce((sum, b) => sum + predictedLength(v, b.text), 0);
}

describe('paid predictions need consent', () => {
  it('without it: the local figure at once, no call, the price said and the plan attached', async () => {
    const { estimator } = setup();
    const result = await estimator.estimate(englishScript(2_500), voice);
    expect(double.requests).toHaveLength(0);
    expect(result).toMatchObject({ source: 'local', vendor: 'audiostack', predictCredits: 0, calls: 0, provider: 'azure' });
    expect(result.plan).toEqual({ vendor: 'audiostack', calls: 3, credits: 0.75, cached: 0 });
    expect(result.localReason).toBe('Exact figure costs 0.75 credits: approximate local estimate until then.');
    expect(await estimator.plan(englishScript(2_500), voice)).toEqual(result.plan);
  });

  it('with a "yes, up to X" that covers the plan: the exact figure, its calls and what they cost', async () => {
    const { estimator } = setup();
    const text = englishScript(2_500);
    const result = await estimator.estimate(text, voice, { consent: { maxCredits: 0.75 } });
    expect(result).toMatchObject({ source: 'api', vendor: 'audiostack', calls: 3, predictCredits: 0.75, provider: 'azure', errors: [], warnings: [] });
    expect(result.plan).toBeUndefined();
    expect(result.seconds).toBeCloseTo(truth('sara'), 2);
    expect(double.control.charges()).toHaveLength(3);
  });

  it('makes no call when the consent is short of the plan', async () => {
    const { estimator } = setup();
    const result = await estimator.estimate(englishScript(2_500), voice, { consent: { maxCredits: 0.5 } });
    expect(result.source).toBe('local');
    expect(double.requests).toHaveLength(0);
  });
});

describe('as few paid calls as the section limit allows', () => {
  it.each([['sara', 1_000], ['ava', 500], ['joanna', 3_000]] as const)('%s (%d characters a call): a 10,000-character script in the fewest sections, each ending a sentence', async (alias, limit) => {
    const { estimator } = setup();
    const text = englishScript(10_000);
    const spoken = normalizeScript(text).text;
    const result = await estimator.estimate(text, { ...voice, voiceId: alias }, { consent: { maxCredits: 100 } });
    const bodies = predictBodies();
    expect(result.calls).toBe(fewestSections(spoken, limit));
    expect(bodies).toHaveLength(result.calls);
    for (const body of bodies) {
      expect(body.text.length).toBeLessThanOrEqual(limit);
      expect(body.text).toMatch(/[.!?]$/u);
    }
    expect(bodies.map((b) => b.text).join(' ').replace(/\s+/gu, ' ')).toBe(spoken.replace(/\s+/gu, ' ').trim());
    expect(result.seconds).toBeCloseTo(truth(alias), 2);
    expect(result.predictCredits).toBe(0.25 * result.calls);
  });

  it('sends a text within the limit, paragraphs and all, as one call', async () => {
    const { estimator } = setup();
    const text = `${sentence(1)} ${sentence(2)}\n\n${sentence(3)}`;
    await estimator.estimate(text, voice, { consent: { maxCredits: 1 } });
    expect(predictBodies()).toEqual([{ text: normalizeScript(text).text.trim(), voice: 'sara' }]);
  });

  it('asks only for the edited paragraph when a long script is estimated again (1 call), and plans that first', async () => {
    const { estimator } = setup();
    const text = englishScript(10_000);
    await estimator.estimate(text, voice, { consent: { maxCredits: 100 } });
    const before = double.requests.length;
    const edited = text.replace(sentence(26), 'The narrator rewrites this line for the new cut of the advert.');
    expect(await estimator.plan(edited, voice)).toMatchObject({ calls: 1, credits: 0.25 });
    const again = await estimator.estimate(edited, voice, { consent: { maxCredits: 0.25 } });
    expect(again).toMatchObject({ calls: 1, predictCredits: 0.25, source: 'api' });
    expect(double.requests.length - before).toBe(1);
    expect(again.seconds).toBeCloseTo(again.pieces.reduce((sum, p) => sum + p.seconds, 0), 1);
  });
});

describe('a paid answer is never bought twice', () => {
  it('answers again from the cache for free, at any speed (speed is not an input: length ÷ speed, said)', async () => {
    const { estimator } = setup();
    const text = englishScript(1_800);
    const first = await estimator.estimate(text, voice, { consent: { maxCredits: 1 } });
    const again = await estimator.estimate(text, voice);
    expect(again).toMatchObject({ source: 'cache', calls: 0, predictCredits: 0, seconds: first.seconds });
    expect(again.plan).toBeUndefined();
    const faster = await estimator.estimate(text, { ...voice, speed: 1.25 });
    expect(faster).toMatchObject({ source: 'cache', calls: 0 });
    expect(faster.seconds).toBeCloseTo(first.seconds / 1.25, 1);
    expect(faster.warnings).toEqual(["Speed is not an input of this vendor's prediction: its length at the voice's own pace, divided by 1.25."]);
    expect(double.control.charges()).toHaveLength(first.calls);
  });

  it('keeps paid answers through a flood of free ones and a clear', async () => {
    const cache = new DurationCache(3);
    const { estimator } = setup({ cache });
    const text = englishScript(1_800);
    await estimator.estimate(text, voice, { consent: { maxCredits: 1 } });
    for (let i = 0; i < 20; i++) cache.set(`free ${i}`, i);
    cache.clear();
    expect((await estimator.estimate(text, voice)).source).toBe('cache');
  });

  it('shares a call two estimates need at once: each section bought once', async () => {
    double.control.setLatency(40);
    const { estimator } = setup();
    const text = englishScript(2_500);
    const [a, b] = await Promise.all([
      estimator.estimate(text, voice, { consent: { maxCredits: 1 } }),
      estimator.estimate(text, voice, { consent: { maxCredits: 1 } }),
    ]);
    expect(a.seconds).toBe(b.seconds);
    expect(double.control.charges()).toHaveLength(3);
    expect(a.predictCredits + b.predictCredits).toBe(0.75);
  });

  it("never buys past its own consent when an estimate it shared calls with is cancelled, and says what is left to buy", async () => {
    double.control.setLatency(100);
    const { estimator } = setup();
    const text = englishScript(2_500); // three sections; two in flight at once, the third queued
    const cancel = new AbortController();
    const first = estimator.estimate(text, voice, { consent: { maxCredits: 0.75 }, signal: cancel.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await estimator.plan(text, voice)).toMatchObject({ calls: 0 }); // all three being asked for already
    const second = estimator.estimate(text, voice); // nothing to buy, so no consent
    cancel.abort(); // the queued third call never starts
    const result = await second;
    await first;
    expect(result.plan).toEqual({ vendor: 'audiostack', calls: 1, credits: 0.25, cached: 0 });
    expect(result.localReason).toBe('Exact figure costs 0.25 credits: approximate local estimate until then.');
    expect(result.source).toBe('mixed');
    expect(double.control.charges()).toHaveLength(2);
  });

  it('labels a section whose call got no answer, counts its possible charge, and does not ask again', async () => {
    double.control.addFaults({ kind: 'hang', path: '/speech/predict' });
    const { estimator } = setup({ timeoutMs: 300 });
    const result = await estimator.estimate(englishScript(2_500), voice, { consent: { maxCredits: 0.75 } });
    expect(result.source).toBe('mixed');
    expect(result.errors).toEqual([expect.stringMatching(/^The API did not answer within/)]);
    expect(result.predictCredits).toBe(0.75);
    expect(result.warnings).toEqual(["1 paid call(s) got no answer saying the charge; counted at 0.25 credits each."]);
    expect(predictBodies()).toHaveLength(3);
  });

  it('stops at once when the credits run out, and says so', async () => {
    double.control.setBalance(0.3);
    const { estimator } = setup();
    const result = await estimator.estimate(englishScript(5_000), voice, { consent: { maxCredits: 5 } });
    expect(result.errors).toEqual(['Not enough credits on the AudioStack account.']);
    expect(result.predictCredits).toBe(0.25);
    expect(predictBodies().length).toBeLessThanOrEqual(3);
  });
});
