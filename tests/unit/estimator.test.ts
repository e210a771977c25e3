import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSources } from '@/lib/sources';
import type { VoiceProfile } from '@/lib/sources/types';
import { AdaptiveLimit } from '@/lib/estimate/adaptive-limit';
import { createLocalDurationModel } from '@/lib/calibration/local-duration-model';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator } from '@/lib/estimate/estimator';
import { localSeconds } from '@/lib/estimate/local-model';
import { chunkText } from '@/lib/text/chunk';
import { predictedDuration } from '../api-double/duration';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { englishScript, plainSentence, sentence } from '../fixtures/scripts';

const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };
let api: ApiDouble;

beforeAll(async () => {
  api = await startApiDouble();
});
afterAll(() => api.close());
beforeEach(() => api.control.reset());

function setup(options: { apiKey?: string | null; limit?: AdaptiveLimit } = {}) {
  const limit = options.limit ?? new AdaptiveLimit(4);
  const source = options.apiKey === null ? undefined : createSources('supertone', {
    baseUrl: api.url, apiKey: options.apiKey ?? 'test-key', backoffBaseMs: 5, backoffCapMs: 20, timeoutMs: 2_000,
    onRetry: (notice) => { if (notice.status === 429) limit.slowDown(); },
  }).duration;
  const local = createLocalDurationModel({ calibrations: () => [] });
  const cache = new DurationCache();
  return { estimator: createEstimator({ source, cache, local, limit }), local, cache, limit };
}

const predictRequests = () => api.requests.filter((r) => r.path.startsWith('/v1/predict-duration'));
const expectedApiSeconds = (text: string, v: VoiceProfile = voice) =>
  chunkText(text).reduce((sum, c) => sum + predictedDuration(v.voiceId, {
    text: c.text.trim(), language: v.language, model: v.model, style: v.style, voice_settings: { speed: v.speed },
  }), 0);

describe('estimator without a key', () => {
  it('gives a labelled local estimate and makes no call', async () => {
    const { estimator } = setup({ apiKey: null });
    const result = await estimator.estimate(englishScript(2_000), voice);
    expect(result.source).toBe('local');
    expect(result.calls).toBe(0);
    expect(result.localReason).toMatch(/No API key/);
    expect(result.seconds).toBeGreaterThan(60);
    expect(api.requests).toHaveLength(0);
  });
});

describe('estimator with the API', () => {
  it('splits, predicts every piece and sums exactly', async () => {
    const text = englishScript(5_000);
    const { estimator } = setup();
    const result = await estimator.estimate(text, voice);
    expect(result.source).toBe('api');
    expect(result.errors).toEqual([]);
    expect(result.calls).toBe(chunkText(text).length);
    expect(result.calls).toBeGreaterThan(15);
    expect(result.seconds).toBeCloseTo(expectedApiSeconds(text), 1);
    expect(result.credits.supertone).toBeCloseTo(result.seconds, 6);
    expect(result.credits.elevenlabs).toBeCloseTo((result.seconds / 60) * 9, 3);
  });

  it('sends voice, language, model, style and speed with every call', async () => {
    const custom: VoiceProfile = { ...voice, language: 'en', model: 'sona_speech_2', style: 'serene', speed: 1.5 };
    const { estimator } = setup();
    const text = englishScript(1_500);
    const result = await estimator.estimate(text, custom);
    expect(predictRequests().length).toBeGreaterThan(3);
    for (const request of predictRequests()) {
      expect(request.path).toBe(`/v1/predict-duration/${custom.voiceId}`);
      expect(request.body).toMatchObject({ language: 'en', model: 'sona_speech_2', style: 'serene', voice_settings: { speed: 1.5 } });
    }
    expect(result.source).toBe('api');
    expect(result.seconds).toBeCloseTo(expectedApiSeconds(text, custom), 1);
  });

  it('keeps at most 4 calls in flight', async () => {
    api.control.setLatency(40);
    const { estimator } = setup();
    await estimator.estimate(englishScript(8_000), voice);
    expect(api.control.stats().inFlightMax).toBe(4);
  });

  it('answers a repeat from the cache, with provenance', async () => {
    const text = englishScript(3_000);
    const { estimator } = setup();
    const first = await estimator.estimate(text, voice);
    const second = await estimator.estimate(text, voice);
    expect(second.source).toBe('cache');
    expect(second.calls).toBe(0);
    expect(second.seconds).toBe(first.seconds);
  });

  it('re-asks only for the edited part of a long script', async () => {
    const text = englishScript(20_000);
    const { estimator } = setup();
    await estimator.estimate(text, voice);
    const edited = text.replace(sentence(60), 'This sentence was rewritten by the editor, and it is longer than before.');
    expect(edited).not.toBe(text);
    const result = await estimator.estimate(edited, voice);
    // Cached and fresh answers together are exact: labelled 'api', never 'mixed' (which means partly local).
    expect(new Set(result.pieces.map((p) => p.source))).toEqual(new Set(['api', 'cache']));
    expect(result.source).toBe('api');
    expect(result.calls).toBeGreaterThanOrEqual(1);
    expect(result.calls).toBeLessThanOrEqual(2);
  });

  it('shares calls between estimates running at once (two tabs)', async () => {
    api.control.setLatency(30);
    const text = englishScript(3_000);
    const { estimator } = setup();
    const [a, b] = await Promise.all([estimator.estimate(text, voice), estimator.estimate(text, voice)]);
    expect(a.seconds).toBe(b.seconds);
    expect(predictRequests()).toHaveLength(chunkText(text).length);
    expect(a.calls + b.calls).toBe(chunkText(text).length);
  });

  it('does not mix up different voices estimating at once', async () => {
    const text = englishScript(1_000);
    const other: VoiceProfile = { ...voice, speed: 2 };
    const { estimator } = setup();
    const [slow, fast] = await Promise.all([estimator.estimate(text, voice), estimator.estimate(text, other)]);
    expect(slow.seconds).toBeCloseTo(expectedApiSeconds(text, voice), 1);
    expect(fast.seconds).toBeCloseTo(expectedApiSeconds(text, other), 1);
  });

  it('excludes what is not spoken and says so', async () => {
    const { estimator } = setup();
    const result = await estimator.estimate('<speak>NARRATOR: Hello there.<break time="1s"/> [SFX: door] Welcome!</speak>', voice);
    const sent = predictRequests().map((r) => (r.body as { text: string }).text).join(' ');
    expect(sent).not.toMatch(/<|SFX|NARRATOR/);
    expect(sent).toMatch(/Hello there\./);
    expect(result.excluded.map((e) => e.rule)).toEqual(expect.arrayContaining(['tags', 'directions', 'speakerLabels']));
  });

  it('makes no call for empty or whitespace text', async () => {
    const { estimator } = setup();
    for (const text of ['', '   \n\t ', '... !!! ,,,']) {
      const result = await estimator.estimate(text, voice);
      expect(result.seconds).toBe(0);
      expect(result.calls).toBe(0);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('keeps very long text local, with the reason', async () => {
    const { estimator } = setup();
    const result = await estimator.estimate(englishScript(50_000), voice, { maxApiCharacters: 10_000 });
    expect(result.source).toBe('local');
    expect(result.localReason).toMatch(/longer than 10,000/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('estimator under API faults', () => {
  it('stops calling at once on a rejected key and labels the figure local', async () => {
    const { estimator } = setup({ apiKey: 'wrong-key-123' });
    const result = await estimator.estimate(englishScript(10_000), voice);
    expect(result.source).toBe('local');
    expect(result.errors).toEqual(['API key rejected: check the key in ScriptMeter options.']);
    expect(predictRequests().length).toBeLessThanOrEqual(4);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('mixes API and labelled local figures when some calls fail for good', async () => {
    api.control.addFaults({ kind: 'status', status: 503, times: 4 }); // one piece: first try + 3 retries
    const { estimator } = setup({ limit: new AdaptiveLimit(1) });
    const text = englishScript(3_000);
    const result = await estimator.estimate(text, voice);
    expect(result.source).toBe('mixed');
    expect(result.errors).toEqual(['The API had a server error (HTTP 503).']);
    expect(result.pieces.filter((p) => p.source === 'local')).toHaveLength(1);
  });

  it('slows down when rate-limited', async () => {
    const limit = new AdaptiveLimit(4);
    api.control.addFaults({ kind: 'status', status: 429, retryAfter: '0', times: 3 });
    const { estimator } = setup({ limit });
    const result = await estimator.estimate(englishScript(3_000), voice);
    expect(result.source).toBe('api');
    expect(limit.concurrency).toBeLessThan(4);
  });

  it('reports a style the voice does not have, and stops', async () => {
    const { estimator } = setup();
    const result = await estimator.estimate(englishScript(3_000), { ...voice, style: 'happy' });
    expect(result.source).toBe('local');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^The API refused the request: .*style/i);
    expect(predictRequests().length).toBeLessThanOrEqual(4);
  });

  it('never shows an off-schema answer as a number', async () => {
    api.control.addFaults({ kind: 'body', body: { duration: -5 }, times: 2 });
    const { estimator } = setup();
    const result = await estimator.estimate('One short sentence.', voice);
    expect(result.source).toBe('local');
    expect(result.errors[0]).toMatch(/Unexpected response/);
  });
});

describe('local model calibration', () => {
  it('learns from API answers so local figures get closer', async () => {
    const { estimator, local } = setup();
    // Train on even sentences, judge on odd ones: the same kind of text, never the same text.
    const training = Array.from({ length: 60 }, (_, i) => plainSentence(2 * i)).join(' ');
    const heldOut = Array.from({ length: 60 }, (_, i) => plainSentence(2 * i + 1));
    const truth = heldOut.map((s) => predictedDuration(voice.voiceId, { text: s, language: 'en', voice_settings: { speed: 1 } }));
    const error = () =>
      heldOut.reduce((sum, s, i) => sum + Math.abs(local.seconds(s, voice) - (truth[i] as number)) / (truth[i] as number), 0) / heldOut.length;
    const before = error();
    expect(local.basis(voice)).toEqual({ kind: 'defaults' });
    await estimator.estimate(training, voice);
    const after = error();
    expect(after).toBeLessThan(before);
    expect(after).toBeLessThan(0.05);

  });
});
