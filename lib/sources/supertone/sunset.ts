import { sameEndpoint } from '../endpoint';
import { ApiError } from '../errors';
import { DEFAULT_ENDPOINTS } from '../defaults';
import { en } from '../../i18n/en';

/** Announced at the top of Supertone's own SDK and CLI READMEs (see FIELD-NOTES.md §1). */
export const SUPERTONE_SHUTDOWN_DATE = '2026-08-31';

/** The English sentence (lib/i18n has it in every language, for the UI). */
export const SUNSET_MESSAGE = en['apiError.sunset'].replace('{date}', SUPERTONE_SHUTDOWN_DATE);

/**
 * A failure of Supertone's own endpoint that means the service is gone rather than having a bad
 * moment: no host (DNS), nothing listening (refused, which reads as no answer at all), 410, or 404
 * on a route the live API has. On the voice routes a 404 is the live API's "voice not found" when it
 * comes in the vendor's own error body, so only a 404 without one counts there. Any other endpoint
 * (a team proxy, a replacement) keeps the ordinary error: it is not the one that was shut down.
 */
export function classifySunset(error: ApiError, endpoint: string, route: 'voice' | 'account'): ApiError {
  if (!sameEndpoint(endpoint, DEFAULT_ENDPOINTS.supertone)) return error;
  const gone =
    error.kind === 'network' ||
    error.status === 410 ||
    (error.status === 404 && (route === 'account' || error.vendorSaid === undefined));
  return gone ? new ApiError('sunset', SUNSET_MESSAGE, error.status, undefined, { vendorName: 'Supertone' }) : error;
}

/**
 * Whether `endpoint` is Supertone's own and its announced shutdown date has passed: then each call
 * is made once, without the client's retries, since a failure there is the shutdown, not a blip.
 */
export function pastShutdown(endpoint: string, now: number): boolean {
  return sameEndpoint(endpoint, DEFAULT_ENDPOINTS.supertone) && now >= Date.parse(`${SUPERTONE_SHUTDOWN_DATE}T00:00:00Z`);
}

/** How long the default endpoint, once found gone, is not asked again: every selection would ask it. */
export const GONE_RECHECK_MS = 60 * 60_000;

/**
 * Remembers that Supertone's own endpoint was found gone, so the estimates after it answer at once
 * from the local model with the sunset said, instead of each trying (and retrying) a host that is
 * not there. Asked again after GONE_RECHECK_MS, or at once by a new source (settings changed).
 */
export function createGoneMemo(now: () => number) {
  let goneAt: number | undefined;
  return {
    /** The sunset error to give without a request, while the endpoint is known to be gone. */
    known(): ApiError | undefined {
      if (goneAt === undefined || now() - goneAt >= GONE_RECHECK_MS) return undefined;
      return new ApiError('sunset', SUNSET_MESSAGE, undefined, undefined, { vendorName: 'Supertone' });
    },
    saw(error: ApiError): void {
      if (error.kind === 'sunset') goneAt = now();
    },
  };
}
export type GoneMemo = ReturnType<typeof createGoneMemo>;
