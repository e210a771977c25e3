import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSupertoneClient } from '@/lib/sources/supertone';
import { ApiError } from '@/lib/sources/errors';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { predictedDuration } from '../api-double/duration';

const VOICE = '91992bbd4758bdcf9c9b01';
let api: ApiDouble;

beforeAll(async () => {
  api = await startApiDouble();
});
afterAll(() => api.close());
beforeEach(() => api.control.reset());

function client(overrides: Partial<Parameters<typeof createSupertoneClient>[0]> = {}) {
  return createSupertoneClient({ baseUrl: api.url, apiKey: 'test-key', backoffBaseMs: 5, backoffCapMs: 40, timeoutMs: 500, deadlineMs: 3_000, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const predictCalls = () => api.requests.filter((r) => r.path.startsWith('/v1/predict-duration')).length;
const body = { text: 'Hello there, how are you today?', language: 'en' as const, voice_settings: { speed: 1 } };

describe('predictDuration', () => {
  it('returns the API figure and sends the key, voice and settings', async () => {
    const seconds = await client().predictDuration(VOICE, { ...body, model: 'sona_speech_2', style: 'neutral' });
    expect(seconds).toBe(predictedDuration(VOICE, { ...body, model: 'sona_speech_2', style: 'neutral' }));
    const [request] = api.requests;
    expect(request?.headers['x-sup-api-key']).toBe('test-key');
    expect(request?.path).toBe(`/v1/predict-duration/${VOICE}`);
    expect(request?.body).toEqual({ ...body, model: 'sona_speech_2', style: 'neutral' });
  });

  it('refuses text over 300 characters before sending anything', async () => {
    await expect(client().predictDuration(VOICE, { ...body, text: 'a'.repeat(301) })).rejects.toThrow();
    expect(api.requests).toHaveLength(0);
  });
});

describe('errors that asking again will not fix: no retry, a clear message', () => {
  it.each([
    [401, 'auth', /API key rejected/],
    [403, 'forbidden', /forbidden/],
    [402, 'credits', /Not enough credits/],
    [404, 'not-found', /voice/],
  ] as const)('HTTP %i', async (status, kind, message) => {
    api.control.addFaults({ kind: 'status', status, times: 5 });
    const error = await failure(client().predictDuration(VOICE, body));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.isPermanent).toBe(true);
    expect(predictCalls()).toBe(1);
  });

  it('an unknown key is rejected by the API itself', async () => {
    const error = await failure(client({ apiKey: 'wrong-key-123' }).getCredits());
    expect(error.kind).toBe('auth');
  });

  it('an unknown voice is reported as such', async () => {
    const error = await failure(client().predictDuration('no-such-voice', body));
    expect(error.kind).toBe('not-found');
  });
});

describe('transient errors: capped, jittered retries', () => {
  it.each([500, 502, 503, 408] as const)('recovers from HTTP %i', async (status) => {
    api.control.addFaults({ kind: 'status', status, times: 2 });
    expect(await client().predictDuration(VOICE, body)).toBeGreaterThan(0);
    expect(predictCalls()).toBe(3);
  });

  it('gives up after the retry limit with the last error', async () => {
    api.control.addFaults({ kind: 'status', status: 503, times: 10 });
    const error = await failure(client({ retries: 2 }).predictDuration(VOICE, body));
    expect(error.kind).toBe('server');
    expect(predictCalls()).toBe(3);
  });

  it('honours Retry-After in seconds', async () => {
    api.control.addFaults({ kind: 'status', status: 429, retryAfter: '1' });
    const started = Date.now();
    await client().predictDuration(VOICE, body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(predictCalls()).toBe(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    api.control.addFaults({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 2_000).toUTCString() });
    const started = Date.now();
    await client().predictDuration(VOICE, body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('falls back to its own backoff for a garbage Retry-After', async () => {
    api.control.addFaults({ kind: 'status', status: 429, retryAfter: 'whenever' });
    const started = Date.now();
    await client().predictDuration(VOICE, body);
    expect(Date.now() - started).toBeLessThan(800);
    expect(predictCalls()).toBe(2);
  });

  it('does not wait out a huge Retry-After: reports it instead', async () => {
    api.control.addFaults({ kind: 'status', status: 429, retryAfter: '86400' });
    const error = await failure(client().predictDuration(VOICE, body));
    expect(error.kind).toBe('rate-limit');
    expect(error.retryAfterSeconds).toBe(86400);
    expect(error.message).toMatch(/Try again in 24 h\./);
    expect(predictCalls()).toBe(1);
  });

  it('times out a hanging server and retries', async () => {
    api.control.addFaults({ kind: 'hang' });
    expect(await client({ timeoutMs: 200 }).predictDuration(VOICE, body)).toBeGreaterThan(0);
    expect(predictCalls()).toBe(2);
  });

  it('reports a server that never answers as a timeout', async () => {
    api.control.addFaults({ kind: 'hang', times: 10 });
    const error = await failure(client({ timeoutMs: 100, retries: 1 }).predictDuration(VOICE, body));
    expect(error.kind).toBe('timeout');
  });

  it('stops a body dripped too slowly at the deadline', async () => {
    api.control.addFaults({ kind: 'drip', bytesPerSecond: 2 });
    const started = Date.now();
    const error = await failure(client({ deadlineMs: 600 }).predictDuration(VOICE, body));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an unreachable API', async () => {
    const error = await failure(createSupertoneClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', retries: 1, backoffBaseMs: 1 }).getCredits());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/unreachable.*127\.0\.0\.1:9/);
  });
});

describe('bad answers are never shown as numbers', () => {
  it('asks once more after a malformed answer', async () => {
    api.control.addFaults({ kind: 'malformed' });
    expect(await client().predictDuration(VOICE, body)).toBeGreaterThan(0);
    expect(predictCalls()).toBe(2);
  });

  it('rejects malformed JSON given twice', async () => {
    api.control.addFaults({ kind: 'malformed', times: 2 });
    expect((await failure(client().predictDuration(VOICE, body))).kind).toBe('bad-response');
    expect(predictCalls()).toBe(2);
  });

  it.each([[{}], [{ duration: -1 }], [{ duration: 'NaN' }], [{ duration: 1e308 }], [{ duration: null }]])('rejects off-schema body %j', async (offSchema) => {
    api.control.addFaults({ kind: 'body', body: offSchema, times: 2 });
    const error = await failure(client().predictDuration(VOICE, body));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/Unexpected response/);
  });

  it('refuses a 10 MB body without reading it all', async () => {
    api.control.addFaults({ kind: 'huge', times: 2 });
    expect((await failure(client().getCredits())).kind).toBe('bad-response');
  });
});

describe('redirects', () => {
  let other: Server;
  let otherHits: Array<string | undefined>;
  beforeAll(async () => {
    otherHits = [];
    other = createServer((req, res) => {
      otherHits.push(req.headers['x-sup-api-key'] as string | undefined);
      res.end('{"balance": 1}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  it.each([301, 302, 307, 308] as const)('refuses a %i to another host and never sends the key there', async (status) => {
    const port = (other.address() as AddressInfo).port;
    api.control.addFaults({ kind: 'redirect', status, location: `http://localhost:${port}/v1/credits` });
    const error = await failure(client().getCredits());
    expect(error.kind).toBe('redirect');
    expect(otherHits).toEqual([]);
  });
});

describe('account endpoints', () => {
  it('reads the balance, null included', async () => {
    api.control.setBalance(321.5);
    expect(await client().getCredits()).toEqual({ balance: 321.5 });
    api.control.setBalance(null);
    expect(await client().getCredits()).toEqual({ balance: null });
  });

  it('pages through every voice', async () => {
    const voices = await client().listVoices();
    expect(voices.length).toBeGreaterThan(40);
    expect(new Set(voices.map((v) => v.voice_id)).size).toBe(voices.length);
    expect(voices.some((v) => v.voice_id === VOICE)).toBe(true);
    expect(await client().getVoice(VOICE)).toMatchObject({ voice_id: VOICE, name: 'Adam' });
  });

  it('pages through usage buckets with a breakdown', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 30 * 86_400_000);
    const buckets = await client().getUsage({ start, end, bucketWidth: 'day', breakdown: ['voice_id'] });
    expect(buckets.length).toBeGreaterThanOrEqual(30);
    expect(new Set(buckets.map((b) => b.starting_at)).size).toBe(buckets.length);
    expect(api.requests.filter((r) => r.path === '/v1/usage').length).toBeGreaterThan(1);
    expect(buckets.flatMap((b) => b.results).every((r) => r.voice_id !== undefined)).toBe(true);
  });

  it('splits voice usage into windows of at most 30 days', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 44 * 86_400_000);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const rows = await client().getVoiceUsage(day(start), day(end));
    expect(rows.length).toBeGreaterThan(0);
    expect(api.requests.filter((r) => r.path === '/v1/voice-usage')).toHaveLength(2);
  });
});
