import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_ENDPOINT_NOTICE, endpointAnswered, endpointFailed } from '@/lib/account/endpoint-notice';
import { nextPollMinutes } from '@/lib/account/backoff';
import { createSources, DEFAULT_ENDPOINTS } from '@/lib/sources';
import { ApiError } from '@/lib/sources/errors';
import { SUNSET_MESSAGE } from '@/lib/sources/supertone';
import type { VoiceProfile } from '@/lib/sources/types';
import { startApiDouble, type ApiDouble } from '../api-double/server';

const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', speed: 1 };

/** What the default endpoint's host does when it is gone: no name, nothing listening, or a bare 404/410 page. */
const gone = {
  dns: (() => Promise.reject(new TypeError('fetch failed: getaddrinfo ENOTFOUND supertoneapi.com'))) as typeof fetch,
  notFound: (async () => new Response('<html>Not Found</html>', { status: 404, headers: { 'content-type': 'text/html' } })) as typeof fetch,
  goneForGood: (async () => new Response('', { status: 410 })) as typeof fetch,
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const supertone = (baseUrl: string, fetcher?: typeof fetch) => createSources('supertone', { baseUrl, apiKey: 'test-key', fetch: fetcher, retries: 0 });

describe('the Supertone sunset', () => {
  let api: ApiDouble;
  beforeAll(async () => { api = await startApiDouble(); });
  afterAll(() => api.close());
  beforeEach(() => api.control.reset());

  it.each(Object.entries(gone))('says the shutdown and what to do when the default endpoint fails (%s)', async (_name, fetcher) => {
    const { duration, account } = supertone(DEFAULT_ENDPOINTS.supertone, fetcher);
    for (const error of [await failure(duration.predict('Hello there.', voice)), await failure(account.balance())]) {
      expect(error.kind).toBe('sunset');
      expect(error.isPermanent).toBe(true);
      expect(error.message).toBe(SUNSET_MESSAGE);
    }
    expect(SUNSET_MESSAGE).toMatch(/2026-08-31.*AudioStack.*Supertone-compatible endpoint.*local model calibrated/);
  });

  it('keeps the live API\'s own "voice not found" on the default endpoint (its JSON error body)', async () => {
    const live = (async () => new Response(JSON.stringify({ status: 'error', message: { message: 'Voice not found' } }), { status: 404 })) as typeof fetch;
    const error = await failure(supertone(DEFAULT_ENDPOINTS.supertone, live).duration.predict('Hello.', voice));
    expect(error.kind).toBe('not-found');
  });

  it('gives a custom endpoint that is down the ordinary "cannot reach", not the sunset', async () => {
    const error = await failure(supertone('https://tts-proxy.example.com', gone.dns).duration.predict('Hello.', voice));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('API unreachable (tts-proxy.example.com).');
    const down = await failure(supertone('http://127.0.0.1:9').account.balance());
    expect(down.kind).toBe('network');
  });

  it('keeps working against a Supertone-compatible endpoint', async () => {
    const { duration, account } = supertone(api.url);
    expect((await duration.predict('Hello there.', voice)).seconds).toBeGreaterThan(0);
    expect((await account.balance()).balance).toBe(12_500);
  });
});

describe('an endpoint that keeps failing', () => {
  it('is checked at most once a day: at once for a sunset, by doubling for anything else', () => {
    expect(nextPollMinutes(30, 1, true)).toBe(1_440);
    expect(nextPollMinutes(30, 0, true)).toBe(30);
    const waits = Array.from({ length: 10 }, (_, n) => nextPollMinutes(30, n + 1));
    expect(waits).toEqual([60, 120, 240, 480, 960, 1_440, 1_440, 1_440, 1_440, 1_440]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(24 * 60);
  });

  it('is told to the user once per endpoint and cause, however many checks fail, and again only after it answered', () => {
    let state = INITIAL_ENDPOINT_NOTICE;
    const told: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const step = endpointFailed(state, { endpoint: DEFAULT_ENDPOINTS.supertone, cause: 'sunset' });
      told.push(step.notify);
      state = step.state;
    }
    expect(told).toEqual([true, false, false, false, false]);
    expect(endpointFailed(state, { endpoint: 'https://proxy.example.com', cause: 'network' }).notify).toBe(true);
    state = endpointAnswered(state, DEFAULT_ENDPOINTS.supertone);
    expect(endpointFailed(state, { endpoint: DEFAULT_ENDPOINTS.supertone, cause: 'sunset' }).notify).toBe(true);
    expect(endpointAnswered(state, 'https://never-failed.example.com')).toBe(state);
  });
});
