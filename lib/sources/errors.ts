/** What went wrong, in terms a user (and the retry logic) can act on; the same for every vendor. */
export type ApiErrorKind =
  | 'auth' // 401: key missing or rejected
  | 'forbidden' // 403
  | 'credits' // 402
  | 'not-found' // 404
  | 'bad-request' // 400
  | 'conflict' // 409 (AudioStack: idempotency conflict)
  | 'rate-limit' // 429 after retries, or a Retry-After too long to wait
  | 'timeout' // 408, a gateway timeout, or our own deadline
  | 'server' // 5xx
  | 'network' // no answer at all
  | 'bad-response' // malformed, off-schema or oversized body
  | 'redirect' // the endpoint tried to send us (and the key) elsewhere
  | 'sunset' // Supertone's own endpoint is gone (announced shutdown 2026-08-31)
  | 'aborted'; // the caller no longer wants the answer

/**
 * What a failed paid call may have cost. `known`: the vendor's envelope said so; otherwise the
 * call reached the vendor and may have been charged without our seeing an answer (a timeout), and
 * the figure is the price the rate table gives, so a daily cap errs on the safe side.
 */
export interface Charge {
  credits: number;
  known: boolean;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait, when it said so. */
    readonly retryAfterSeconds?: number,
    readonly details: { vendorSaid?: string; charge?: Charge; vendorName?: string } = {},
  ) {
    super(message);
  }

  /** Errors that will not go away by asking again (so no retry, no local fallback that hides them). */
  get isPermanent(): boolean {
    return ['auth', 'forbidden', 'credits', 'not-found', 'bad-request', 'conflict', 'redirect', 'sunset'].includes(this.kind);
  }

  /** The vendor's own words about the failure, when its body carried any (shortened, one line). */
  get vendorSaid(): string | undefined {
    return this.details.vendorSaid;
  }

  get charge(): Charge | undefined {
    return this.details.charge;
  }

  /** The same error with what the call cost attached. */
  withCharge(charge: Charge | undefined): ApiError {
    if (!charge) return this;
    return new ApiError(this.kind, this.message, this.status, this.retryAfterSeconds, { ...this.details, charge });
  }
}

const MAX_VENDOR_DETAIL = 160;

/** Vendor text is echoed only shortened and single-line: it is untrusted and may be long. */
export function vendorDetail(detail: string | undefined): string {
  if (!detail) return '';
  const oneLine = detail.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VENDOR_DETAIL ? `${oneLine.slice(0, MAX_VENDOR_DETAIL)}…` : oneLine;
}

/** "45 s", "12 min", "24 h": a server may ask for a day, and "86400 s" reads as noise. */
export function waitText(seconds: number): string {
  if (seconds < 120) return `${Math.ceil(seconds)} s`;
  if (seconds < 2 * 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/** An API gateway's own timeout (AWS API Gateway answers so; the AudioStack JS SDK special-cases it). */
export const GATEWAY_TIMEOUT_TEXT = 'Endpoint request timed out';

export interface StatusContext {
  /** The vendor's name as users know it ("Supertone", "AudioStack"). */
  vendorName: string;
  detail?: string;
  retryAfterSeconds?: number;
}

export function errorForStatus(status: number, context: StatusContext): ApiError {
  const said = vendorDetail(context.detail);
  const details = { vendorName: context.vendorName, ...(said && { vendorSaid: said }) };
  const make = (kind: ApiErrorKind, message: string, retryAfter?: number) => new ApiError(kind, message, status, retryAfter, details);
  if (said.includes(GATEWAY_TIMEOUT_TEXT)) return make('timeout', `The ${context.vendorName} API timed out answering (${GATEWAY_TIMEOUT_TEXT}).`);
  switch (status) {
    case 400:
      return make('bad-request', `The API refused the request${said ? `: ${said}` : '.'}`);
    case 401:
      return make('auth', 'API key rejected: check the key in ScriptMeter options.');
    case 402:
      return make('credits', `Not enough credits on the ${context.vendorName} account.`);
    case 403:
      return make('forbidden', 'This API key is not allowed to do that (forbidden).');
    case 404:
      return make('not-found', `Not found${said ? `: ${said}` : ''} (check the voice id).`);
    case 408:
      return make('timeout', 'The API timed out answering.');
    case 409:
      return make('conflict', `The API refused a repeated request (conflict)${said ? `: ${said}` : '.'}`);
    case 429: {
      const wait = context.retryAfterSeconds !== undefined ? ` Try again in ${waitText(context.retryAfterSeconds)}.` : '';
      return make('rate-limit', `Rate-limited by the API.${wait}`, context.retryAfterSeconds);
    }
    default:
      if (status >= 500) return make('server', `The API had a server error (HTTP ${status}).`);
      return make('bad-response', `Unexpected HTTP ${status} from the API.`);
  }
}
