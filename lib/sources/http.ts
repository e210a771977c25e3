import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { ApiError, errorForStatus, type Charge } from './errors';
import { checkEndpoint } from './endpoint';
import { parseRetryAfter } from './retry-after';
import type { CreditsMeta } from './types';

/**
 * HTTP for every vendor: ky with zod, a key header, timeouts, capped bodies, no redirects, and two
 * retry rules, one for free calls and one for calls that cost credits (see `paidRetryAllowed`).
 */

export interface RetryNotice {
  attempt: number;
  status?: number;
  retryAfterSeconds?: number;
}

/** What a vendor's body says beside its data: its words about an error, and the credits it reports. */
export interface EnvelopeReading {
  message?: string;
  meta?: CreditsMeta;
}

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  /** The header that carries the key ('x-sup-api-key', 'x-api-key'). */
  keyHeader: string;
  /** For messages: "Not enough credits on the AudioStack account." */
  vendorName: string;
  /** Reads an error body (or an answer that failed its schema) for the vendor's words and credits. */
  readEnvelope: (body: unknown) => EnvelopeReading;
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

/** What a vendor's client takes: everything but what the vendor itself fixes. */
export type VendorHttpOptions = Omit<HttpOptions, 'keyHeader' | 'vendorName' | 'readEnvelope'>;

export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Credits this call costs by the rate table. Set for paid calls: they follow the paid retry rule,
   * and a failure that may have been charged carries this figure as an unknown charge.
   */
  paidCredits?: number;
}

export interface Http {
  get<S extends z.ZodType>(path: string, query: Query, schema: S, call?: CallOptions): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, call?: CallOptions): Promise<z.infer<S>>;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const ERROR_BODY_BYTES = 64 * 1024;
const BAD_RESPONSE_RETRIES = 1;

/**
 * The paid retry rule. A paid call is asked again only when it cannot have been charged:
 * - no answer arrived because no connection was made or it broke before any response (DNS, refused,
 *   reset): the vendor answered nothing, so nothing was delivered to charge for;
 * - 429 or a 5xx other than a gateway timeout, unless its envelope reports credits used: the vendor
 *   refused or failed the request rather than answered it.
 * Never asked again: any 2xx (even one we cannot read: it was answered, so it may have been charged),
 * any other 4xx, our own timeout and a gateway timeout (504, "Endpoint request timed out": the work
 * may have been done and charged), and anything whose envelope reports credits used.
 */
export function paidRetryAllowed(error: ApiError): boolean {
  if ((error.charge?.credits ?? 0) > 0) return false;
  if (error.kind === 'network') return true;
  if (error.status === 429) return true;
  return error.kind === 'server' && error.status !== undefined && error.status >= 500 && error.status !== 504;
}

/** Failures where the request reached the vendor and no envelope told us what it cost. */
function mayHaveBeenCharged(error: ApiError): boolean {
  return error.kind === 'timeout' || error.status === 504 || (error.kind === 'bad-response' && (error.status ?? 200) < 300);
}

export function createHttp(options: HttpOptions): Http {
  const endpoint = checkEndpoint(options.baseUrl);
  if (!endpoint.ok) throw new ApiError('bad-request', endpoint.error);
  const baseUrl = endpoint.url;
  const settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 30_000,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 20,
    retries: options.retries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 300,
    backoffCapMs: options.backoffCapMs ?? 5_000,
  };
  const backoff = (attempt: number) => Math.min(settings.backoffBaseMs * 2 ** (attempt - 1), settings.backoffCapMs);
  const jitter = (delay: number) => delay / 2 + Math.random() * (delay / 2);
  const api: KyInstance = ky.create({
    prefixUrl: baseUrl,
    fetch: options.fetch,
    headers: { [options.keyHeader]: options.apiKey, accept: 'application/json' },
    timeout: settings.timeoutMs,
    // Any redirect is refused: following one could hand the key to another host.
    redirect: 'manual',
    retry: {
      limit: settings.retries,
      methods: ['get', 'post'], // free calls only (paid ones turn this off): asking again costs nothing
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      retryOnTimeout: true,
      delay: backoff,
      jitter,
      backoffLimit: settings.backoffCapMs,
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

  function parseBody<S extends z.ZodType>(text: string, schema: S, status: number): z.infer<S> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError('bad-response', 'Unexpected response from the API (not JSON).', status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      const meta = options.readEnvelope(json).meta;
      const charge = meta?.creditsUsed === undefined ? undefined : { credits: meta.creditsUsed, known: true };
      throw new ApiError('bad-response', `Unexpected response from the API (bad ${where}).`, status, undefined, { charge });
    }
    return parsed.data;
  }

  async function toApiError(error: unknown, callerSignal: AbortSignal | undefined): Promise<ApiError> {
    if (error instanceof ApiError) return error;
    if (callerSignal?.aborted) return new ApiError('aborted', 'Cancelled.');
    if (error instanceof HTTPError) {
      const { status } = error.response;
      if (status === 0 || (status >= 300 && status < 400)) {
        return new ApiError('redirect', 'The API endpoint tried to redirect elsewhere; refused so the key stays put. Set the endpoint to the final address.', status);
      }
      const reading = await readErrorBody(error.response);
      const retryAfterSeconds = parseRetryAfter(error.response.headers.get('retry-after'));
      const used = reading.meta?.creditsUsed;
      return errorForStatus(status, { vendorName: options.vendorName, detail: reading.message, retryAfterSeconds })
        .withCharge(used === undefined ? undefined : { credits: used, known: true });
    }
    if (error instanceof TimeoutError || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return new ApiError('timeout', `The API did not answer within ${Math.round(settings.timeoutMs / 1000)} s.`);
    }
    return new ApiError('network', `API unreachable (${new URL(baseUrl).host}).`);
  }

  async function readErrorBody(response: Response): Promise<EnvelopeReading> {
    try {
      return options.readEnvelope(JSON.parse(await readCapped(response, ERROR_BODY_BYTES)));
    } catch {
      return {}; // not JSON (an HTML error page): nothing the vendor said
    }
  }

  async function attempt<S extends z.ZodType>(run: (signal: AbortSignal) => Promise<Response>, schema: S, signal: AbortSignal): Promise<z.infer<S>> {
    const response = await run(signal);
    return parseBody(await readCapped(response, settings.maxBodyBytes, signal), schema, response.status);
  }

  /** Free calls: ky retries transient failures; a garbled answer is asked for once more. */
  async function sendFree<S extends z.ZodType>(run: (signal: AbortSignal) => Promise<Response>, schema: S, callerSignal: AbortSignal | undefined): Promise<z.infer<S>> {
    const signal = withDeadline(callerSignal, settings.deadlineMs);
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(run, schema, signal);
      } catch (error) {
        const apiError = await toApiError(error, callerSignal);
        // A second garbled answer is reported, never shown as a number.
        if (apiError.kind !== 'bad-response' || tries >= BAD_RESPONSE_RETRIES || signal.aborted) throw apiError;
      }
    }
  }

  /** Paid calls: our own loop, asking again only under `paidRetryAllowed`. */
  async function sendPaid<S extends z.ZodType>(
    run: (signal: AbortSignal) => Promise<Response>, schema: S, callerSignal: AbortSignal | undefined, price: number,
  ): Promise<z.infer<S>> {
    const signal = withDeadline(callerSignal, settings.deadlineMs);
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(run, schema, signal);
      } catch (error) {
        let apiError = await toApiError(error, callerSignal);
        if (apiError.kind !== 'aborted' && !apiError.charge && mayHaveBeenCharged(apiError) && price > 0) {
          apiError = apiError.withCharge({ credits: price, known: false } satisfies Charge);
        }
        if (!paidRetryAllowed(apiError) || tries >= settings.retries || signal.aborted) throw apiError;
        const asked = apiError.retryAfterSeconds;
        if (asked !== undefined && asked > settings.maxRetryAfterSeconds) throw apiError;
        options.onRetry?.({ attempt: tries + 1, status: apiError.status, retryAfterSeconds: asked });
        await sleep(asked !== undefined ? asked * 1000 : jitter(backoff(tries + 1)), signal).catch(() => {
          throw apiError;
        });
      }
    }
  }

  function send<S extends z.ZodType>(run: (signal: AbortSignal, paid: boolean) => Promise<Response>, schema: S, call: CallOptions = {}): Promise<z.infer<S>> {
    if (call.paidCredits === undefined) return sendFree((s) => run(s, false), schema, call.signal);
    return sendPaid((s) => run(s, true), schema, call.signal, call.paidCredits);
  }

  return {
    get: (path, query, schema, call) =>
      send((signal, paid) => api.get(trimSlash(path), { searchParams: toSearchParams(query), signal, ...(paid && { retry: 0 }) }), schema, call),
    post: (path, body, schema, call) =>
      send((signal, paid) => api.post(trimSlash(path), { json: body, signal, ...(paid && { retry: 0 }) }), schema, call),
  };
}

function withDeadline(callerSignal: AbortSignal | undefined, deadlineMs: number): AbortSignal {
  const deadline = AbortSignal.timeout(deadlineMs);
  return callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    function stop(): void {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', stop, { once: true });
  });
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

/**
 * Reads at most maxBytes, so a huge or endless body cannot exhaust memory. The body is read under
 * the call's own signal: the fetch library lets go of it once the headers are in, so a body dripped
 * slowly would otherwise outlive the deadline (or end cut short and pass for a garbled answer).
 */
async function readCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApiError('bad-response', 'Unexpected response from the API (body too large).', response.status);
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
        throw new ApiError('bad-response', 'Unexpected response from the API (body too large).', response.status);
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
