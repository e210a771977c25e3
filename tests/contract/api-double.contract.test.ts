import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble, type UsageRecordInput } from '../api-double/server';
import { validateRequest, validateResponse } from '../api-double/openapi';
import { predictedDuration, voiceFactor } from '../api-double/duration';
import { ADAM_VOICE_ID, VOICES } from '../api-double/voices';
import { STATUS_FAULT_CODES } from '../api-double/types';

/**
 * The API double against the vendor's OpenAPI contract: every response body is checked with
 * validateResponse, and the double's own behaviour (paging, usage, faults, control) is pinned down.
 */

const KEY = 'test-key';
const PREDICT = '/v1/predict-duration/{voice_id}';
const ADAM_PREDICT = `/v1/predict-duration/${ADAM_VOICE_ID}`;
const NOW = new Date('2025-03-15T12:34:56Z');

let double: ApiDouble;
beforeAll(async () => {
  double = await startApiDouble({ now: () => NOW });
});
afterAll(() => double.close());
afterEach(() => double.control.reset());

interface CallOptions {
  method?: string;
  /** null sends no key. */
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  redirect?: RequestRedirect;
  signal?: AbortSignal;
  base?: string;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

async function call(path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['x-sup-api-key'] = options.key ?? KEY;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${options.base ?? double.url}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: options.redirect,
    signal: options.signal,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/** Asserts the status and that the body fits the contract for it. */
function expectContract(method: string, template: string, answer: Answer, status: number): void {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(validateResponse(method, template, answer.status, answer.json())).toEqual([]);
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function durationOf(answer: Answer): number {
  const duration = field(answer.json(), 'duration');
  if (typeof duration !== 'number') throw new Error(`no duration in ${answer.text}`);
  return duration;
}

function errorMessage(answer: Answer): string {
  return String(field(field(answer.json(), 'message'), 'message'));
}

const predict = (body: unknown, voiceId = ADAM_VOICE_ID, options: CallOptions = {}) =>
  call(`/v1/predict-duration/${voiceId}`, { ...options, method: 'POST', body });

describe('validateRequest / validateResponse', () => {
  const good = { text: 'Hello there.', language: 'en', model: 'sona_speech_2_flash', voice_settings: { speed: 1.5 } };

  it('accepts good requests', () => {
    expect(validateRequest('post', PREDICT, { body: good })).toEqual([]);
    // 300 code points that are 600 UTF-16 units: the limit counts characters like a Python server.
    expect(validateRequest('post', PREDICT, { body: { text: '😀'.repeat(300), language: 'ko' } })).toEqual([]);
    expect(validateRequest('get', '/v1/voices', { query: { page_size: '50', next_page_token: 'abc' } })).toEqual([]);
    const usage = { start_time: '2025-01-01T00:00:00Z', end_time: '2025-01-02T00:00:00Z', bucket_width: 'hour', page_size: '20' };
    expect(validateRequest('get', '/v1/usage', { query: { ...usage, breakdown_type: ['voice_id', 'model'] } })).toEqual([]);
    expect(validateRequest('get', '/v1/usage', { query: { ...usage, breakdown_type: 'voice_name' } })).toEqual([]);
  });

  it('rejects bad predict bodies', () => {
    const check = (body: unknown, fragment: string) => {
      const errors = validateRequest('post', PREDICT, { body });
      expect(errors.join('\n')).toContain(fragment);
    };
    check({ ...good, text: 'a'.repeat(301) }, 'body/text');
    check({ ...good, text: '😀'.repeat(301) }, 'body/text');
    check({ ...good, language: 'xx' }, 'body/language');
    check({ ...good, voice_settings: { speed: 3 } }, 'body/voice_settings/speed');
    check({ ...good, model: 'gpt-voice' }, 'body/model');
    check({ language: 'en' }, "required property 'text'");
    expect(validateRequest('post', PREDICT, {})).toEqual(['body is required']);
  });

  it('rejects bad query parameters', () => {
    const usage = { start_time: '2025-01-01T00:00:00Z', end_time: '2025-01-02T00:00:00Z' };
    for (const pageSize of ['21', '0', 'abc', '']) {
      expect(validateRequest('get', '/v1/usage', { query: { ...usage, page_size: pageSize } }).join()).toContain('query/page_size');
    }
    expect(validateRequest('get', '/v1/voices', { query: { page_size: 'ten' } }).join()).toContain('query/page_size');
    expect(validateRequest('get', '/v1/voices', { query: { page_size: ['10', '20'] } }).join()).toContain('query/page_size');
    expect(validateRequest('get', '/v1/usage', { query: { ...usage, bucket_width: 'week' } }).join()).toContain('query/bucket_width');
    expect(validateRequest('get', '/v1/usage', { query: { ...usage, breakdown_type: ['voice_id', 'country'] } }).join()).toContain('query/breakdown_type/1');
    expect(validateRequest('get', '/v1/usage', { query: { end_time: usage.end_time } }).join()).toContain("'start_time'");
    expect(validateRequest('get', '/v1/voice-usage', { query: {} })).toHaveLength(2);
  });

  it('rejects off-contract responses, so the checks below mean something', () => {
    expect(validateResponse('post', PREDICT, 200, { duration: 'NaN' })).not.toEqual([]);
    expect(validateResponse('get', '/v1/voices', 200, { items: [{ voice_id: 'x' }], total: 1 })).not.toEqual([]);
    expect(validateResponse('get', '/v1/credits', 200, {})).not.toEqual([]);
    expect(validateResponse('get', '/v1/usage', 200, { data: [{ starting_at: 'x', results: [] }], total: 1 })).not.toEqual([]);
    expect(validateResponse('post', PREDICT, 429, { status: 'error', message: { message: 'x', error: 'y' } })).not.toEqual([]);
    expect(validateResponse('get', '/v1/credits', 200, { balance: null })).toEqual([]);
    expect(validateResponse('get', '/v1/credits', 204, undefined)).not.toEqual([]);
  });
});

describe('auth', () => {
  const withKey = (key: string | null) => [
    ['get', '/v1/voices', () => call('/v1/voices', { key })],
    ['get', '/v1/voices/{voice_id}', () => call(`/v1/voices/${ADAM_VOICE_ID}`, { key })],
    ['post', PREDICT, () => predict({ text: 'Hi.', language: 'en' }, ADAM_VOICE_ID, { key })],
    ['get', '/v1/credits', () => call('/v1/credits', { key })],
    ['get', '/v1/usage', () => call('/v1/usage?start_time=2025-03-01T00:00:00Z&end_time=2025-03-02T00:00:00Z', { key })],
    ['get', '/v1/voice-usage', () => call('/v1/voice-usage?start_date=2025-03-01&end_date=2025-03-02', { key })],
  ] as const;

  it('answers 401 without a key or with an unknown one, 403 for forbidden-key, on every endpoint', async () => {
    for (const [key, status] of [[null, 401], ['wrong-key', 401], ['forbidden-key', 403], [KEY, 200]] as const) {
      for (const [method, template, send] of withKey(key)) expectContract(method, template, await send(), status);
    }
  });

  it('answers 402 to exhausted-key on predict only', async () => {
    for (const [method, template, send] of withKey('exhausted-key')) {
      expectContract(method, template, await send(), template === PREDICT ? 402 : 200);
    }
    expect(errorMessage(await predict({ text: 'Hi.', language: 'en' }, ADAM_VOICE_ID, { key: 'exhausted-key' }))).toBe('Not Enough Credits');
  });

  it('honours options.keys', async () => {
    const other = await startApiDouble({ keys: ['k1', 'k2'] });
    try {
      expect((await call('/v1/credits', { base: other.url, key: 'k2' })).status).toBe(200);
      expect((await call('/v1/credits', { base: other.url, key: KEY })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers unknown routes with a vendor-shaped 404', async () => {
    const answer = await call('/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(validateResponse('get', '/v1/voices/{voice_id}', 404, answer.json())).toEqual([]);
  });
});

describe('voices', () => {
  it('pages through every voice exactly once with opaque tokens', async () => {
    const ids: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const query: string = token === null ? '?page_size=10' : `?page_size=10&next_page_token=${encodeURIComponent(token)}`;
      const answer = await call(`/v1/voices${query}`);
      expectContract('get', '/v1/voices', answer, 200);
      const page = answer.json() as { items: Array<{ voice_id: string }>; total: number; next_page_token: string | null };
      expect(page.total).toBe(VOICES.length);
      ids.push(...page.items.map((v) => v.voice_id));
      token = page.next_page_token;
      pages += 1;
    } while (token !== null && pages < 20);
    expect(pages).toBe(Math.ceil(VOICES.length / 10));
    expect(ids).toHaveLength(VOICES.length);
    expect(new Set(ids).size).toBe(VOICES.length);
    expect(ids).toContain(ADAM_VOICE_ID);
    expect(VOICES.length).toBeGreaterThanOrEqual(40);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{22}$/);
  });

  it('defaults to 20 a page and serves up to 100', async () => {
    const first = (await call('/v1/voices')).json() as { items: unknown[]; next_page_token: unknown };
    expect(first.items).toHaveLength(20);
    expect(typeof first.next_page_token).toBe('string');
    const all = await call('/v1/voices?page_size=100');
    expectContract('get', '/v1/voices', all, 200);
    expect(all.json()).toMatchObject({ total: VOICES.length, next_page_token: null });
  });

  it('rejects page sizes outside 10..100 and foreign tokens', async () => {
    for (const query of ['?page_size=5', '?page_size=101', '?page_size=12.5', '?page_size=abc', '?next_page_token=bogus']) {
      expectContract('get', '/v1/voices', await call(`/v1/voices${query}`), 400);
    }
  });

  it('gets one voice by id, or 404', async () => {
    const adam = await call(`/v1/voices/${ADAM_VOICE_ID}`);
    expectContract('get', '/v1/voices/{voice_id}', adam, 200);
    expect(adam.json()).toMatchObject({ voice_id: ADAM_VOICE_ID, name: 'Adam' });
    expectContract('get', '/v1/voices/{voice_id}', await call('/v1/voices/0000000000000000000000'), 404);
  });
});

describe('predict-duration', () => {
  const hello = { text: 'Hello, world. This is a test of the duration model!', language: 'en' };

  it('returns the model duration, deterministically', async () => {
    const first = await predict(hello);
    expectContract('post', PREDICT, first, 200);
    expect(durationOf(first)).toBe(predictedDuration(ADAM_VOICE_ID, hello));
    expect(durationOf(await predict(hello))).toBe(durationOf(first));
    expect(durationOf(first)).toBeGreaterThan(2);
    expect(durationOf(first)).toBeLessThan(6);
  });

  it('scales with speed: 2 is about half, 0.5 about double', async () => {
    const normal = durationOf(await predict(hello));
    const fast = durationOf(await predict({ ...hello, voice_settings: { speed: 2 } }));
    const slow = durationOf(await predict({ ...hello, voice_settings: { speed: 0.5 } }));
    expect(Math.abs(fast - normal / 2)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(slow - normal * 2)).toBeLessThanOrEqual(0.02);
  });

  it('reacts to language, punctuation, model, style and voice', () => {
    const english = predictedDuration(ADAM_VOICE_ID, { text: 'abcdefghijklmnopqrst', language: 'en' });
    const korean = predictedDuration(ADAM_VOICE_ID, { text: '가나다라마바사아자차카타파하가나다라마바', language: 'ko' });
    expect(korean).toBeGreaterThan(english * 1.8);
    // A comma (0.25 s) and a sentence end on a newline (the longer, 0.6 s), scaled by the voice.
    const paused = predictedDuration(ADAM_VOICE_ID, { text: 'Hello, world.\nAgain', language: 'en' });
    const plain = predictedDuration(ADAM_VOICE_ID, { text: 'Hello world Again', language: 'en' });
    expect(Math.abs(paused - plain - 0.85 * voiceFactor(ADAM_VOICE_ID))).toBeLessThanOrEqual(0.011);
    expect(predictedDuration(ADAM_VOICE_ID, { ...hello, model: 'sona_speech_2_flash' })).toBeLessThan(predictedDuration(ADAM_VOICE_ID, hello));
    expect(predictedDuration(ADAM_VOICE_ID, { ...hello, style: 'sad' })).toBeGreaterThan(predictedDuration(ADAM_VOICE_ID, hello));
    const factors = VOICES.map((v) => voiceFactor(v.voice_id));
    for (const f of factors) expect(f >= 0.85 && f < 1.15).toBe(true);
    expect(new Set(VOICES.map((v) => predictedDuration(v.voice_id, hello))).size).toBeGreaterThan(10);
  });

  it('accepts a style the voice offers and rejects one it does not', async () => {
    const voice = VOICES.find((v) => !v.styles.includes('whisper') && v.styles.length > 1);
    if (!voice) throw new Error('fixture: every voice whispers');
    const offered = voice.styles[1] ?? 'neutral';
    const ok = await predict({ ...hello, style: offered }, voice.voice_id);
    expectContract('post', PREDICT, ok, 200);
    expect(durationOf(ok)).toBe(predictedDuration(voice.voice_id, { ...hello, style: offered }));
    expectContract('post', PREDICT, await predict({ ...hello, style: 'whisper' }, voice.voice_id), 400);
  });

  it('counts the 300-character limit in code points', async () => {
    expectContract('post', PREDICT, await predict({ text: '가'.repeat(300), language: 'ko' }), 200);
    expectContract('post', PREDICT, await predict({ text: '😀'.repeat(299) + 'a', language: 'en' }), 200);
    expectContract('post', PREDICT, await predict({ text: '가'.repeat(301), language: 'ko' }), 400);
  });

  it('answers 400 to invalid requests', async () => {
    const bad: unknown[] = [
      { ...hello, text: '' },
      { ...hello, text: '  ... !? , \n ' },
      { ...hello, language: 'xx' },
      { ...hello, voice_settings: { speed: 3 } },
      { ...hello, model: 'nope' },
      { language: 'en' },
      'not an object',
    ];
    for (const body of bad) expectContract('post', PREDICT, await predict(body), 400);
    expectContract('post', PREDICT, await call(ADAM_PREDICT, { method: 'POST', rawBody: '{"text": "Hi",' }), 400);
    expectContract('post', PREDICT, await call(ADAM_PREDICT, { method: 'POST' }), 400);
  });

  it('answers 404 to an unknown voice', async () => {
    expectContract('post', PREDICT, await predict(hello, 'ffffffffffffffffffffff'), 404);
  });

  it('leaves the balance alone (predict is free)', async () => {
    for (let i = 0; i < 3; i++) await predict(hello);
    expect((await call('/v1/credits')).json()).toEqual({ balance: 12_500 });
  });
});

describe('credits', () => {
  it('reports the balance, which may be null', async () => {
    expectContract('get', '/v1/credits', await call('/v1/credits'), 200);
    double.control.setBalance(42.5);
    expect((await call('/v1/credits')).json()).toEqual({ balance: 42.5 });
    double.control.setBalance(null);
    const none = await call('/v1/credits');
    expectContract('get', '/v1/credits', none, 200);
    expect(none.json()).toEqual({ balance: null });
  });
});

const RECORDS: UsageRecordInput[] = [
  { at: '2025-03-01T01:30:00Z', voice_id: 'v-adam', voice_name: 'Adam', model: 'sona_speech_1', api_key: 'sup_****aaaa', minutes: 1.5, style: 'neutral', language: 'en' },
  { at: '2025-03-01T01:45:00Z', voice_id: 'v-adam', voice_name: 'Adam', model: 'sona_speech_2_flash', api_key: 'sup_****bbbb', minutes: 0.25, style: 'neutral', language: 'en' },
  { at: '2025-03-01T05:00:00Z', voice_id: 'v-bella', voice_name: 'Bella', model: 'sona_speech_1', api_key: 'sup_****aaaa', minutes: 2, style: 'happy', language: 'ko' },
  { at: new Date('2025-03-02T23:59:59Z'), voice_id: 'v-bella', voice_name: 'Bella', model: 'sona_speech_1', api_key: 'sup_****aaaa', minutes: 0.75 },
  { at: '2025-03-05T00:00:00Z', voice_id: 'v-adam', voice_name: 'Adam', model: 'sona_speech_1', api_key: 'sup_****aaaa', minutes: 9 },
];

interface UsagePage {
  data: Array<{ starting_at: string; ending_at: string; results: Array<Record<string, unknown> & { minutes_used: number }> }>;
  total: number;
  next_page_token: string | null;
}

async function usagePage(query: string): Promise<UsagePage> {
  const answer = await call(`/v1/usage?${query}`);
  expectContract('get', '/v1/usage', answer, 200);
  return answer.json() as UsagePage;
}

describe('usage', () => {
  const range = 'start_time=2025-03-01T00:00:00Z&end_time=2025-03-05T00:00:00Z';

  it('sums each day bucket, end exclusive, one total result when there is no breakdown', async () => {
    double.control.setUsage(RECORDS);
    const page = await usagePage(range);
    expect(page.total).toBe(4);
    expect(page.next_page_token).toBeNull();
    expect(page.data.map((b) => b.starting_at)).toEqual(['2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z', '2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z']);
    expect(page.data.map((b) => b.results)).toEqual([[{ minutes_used: 3.75 }], [{ minutes_used: 0.75 }], [{ minutes_used: 0 }], [{ minutes_used: 0 }]]);
  });

  it('breaks down by repeated breakdown_type', async () => {
    double.control.setUsage(RECORDS);
    const page = await usagePage(`${range}&breakdown_type=voice_name&breakdown_type=model`);
    expect(page.data[0]?.results).toEqual([
      { voice_name: 'Adam', model: 'sona_speech_1', minutes_used: 1.5 },
      { voice_name: 'Adam', model: 'sona_speech_2_flash', minutes_used: 0.25 },
      { voice_name: 'Bella', model: 'sona_speech_1', minutes_used: 2 },
    ]);
    expect(page.data[2]?.results).toEqual([]);
    const byKey = await usagePage(`${range}&breakdown_type=api_key`);
    expect(byKey.data[0]?.results).toEqual([{ api_key: 'sup_****aaaa', minutes_used: 3.5 }, { api_key: 'sup_****bbbb', minutes_used: 0.25 }]);
  });

  it('pages hour buckets so each comes exactly once', async () => {
    double.control.setUsage(RECORDS);
    const starts: string[] = [];
    let minutes = 0;
    let token: string | null = null;
    let pages = 0;
    do {
      const suffix: string = token === null ? '' : `&next_page_token=${encodeURIComponent(token)}`;
      const page = await usagePage(`${range}&bucket_width=hour&page_size=20${suffix}`);
      expect(page.total).toBe(96);
      starts.push(...page.data.map((b) => b.starting_at));
      minutes += page.data.flatMap((b) => b.results).reduce((sum, r) => sum + r.minutes_used, 0);
      token = page.next_page_token;
      pages += 1;
    } while (token !== null && pages < 10);
    expect(pages).toBe(5);
    expect(starts).toHaveLength(96);
    expect(new Set(starts).size).toBe(96);
    expect(starts[95]).toBe('2025-03-04T23:00:00Z');
    expect(minutes).toBeCloseTo(4.5, 6);
  });

  it('echoes the caller offset and cuts the last bucket at end_time', async () => {
    double.control.setUsage(RECORDS);
    const page = await usagePage('start_time=2025-03-01T09:00:00%2B09:00&end_time=2025-03-02T21:00:00%2B09:00');
    expect(page.data.map((b) => [b.starting_at, b.ending_at])).toEqual([
      ['2025-03-01T09:00:00+09:00', '2025-03-02T09:00:00+09:00'],
      ['2025-03-02T09:00:00+09:00', '2025-03-02T21:00:00+09:00'],
    ]);
    expect(page.data[0]?.results).toEqual([{ minutes_used: 3.75 }]);
  });

  it('answers 400 to bad times, ranges, sizes and tokens', async () => {
    const bad = [
      'start_time=2025-03-01&end_time=2025-03-02T00:00:00Z',
      'start_time=2025-03-01T00:00:00&end_time=2025-03-02T00:00:00Z',
      'start_time=2025-02-30T00:00:00Z&end_time=2025-03-02T00:00:00Z',
      'start_time=2025-03-01T00:00:00+09:00&end_time=2025-03-02T00:00:00Z', // "+" unencoded reads as a space
      'start_time=2025-03-02T00:00:00Z&end_time=2025-03-02T00:00:00Z',
      'start_time=2025-03-03T00:00:00Z&end_time=2025-03-02T00:00:00Z',
      `${range}&page_size=21`,
      `${range}&bucket_width=week`,
      `${range}&breakdown_type=country`,
      `${range}&next_page_token=bogus`,
      'end_time=2025-03-02T00:00:00Z',
    ];
    for (const query of bad) expectContract('get', '/v1/usage', await call(`/v1/usage?${query}`), 400);
  });

  it('has deterministic synthetic data over the 45 days before the clock', async () => {
    const query = 'start_time=2025-01-29T00:00:00Z&end_time=2025-03-16T00:00:00Z';
    const page = await usagePage(`${query}&page_size=20&breakdown_type=voice_id`);
    expect(page.total).toBe(46);
    const other = await startApiDouble({ now: () => NOW });
    try {
      const again = await call(`/v1/usage?${query}&page_size=20&breakdown_type=voice_id`, { base: other.url });
      expect(again.json()).toEqual(page);
    } finally {
      await other.close();
    }
    const all: UsagePage['data'] = [];
    let token: string | null = null;
    do {
      const suffix: string = token === null ? '' : `&next_page_token=${encodeURIComponent(token)}`;
      const next = await usagePage(`${query}&page_size=20${suffix}`);
      all.push(...next.data);
      token = next.next_page_token;
    } while (token !== null);
    const used = all.filter((b) => (b.results[0]?.minutes_used ?? 0) > 0);
    expect(used.length).toBeGreaterThan(30);
    expect(all[0]?.results).toEqual([{ minutes_used: 0 }]); // 2025-01-29: older than 45 days
    expect(used.every((b) => b.starting_at >= '2025-01-30')).toBe(true);
    expect(all.at(-1)?.results).toEqual([{ minutes_used: 0 }]); // nothing after the clock
  });
});

describe('voice-usage', () => {
  it('groups by UTC date, voice, style, language and model, end date inclusive', async () => {
    double.control.setUsage(RECORDS);
    const answer = await call('/v1/voice-usage?start_date=2025-03-01&end_date=2025-03-02');
    expectContract('get', '/v1/voice-usage', answer, 200);
    expect(answer.json()).toEqual({
      usages: [
        { date: '2025-03-01', voice_id: 'v-adam', name: 'Adam', style: 'neutral', language: 'en', total_minutes_used: 1.5, model: 'sona_speech_1' },
        { date: '2025-03-01', voice_id: 'v-adam', name: 'Adam', style: 'neutral', language: 'en', total_minutes_used: 0.25, model: 'sona_speech_2_flash' },
        { date: '2025-03-01', voice_id: 'v-bella', name: 'Bella', style: 'happy', language: 'ko', total_minutes_used: 2, model: 'sona_speech_1' },
        { date: '2025-03-02', voice_id: 'v-bella', name: 'Bella', total_minutes_used: 0.75, model: 'sona_speech_1' },
      ],
    });
  });

  it('appends with addUsage', async () => {
    double.control.setUsage(RECORDS);
    double.control.addUsage([{ at: '2025-03-04T10:00:00Z', voice_id: 'v-cora', voice_name: 'Cora', model: 'sona_speech_1', api_key: 'sup_****aaaa', minutes: 4 }]);
    const answer = await call('/v1/voice-usage?start_date=2025-03-03&end_date=2025-03-05');
    expect(answer.json()).toEqual({
      usages: [
        { date: '2025-03-04', voice_id: 'v-cora', name: 'Cora', total_minutes_used: 4, model: 'sona_speech_1' },
        { date: '2025-03-05', voice_id: 'v-adam', name: 'Adam', total_minutes_used: 9, model: 'sona_speech_1' },
      ],
    });
  });

  it('allows at most 30 days between the dates and answers 400 otherwise', async () => {
    expectContract('get', '/v1/voice-usage', await call('/v1/voice-usage?start_date=2025-03-01&end_date=2025-03-31'), 200);
    const bad = [
      'start_date=2025-03-01&end_date=2025-04-01',
      'start_date=2025-03-02&end_date=2025-03-01',
      'start_date=2025-3-1&end_date=2025-03-02',
      'start_date=2025-02-30&end_date=2025-03-02',
      'start_date=2025-03-01',
    ];
    for (const query of bad) expectContract('get', '/v1/voice-usage', await call(`/v1/voice-usage?${query}`), 400);
  });
});

describe('faults', () => {
  const hi = { text: 'Hi there.', language: 'en' };

  it('sends Retry-After verbatim with a vendor-shaped 429, once', async () => {
    for (const retryAfter of ['7', 'Wed, 21 Oct 2015 07:28:00 GMT', 'soon-ish', '-3']) {
      double.control.addFaults({ kind: 'status', status: 429, retryAfter });
      const limited = await predict(hi);
      expectContract('post', PREDICT, limited, 429);
      expect(limited.headers.get('retry-after')).toBe(retryAfter);
      expectContract('post', PREDICT, await predict(hi), 200);
    }
  });

  it('answers every status fault kind with a body that fits the contract', async () => {
    // 409 is AudioStack's (an idempotency conflict, from the shared fault list): Supertone's contract has none.
    for (const status of STATUS_FAULT_CODES.filter((code) => code !== 409)) {
      double.control.addFaults({ kind: 'status', status });
      const answer = await predict(hi);
      expectContract('post', PREDICT, answer, status);
      expect(answer.headers.get('retry-after')).toBeNull();
    }
  });

  it('applies queued faults in order, by path, as many times as asked', async () => {
    double.control.addFaults({ kind: 'status', status: 503, path: '/v1/credits', times: 2 }, { kind: 'status', status: 500 });
    expect((await call('/v1/voices')).status).toBe(500);
    expect((await call('/v1/credits')).status).toBe(503);
    expect((await call('/v1/credits')).status).toBe(503);
    expect((await call('/v1/credits')).status).toBe(200);
    double.control.addFaults({ kind: 'status', status: 502 });
    double.control.clearFaults();
    expect((await call('/v1/credits')).status).toBe(200);
  });

  it('hang never answers', async () => {
    double.control.addFaults({ kind: 'hang' });
    const started = Date.now();
    await expect(predict(hi, ADAM_VOICE_ID, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expectContract('post', PREDICT, await predict(hi), 200);
  });

  it('drip delivers the normal body, slowly', async () => {
    double.control.addFaults({ kind: 'drip', bytesPerSecond: 40 });
    const started = Date.now();
    const answer = await predict(hi);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expectContract('post', PREDICT, answer, 200);
    expect(durationOf(answer)).toBe(predictedDuration(ADAM_VOICE_ID, hi));
  });

  it('malformed is a 200 that is not JSON', async () => {
    double.control.addFaults({ kind: 'malformed' });
    const answer = await predict(hi);
    expect(answer.status).toBe(200);
    expect(() => answer.json()).toThrow();
  });

  it('body sends any status and body, off-contract ones included', async () => {
    const bodies: Array<[unknown, boolean]> = [
      [{}, true], // the contract does not even require `duration`: the client must
      [{ duration: -1 }, true],
      [{ duration: 'NaN' }, false],
      [{ duration: 1e308 }, true],
    ];
    for (const [body, fits] of bodies) {
      double.control.addFaults({ kind: 'body', body });
      const answer = await predict(hi);
      expect(answer.json()).toEqual(body);
      expect(validateResponse('post', PREDICT, answer.status, answer.json()).length === 0).toBe(fits);
    }
    double.control.addFaults({ kind: 'body', status: 502, body: '<html>Bad gateway</html>' });
    const html = await predict(hi);
    expect([html.status, html.text]).toEqual([502, '<html>Bad gateway</html>']);
  });

  it('huge is a 200 of at least 10 MB of valid JSON', async () => {
    double.control.addFaults({ kind: 'huge' });
    const answer = await predict(hi);
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(typeof answer.json()).toBe('object');
  });

  it('redirect carries Location', async () => {
    double.control.addFaults({ kind: 'redirect', location: 'https://evil.example/steal' }, { kind: 'redirect', location: '/v1/credits', status: 307 });
    const first = await predict(hi, ADAM_VOICE_ID, { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([302, 'https://evil.example/steal']);
    const second = await predict(hi, ADAM_VOICE_ID, { redirect: 'manual' });
    expect([second.status, second.headers.get('location')]).toEqual([307, '/v1/credits']);
  });

  it('random faults follow the seed', async () => {
    const run = async (seed: number, rate: number): Promise<number[]> => {
      double.control.reset();
      double.control.setRandomFaults({ rate, seed, kinds: [{ kind: 'status', status: 503 }, { kind: 'status', status: 429, retryAfter: '1' }] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call('/v1/credits')).status);
      return statuses;
    };
    const a = await run(7, 0.5);
    expect(await run(7, 0.5)).toEqual(a);
    expect(await run(8, 0.5)).not.toEqual(a);
    const failures = a.filter((s) => s !== 200).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
    expect(new Set(a)).toEqual(new Set([200, 503, 429]));
    expect(new Set(await run(7, 0))).toEqual(new Set([200]));
    expect((await run(7, 1)).includes(200)).toBe(false);
  });

  it('close() ends hanging and dripping connections', async () => {
    const other = await startApiDouble();
    other.control.addFaults({ kind: 'hang' }, { kind: 'drip', bytesPerSecond: 1 });
    // Settled into values at once: the failures land while close() runs, not at the assertions.
    const outcome = (path: string) => call(path, { base: other.url }).then(() => 'answered', (error: unknown) => error);
    const hanging = outcome('/v1/credits');
    const dripping = outcome('/v1/credits');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
    expect(await dripping).toBeInstanceOf(Error);
  });
});

describe('latency, stats and recorded requests', () => {
  it('delays every response by the latency', async () => {
    double.control.setLatency(200);
    const started = Date.now();
    expect((await call('/v1/credits')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('counts requests per path and the most in flight at once', async () => {
    double.control.setLatency(150);
    await Promise.all(Array.from({ length: 6 }, () => call('/v1/credits')));
    await call('/v1/voices');
    expect(double.control.stats()).toEqual({ total: 7, byPath: { '/v1/credits': 6, '/v1/voices': 1 }, inFlight: 0, inFlightMax: 6 });
    double.control.reset();
    for (let i = 0; i < 3; i++) await call('/v1/credits');
    expect(double.control.stats().inFlightMax).toBe(1);
  });

  it('records method, path, query, headers (the key as sent) and body', async () => {
    const hi = { text: 'Hi.', language: 'en' };
    await predict(hi);
    await call('/v1/usage?start_time=2025-03-01T00:00:00Z&end_time=2025-03-02T00:00:00Z&breakdown_type=model&breakdown_type=voice_id', { key: 'other-key' });
    const [first, second] = double.requests;
    expect(first).toMatchObject({ method: 'POST', path: ADAM_PREDICT, query: {}, body: hi });
    expect(first?.headers['x-sup-api-key']).toBe(KEY);
    expect(first?.headers['content-type']).toBe('application/json');
    expect(second).toMatchObject({ method: 'GET', path: '/v1/usage', query: { breakdown_type: ['model', 'voice_id'], start_time: '2025-03-01T00:00:00Z' } });
    expect(second?.headers['x-sup-api-key']).toBe('other-key');
    expect(typeof first?.at).toBe('number');
    double.control.reset();
    expect(double.requests).toEqual([]);
  });
});

describe('CORS and the HTTP control endpoint', () => {
  it('answers preflight and marks responses cross-origin readable', async () => {
    const preflight = await fetch(`${double.url}/v1/predict-duration/${ADAM_VOICE_ID}`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-sup-api-key, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['x-sup-api-key', 'content-type']));
    expect(double.requests).toEqual([]); // preflights are not API requests
    expect((await call('/v1/credits')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('applies POST /__control commands without an API key', async () => {
    const post = (body: unknown) => call('/__control', { key: null, method: 'POST', body });
    expect((await post({ balance: 5, latencyMs: 0 })).status).toBe(200);
    expect((await call('/v1/credits')).json()).toEqual({ balance: 5 });
    await post({ faults: [{ kind: 'status', status: 429, retryAfter: '3', path: '/v1/voices' }] });
    expect((await call('/v1/credits')).status).toBe(200);
    const limited = await call('/v1/voices');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await post({ usage: [RECORDS[0]] });
    expect((await call('/v1/voice-usage?start_date=2025-03-01&end_date=2025-03-01')).json()).toMatchObject({ usages: [{ total_minutes_used: 1.5 }] });
    await post({ randomFaults: { rate: 1, seed: 1, kinds: [{ kind: 'malformed' }] } });
    expect((await call('/v1/credits')).text).not.toBe('{"balance":5}');
    await post({ randomFaults: null });

    const recorded = await call('/__control/requests', { key: null });
    const list = recorded.json() as Array<{ path: string; headers: Record<string, string> }>;
    expect(list.map((r) => r.path)).toEqual(['/v1/credits', '/v1/credits', '/v1/voices', '/v1/voice-usage', '/v1/credits']);
    expect(list[0]?.headers['x-sup-api-key']).toBe(KEY);
    expect((await call('/__control/stats', { key: null })).json()).toMatchObject({ total: 5, inFlight: 0 });

    expect((await post({ reset: true })).json()).toMatchObject({ ok: true, stats: { total: 0 } });
    expect((await call('/v1/credits')).json()).toEqual({ balance: 12_500 });
  });

  it('answers 400 to malformed commands', async () => {
    const post = (body: unknown) => call('/__control', { key: null, method: 'POST', body });
    for (const bad of [{ latencyMs: -1 }, { faults: [{ kind: 'nope' }] }, { faults: [{ kind: 'status', status: 418 }] }, { usage: [{ at: 'x' }] }, 'text']) {
      const answer = await post(bad);
      expect(answer.status).toBe(400);
      expect(answer.json()).toMatchObject({ ok: false });
    }
    expect((await post({ usage: [{ ...RECORDS[0], at: 'not a date' }] })).status).toBe(400);
  });
});
