import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSources, type SourceOptions } from '@/lib/sources';
import { ApiError } from '@/lib/sources/errors';
import { paidRetryAllowed } from '@/lib/sources/http';
import type { CreditsMeta, VoiceProfile } from '@/lib/sources/types';
import { voiceDirectory } from '@/lib/sources/voice-catalog';
import { predictedLength } from '../audiostack-double/duration';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { findAudioStackVoice } from '../audiostack-double/voices';

let double: AudioStackDouble;
beforeAll(async () => { double = await startAudioStackDouble({ balance: 50 }); });
afterAll(() => double.close());
beforeEach(() => double.control.reset());

const voice: VoiceProfile = { source: 'audiostack', voiceId: 'sara', language: 'en', speed: 1 };
const TEXT = 'The harbour was quiet. Gulls circled the masts, and the tide came in slowly.';
const sara = findAudioStackVoice('sara');
const truth = (text: string) => predictedLength(sara ?? (() => { throw new Error('no sara'); })(), text);

function sources(overrides: Partial<SourceOptions> = {}) {
  const seen: Array<{ meta: CreditsMeta; at: number }> = [];
  const built = createSources('audiostack', {
    baseUrl: double.url, apiKey: 'test-key', backoffBaseMs: 2, backoffCapMs: 10, timeoutMs: 2_000, deadlineMs: 10_000, // room for a loaded machine; a hang still ends in 2 s
    onCredits: (_vendor, meta, at) => seen.push({ meta, at }), ...overrides,
  });
  return { ...built, seen };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const predictRequests = () => double.requests.filter((r) => r.path === '/speech/predict').length;

describe('AudioStack as a duration source', () => {
  it("answers the voice's length, reports the envelope's credits, and says what it costs before the call", async () => {
    const { duration, seen } = sources();
    expect(duration.creditsPerCall).toBe(0.25);
    const answer = await duration.predict(TEXT, voice);
    expect(answer).toEqual({ seconds: truth(TEXT), warnings: [], meta: { creditsUsed: 0.25, creditsRemaining: 49.75 } });
    expect(seen.map((s) => s.meta)).toEqual([{ creditsUsed: 0.25, creditsRemaining: 49.75 }]);
  });

  it('takes no speed: divides the length by it and says so; its cache inputs leave speed, model, style and language out', async () => {
    const { duration } = sources();
    const fast = { ...voice, speed: 1.25, model: 'sona_speech_2', style: 'happy' };
    const answer = await duration.predict(TEXT, fast);
    expect(answer.seconds).toBeCloseTo(truth(TEXT) / 1.25, 9);
    expect(answer.warnings).toEqual([{ code: 'speed-not-input', speed: 1.25 }]);
    expect(duration.cacheInputs(fast)).toEqual(duration.cacheInputs(voice));
    expect(double.requests[0]?.body).toEqual({ text: TEXT, voice: 'sara' });
  });

  it("plans calls by the voice's section limit (1,000 when the voice states none) and splits only at sentence ends", () => {
    const { duration } = sources({ voices: voiceDirectory([{ id: 'ava', name: 'ava', languages: [], styles: [], models: [], sectionCharacterLimit: 500, provider: 'wellsaid' }]) });
    expect(duration.limits({ ...voice, voiceId: 'ava' })).toEqual({ maxCharacters: 500, parallel: 2, split: 'sentence' });
    expect(duration.limits(voice)).toMatchObject({ maxCharacters: 1_000 });
    expect(duration.voiceDetails('ava')?.provider).toBe('wellsaid');
  });

  it('reads the `metadata` spelling, and a missing creditsRemaining as unknown, never 0', async () => {
    double.control.setEnvelope('metadata');
    expect((await sources().duration.predict(TEXT, voice)).meta).toEqual({ creditsUsed: 0.25, creditsRemaining: 49.75 });
    double.control.setReportRemaining(false);
    const { account } = sources();
    const reading = await account.balance();
    expect(reading.balance).toBeUndefined();
    expect(reading.meta).toEqual({ creditsUsed: 0 });
  });
});

describe('paid calls are never asked twice once they may have been answered', () => {
  it('asks again after a 5xx (an HTML page) or a 429, which were not answered: one charge in all', async () => {
    double.control.addFaults({ kind: 'status', status: 502 }, { kind: 'status', status: 429 });
    const answer = await sources().duration.predict(TEXT, voice);
    expect(answer.seconds).toBe(truth(TEXT));
    expect(predictRequests()).toBe(3);
    expect(double.control.charges()).toHaveLength(1);
  });

  it('asks again when no connection was made (nothing was answered)', async () => {
    let refused = 1;
    const fetchOnce: typeof fetch = (input, init) => {
      if (refused-- > 0) return Promise.reject(new TypeError('fetch failed: ECONNREFUSED'));
      return fetch(input, init);
    };
    expect((await sources({ fetch: fetchOnce }).duration.predict(TEXT, voice)).seconds).toBe(truth(TEXT));
    expect(double.control.charges()).toHaveLength(1);
  });

  it.each([
    ['a hang (our timeout: the vendor may have done the work)', { kind: 'hang' } as const, 'timeout'],
    ['a gateway timeout ("Endpoint request timed out")', { kind: 'status', status: 504 } as const, 'timeout'],
    ['a garbled 200', { kind: 'malformed' } as const, 'bad-response'],
  ])('does not ask again after %s, and counts the charge as not known', async (_name, fault, kind) => {
    double.control.addFaults(fault);
    const error = await failure(sources().duration.predict(TEXT, voice));
    expect(error.kind).toBe(kind);
    expect(error.charge).toEqual({ credits: 0.25, known: false });
    expect(predictRequests()).toBe(1);
    expect(double.control.charges()).toHaveLength(1); // the double billed it: asking again would bill twice
  });

  it('does not ask again after an answer off the schema, and takes the charge its envelope states', async () => {
    double.control.addFaults({ kind: 'body', body: { data: { length: -3 }, meta: { creditsUsed: 0.25, creditsRemaining: 10 } } });
    const error = await failure(sources().duration.predict(TEXT, voice));
    expect(error).toMatchObject({ kind: 'bad-response' });
    expect(error.charge).toEqual({ credits: 0.25, known: true });
    expect(predictRequests()).toBe(1);
  });

  it.each([
    ['rejected key', { apiKey: 'wrong-key' }, 'auth', 401],
    ['key without permission', { apiKey: 'forbidden-key' }, 'forbidden', 403],
    ['exhausted account', { apiKey: 'exhausted-key' }, 'credits', 402],
  ] as const)('stops at a %s without asking again', async (_name, options, kind, status) => {
    const error = await failure(sources(options).duration.predict(TEXT, voice));
    expect(error).toMatchObject({ kind, status });
    expect(error.isPermanent).toBe(true);
    expect(predictRequests()).toBe(1);
  });

  it('names AudioStack when its credits run out, with the balance its envelope told', async () => {
    double.control.setBalance(0.1);
    const { duration, seen } = sources();
    const error = await failure(duration.predict(TEXT, voice));
    expect(error.message).toBe('Not enough credits on the AudioStack account.');
    expect(seen.map((s) => s.meta)).toEqual([{ creditsUsed: 0, creditsRemaining: 0.1 }]);
  });

  it('does not ask again on a 409 (idempotency conflict) or an unknown voice', async () => {
    double.control.addFaults({ kind: 'status', status: 409 });
    expect((await failure(sources().duration.predict(TEXT, voice))).kind).toBe('conflict');
    expect((await failure(sources().duration.predict(TEXT, { ...voice, voiceId: 'legacy' }))).kind).toBe('not-found');
    expect(predictRequests()).toBe(2);
  });

  it('gives up on a 5xx that stays, after the retries, having been charged nothing', async () => {
    double.control.addFaults({ kind: 'status', status: 503, times: 10 });
    const error = await failure(sources({ retries: 2 }).duration.predict(TEXT, voice));
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(error.charge).toBeUndefined();
    expect(predictRequests()).toBe(3);
    expect(double.control.charges()).toEqual([]);
  });

  it('writes the rule down as a function of the error alone', () => {
    expect(paidRetryAllowed(new ApiError('network', 'x'))).toBe(true);
    expect(paidRetryAllowed(new ApiError('server', 'x', 500))).toBe(true);
    expect(paidRetryAllowed(new ApiError('server', 'x', 504))).toBe(false);
    expect(paidRetryAllowed(new ApiError('server', 'x', 500, undefined, { charge: { credits: 0.25, known: true } }))).toBe(false);
    expect(paidRetryAllowed(new ApiError('timeout', 'x'))).toBe(false);
    expect(paidRetryAllowed(new ApiError('bad-response', 'x', 200))).toBe(false);
  });
});

describe('AudioStack as an account source', () => {
  it('reads the balance from the 0-credit call, and lists voices (paid) with provider, rate and section limit', async () => {
    const { account } = sources();
    expect(account.balanceCost).toBe(0);
    expect(account.voicesCost).toBe(0.25);
    expect(account.usage).toBeUndefined();
    const reading = await account.balance();
    expect(reading).toMatchObject({ balance: 50, meta: { creditsUsed: 0, creditsRemaining: 50 } });
    const voices = await account.voices();
    expect(voices.find((v) => v.id === 'sara')).toEqual({
      id: 'sara', name: 'sara (Azure by Microsoft)', languages: ['en-US'], styles: [], models: [],
      provider: 'azure', charsPerSecond: 14.6, sectionCharacterLimit: 1_000,
    });
    expect(voices.find((v) => v.id === 'isaac')?.sectionCharacterLimit).toBeUndefined();
    expect((await account.balance()).balance).toBe(49.75);
  });

  it('leaves out a voice off the schema and keeps the others', async () => {
    double.control.addFaults({ kind: 'body', body: { data: { voices: [{ alias: 'ok', provider: 'azure', voiceId: 'x', gender: 'f', ageBracket: 'adult', type: 'public' }, { alias: 42 }] }, meta: { creditsUsed: 0.25 } } });
    expect((await sources().account.voices()).map((v) => v.id)).toEqual(['ok']);
  });
});
