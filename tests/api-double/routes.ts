import { validateRequest } from './openapi';
import { defaultVendorError, vendorError } from './errors';
import { hasSpokenText, predictedDuration, type PredictBody } from './duration';
import { findVoice, VOICES } from './voices';
import { decodePageToken, encodePageToken } from './page-token';
import { BREAKDOWN_KEYS, bucketCount, usageBuckets, voiceUsageRows, type BreakdownKey } from './usage';
import { DAY_MS, HOUR_MS, parseDateOnly, parseRfc3339 } from './time';
import { isRecord } from './spec';
import type { UsageRecord } from './usage-data';

/** The vendor endpoints: auth, contract validation, then each endpoint's own rules. */

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface RouteContext {
  keys: ReadonlySet<string>;
  balance: number | null;
  usage: readonly UsageRecord[];
}

type Handler = (params: Record<string, string>, req: ApiRequest, ctx: RouteContext) => ApiResponse;

const FORBIDDEN_KEY = 'forbidden-key';
const EXHAUSTED_KEY = 'exhausted-key';
const MAX_VOICE_USAGE_DAYS = 30;

const ok = (body: unknown): ApiResponse => ({ status: 200, body });
const fail = (status: number, message: string): ApiResponse => ({ status, body: vendorError(status, message) });

function single(query: ApiRequest['query'], name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

function isPredictBody(body: unknown): body is PredictBody {
  return isRecord(body) && typeof body.text === 'string' && typeof body.language === 'string';
}

const predict: Handler = ({ voice_id = '' }, req) => {
  if (!isPredictBody(req.body)) return fail(400, 'Invalid request body');
  if (req.headers['x-sup-api-key'] === EXHAUSTED_KEY) return fail(402, 'Not Enough Credits');
  if (!hasSpokenText(req.body.text)) return fail(400, 'text must contain something to speak');
  const voice = findVoice(voice_id);
  if (!voice) return fail(404, 'Voice not found');
  if (req.body.style !== undefined && !voice.styles.includes(req.body.style)) {
    return fail(400, `style '${req.body.style}' is not available for this voice (${voice.styles.join(', ')})`);
  }
  return ok({ duration: predictedDuration(voice_id, req.body) });
};

const listVoices: Handler = (_params, req) => {
  // The contract types page_size as a bare number and states its bounds only in prose; enforce them.
  const pageSize = Number(single(req.query, 'page_size') ?? 20);
  if (!Number.isInteger(pageSize) || pageSize < 10 || pageSize > 100) return fail(400, 'page_size must be an integer from 10 to 100');
  const token = single(req.query, 'next_page_token');
  let first = 0;
  if (token !== undefined) {
    const lastId = decodePageToken('voices', token);
    const index = VOICES.findIndex((v) => v.voice_id === lastId);
    if (index < 0) return fail(400, 'Invalid next_page_token');
    first = index + 1;
  }
  const items = VOICES.slice(first, first + pageSize);
  const last = items.at(-1);
  const more = first + pageSize < VOICES.length && last !== undefined;
  return ok({ items, total: VOICES.length, next_page_token: more ? encodePageToken('voices', last.voice_id) : null });
};

const getVoice: Handler = ({ voice_id = '' }) => {
  const voice = findVoice(voice_id);
  return voice ? ok(voice) : fail(404, 'Voice not found');
};

const credits: Handler = (_params, _req, ctx) => ok({ balance: ctx.balance });

const usage: Handler = (_params, req, ctx) => {
  const start = parseRfc3339(single(req.query, 'start_time') ?? '');
  const end = parseRfc3339(single(req.query, 'end_time') ?? '');
  if (!start || !end) return fail(400, 'start_time and end_time must be RFC 3339 timestamps, e.g. 2024-01-01T00:00:00+09:00');
  if (start.ms >= end.ms) return fail(400, 'start_time must be before end_time');
  const bucketMs = single(req.query, 'bucket_width') === 'hour' ? HOUR_MS : DAY_MS;
  const requested = req.query.breakdown_type ?? [];
  const breakdown = BREAKDOWN_KEYS.filter((k): k is BreakdownKey => (Array.isArray(requested) ? requested : [requested]).includes(k));
  const pageSize = Number(single(req.query, 'page_size') ?? 10);
  if (!Number.isInteger(pageSize)) return fail(400, 'page_size must be an integer');
  const token = single(req.query, 'next_page_token');
  const first = token === undefined ? 0 : Number(decodePageToken('usage', token));
  const total = bucketCount(start.ms, end.ms, bucketMs);
  if (!Number.isInteger(first) || first < 0 || first >= total) return fail(400, 'Invalid next_page_token');
  const data = usageBuckets(ctx.usage, { startMs: start.ms, endMs: end.ms, offsetMinutes: start.offsetMinutes, bucketMs, breakdown, first, count: pageSize });
  const next = first + pageSize < total ? encodePageToken('usage', String(first + pageSize)) : null;
  return ok({ data, total, next_page_token: next });
};

const voiceUsage: Handler = (_params, req, ctx) => {
  const start = parseDateOnly(single(req.query, 'start_date') ?? '');
  const end = parseDateOnly(single(req.query, 'end_date') ?? '');
  if (start === undefined || end === undefined) return fail(400, 'start_date and end_date must be YYYY-MM-DD dates');
  if (end < start) return fail(400, 'start_date must not be after end_date');
  if ((end - start) / DAY_MS > MAX_VOICE_USAGE_DAYS) return fail(400, `The date range must not exceed ${MAX_VOICE_USAGE_DAYS} days`);
  return ok({ usages: voiceUsageRows(ctx.usage, start, end + DAY_MS) });
};

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  handle: Handler;
}

function route(method: string, template: string, handle: Handler): Route {
  const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
  return { method, template, pattern, handle };
}

const ROUTES: readonly Route[] = [
  route('POST', '/v1/predict-duration/{voice_id}', predict),
  route('GET', '/v1/voices', listVoices),
  route('GET', '/v1/voices/{voice_id}', getVoice),
  route('GET', '/v1/credits', credits),
  route('GET', '/v1/usage', usage),
  route('GET', '/v1/voice-usage', voiceUsage),
];

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    return undefined;
  }
}

export function handleApi(req: ApiRequest, ctx: RouteContext): ApiResponse {
  const matched = ROUTES.find((r) => r.method === req.method && r.pattern.test(req.path));
  if (!matched) return fail(404, `Cannot ${req.method} ${req.path}`);
  const key = req.headers['x-sup-api-key'];
  if (key === FORBIDDEN_KEY) return { status: 403, body: defaultVendorError(403) };
  if (key === undefined || (key !== EXHAUSTED_KEY && !ctx.keys.has(key))) {
    return fail(401, key === undefined ? 'Missing API Key' : 'Invalid API Key');
  }
  if (typeof req.body === 'string') return fail(400, 'Request body is not valid JSON');
  const errors = validateRequest(req.method, matched.template, { query: req.query, body: req.body });
  if (errors.length > 0) return fail(400, errors.join('; '));
  const params = decodeParams(matched.pattern.exec(req.path)?.groups);
  if (!params) return fail(400, 'Malformed path');
  return matched.handle(params, req, ctx);
}
