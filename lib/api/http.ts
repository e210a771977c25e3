import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { ApiError, errorForStatus } from './errors';
import { checkEndpoint } from './endpoint';
import { parseRetryAfter } from './retry-after';
import { vendorErrorSchema } from './schemas';

export interface RetryNotice {
  attempt: number;
  status?: number;
  retryAfterSeconds?: number;
}

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** For the whole call, retries and body included (a dripping body cannot hold us forever). */
  deadlineMs?: number;
  retries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A server asking us to wait longer than this gets an error instead of a frozen UI. */
  maxRetryAfterSeconds?: number;
  maxBodyBytes?: number;
  onRetry?: (notice: RetryNotice) => void;
}

export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface Http {
  get<S extends z.ZodType>(path: string, query: Query, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const ERROR_BODY_BYTES = 64 * 1024;
const BAD_RESPONSE_RETRIES = 1;

export function createHttp(options: HttpOptions): Http {
  const endpoint = checkEndpoint(options.baseUrl);
  if (!endpoint.ok) throw new ApiError('bad-request', endpoint.error);
  const settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 30_000,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 20,
  };
  const backoffBase = options.backoffBaseMs ?? 300;
  const api: KyInstance = ky.create({
    prefixUrl: endpoint.url,
    fetch: options.fetch,
    headers: { 'x-sup-api-key': options.apiKey, accept: 'application/json' },
    timeout: settings.timeoutMs,
    // Any redirect is refused: following one could hand the key to another host.
    redirect: 'manual',
    retry: {
      limit: options.retries ?? 3,
      methods: ['get', 'post'], // predict-duration is a read: safe to repeat
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      retryOnTimeout: true,
      delay: (attempt) => backoffBase * 2 ** (attempt - 1),
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
      backoffLimit: options.backoffCapMs ?? 5_000,
      shouldRetry: ({ error }) => {
        if (!(error instanceof HTTPError)) return undefined;
        const header = error.response.headers.get('retry-after');
        if (header === null || !RETRY_STATUSES.includes(error.response.status)) return undefined;
        const seconds = parseRetryAfter(header);
        if (seconds === undefined) return true; // unreadable header: our own backoff instead
        return seconds <= settings.maxRetryAfterSeconds ? undefined : false;
      },
    },
    hooks: {
      beforeRetry: [
        ({ error, retryCount }) => {
          const status = error instanceof HTTPError ? error.response.status : undefined;
          const header = error instanceof HTTPError ? error.response.headers.get('retry-after') : null;
          options.onRetry?.({ attempt: retryCount, status, retryAfterSeconds: parseRetryAfter(header) });
        },
      ],
    },
  });

  async function send<S extends z.ZodType>(
    run: (signal: AbortSignal) => Promise<Response>,
    schema: S,
    callerSignal: AbortSignal | undefined,
  ): Promise<z.infer<S>> {
    const deadline = AbortSignal.timeout(settings.deadlineMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await run(signal);
        return parseBody(await readCapped(response, settings.maxBodyBytes, signal), schema);
      } catch (error) {
        const apiError = await toApiError(error, callerSignal, endpoint.ok ? endpoint.url : '', settings.timeoutMs);
        // A garbled answer is asked for once more; a second one is reported, never shown as a number.
        if (apiError.kind !== 'bad-response' || attempt >= BAD_RESPONSE_RETRIES || signal.aborted) throw apiError;
      }
    }
  }

  return {
    get: (path, query, schema, signal) =>
      send((s) => api.get(trimSlash(path), { searchParams: toSearchParams(query), signal: s }), schema, signal),
    post: (path, body, schema, signal) =>
      send((s) => api.post(trimSlash(path), { json: body, signal: s }), schema, signal),
  };
}

function trimSlash(path: string): string {
  return path.replace(/^\/+/, ''); // ky's prefixUrl wants relative paths
}

function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') params.append(key, String(value));
    else for (const item of value) params.append(key, item);
  }
  return params;
}

function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('bad-response', 'Unexpected response from the API (not JSON).');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new ApiError('bad-response', `Unexpected response from the API (bad ${where}).`);
  }
  return parsed.data;
}

/**
 * Reads at most maxBytes, so a huge or endless body cannot exhaust memory. The body is read under
 * the call's own signal: the fetch library lets go of it once the headers are in, so a body dripped
 * slowly would otherwise outlive the deadline (or end cut short and pass for a garbled answer).
 */
async function readCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApiError('bad-response', 'Unexpected response from the API (body too large).');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().finally(() => signal?.throwIfAborted());
      if (done) return text + decoder.decode();
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ApiError('bad-response', 'Unexpected response from the API (body too large).');
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

async function vendorMessage(response: Response): Promise<string | undefined> {
  try {
    const parsed = vendorErrorSchema.safeParse(JSON.parse(await readCapped(response, ERROR_BODY_BYTES)));
    if (!parsed.success) return undefined;
    const message = parsed.data.message;
    return typeof message === 'string' ? message : message?.message;
  } catch {
    return undefined;
  }
}

async function toApiError(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  baseUrl: string,
  timeoutMs: number,
): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (callerSignal?.aborted) return new ApiError('aborted', 'Cancelled.');
  if (error instanceof HTTPError) {
    const { status } = error.response;
    if (status === 0 || (status >= 300 && status < 400)) {
      return new ApiError('redirect', 'The API endpoint tried to redirect elsewhere; refused so the key stays put. Set the endpoint to the final address.', status);
    }
    const retryAfter = parseRetryAfter(error.response.headers.get('retry-after'));
    return errorForStatus(status, await vendorMessage(error.response), retryAfter);
  }
  if (error instanceof TimeoutError || (error instanceof DOMException && error.name === 'TimeoutError')) {
    return new ApiError('timeout', `The API did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  }
  const host = baseUrl ? new URL(baseUrl).host : 'the API';
  return new ApiError('network', `API unreachable (${host}).`);
}
