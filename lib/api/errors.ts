/** What went wrong, in terms a user (and the retry logic) can act on. */
export type ApiErrorKind =
  | 'auth' // 401: key missing or rejected
  | 'forbidden' // 403
  | 'credits' // 402
  | 'not-found' // 404
  | 'bad-request' // 400
  | 'rate-limit' // 429 after retries, or a Retry-After too long to wait
  | 'timeout' // 408 or our own deadline
  | 'server' // 5xx
  | 'network' // no answer at all
  | 'bad-response' // malformed, off-schema or oversized body
  | 'redirect' // the endpoint tried to send us (and the key) elsewhere
  | 'aborted'; // the caller no longer wants the answer

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait, when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Errors that will not go away by asking again (so no retry, no local fallback that hides them). */
  get isPermanent(): boolean {
    return ['auth', 'forbidden', 'credits', 'not-found', 'bad-request', 'redirect'].includes(this.kind);
  }
}

const MAX_VENDOR_DETAIL = 160;

/** Vendor text is echoed only shortened and single-line: it is untrusted and may be long. */
function vendorDetail(detail: string | undefined): string {
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

export function errorForStatus(status: number, detail?: string, retryAfterSeconds?: number): ApiError {
  const said = vendorDetail(detail);
  switch (status) {
    case 400:
      return new ApiError('bad-request', `The API refused the request${said ? `: ${said}` : '.'}`, status);
    case 401:
      return new ApiError('auth', 'API key rejected: check the key in ScriptMeter options.', status);
    case 402:
      return new ApiError('credits', 'Not enough credits on the Supertone account.', status);
    case 403:
      return new ApiError('forbidden', 'This API key is not allowed to do that (forbidden).', status);
    case 404:
      return new ApiError('not-found', `Not found${said ? `: ${said}` : ''} (check the voice id).`, status);
    case 408:
      return new ApiError('timeout', 'The API timed out answering.', status);
    case 429: {
      const wait = retryAfterSeconds !== undefined ? ` Try again in ${waitText(retryAfterSeconds)}.` : '';
      return new ApiError('rate-limit', `Rate-limited by the API.${wait}`, status, retryAfterSeconds);
    }
    default:
      if (status >= 500) return new ApiError('server', `The API had a server error (HTTP ${status}).`, status);
      return new ApiError('bad-response', `Unexpected HTTP ${status} from the API.`, status);
  }
}
