import { z } from 'zod';

/**
 * "Tell the user once": background checks against an endpoint that keeps failing must not notify on
 * every try. A failure is told once per endpoint and cause; the endpoint answering again forgets
 * it, so a later, separate outage is told once more.
 */
export const endpointNoticeStateSchema = z.object({
  /** "endpoint|cause" of failures already told. */
  told: z.array(z.string().max(2_100)).max(50),
});
export type EndpointNoticeState = z.infer<typeof endpointNoticeStateSchema>;

export const INITIAL_ENDPOINT_NOTICE: EndpointNoticeState = { told: [] };

export interface EndpointFailure {
  endpoint: string;
  /** What kind of failure it is (an ApiError kind: 'sunset', 'network' …). */
  cause: string;
}

export function endpointFailed(state: EndpointNoticeState, failure: EndpointFailure): { notify: boolean; state: EndpointNoticeState } {
  const key = `${failure.endpoint}|${failure.cause}`;
  if (state.told.includes(key)) return { notify: false, state };
  return { notify: true, state: { told: [...state.told, key].slice(-50) } };
}

export function endpointAnswered(state: EndpointNoticeState, endpoint: string): EndpointNoticeState {
  const told = state.told.filter((key) => !key.startsWith(`${endpoint}|`));
  return told.length === state.told.length ? state : { told };
}

/** Failed checks in a row after which an endpoint "keeps failing" and is worth telling. */
export const KEEPS_FAILING_AFTER = 3;

/** Failures that say something about the key or the account, not the endpoint: the badge says those. */
const NOT_THE_ENDPOINT = new Set(['auth', 'forbidden', 'credits', 'aborted']);

/**
 * Whether a failed check is about the endpoint and should be told (once, see endpointFailed):
 * Supertone's shut-down endpoint at its first failure, any other after a few in a row.
 */
export function endpointFailureToTell(cause: string, consecutiveFailures: number): boolean {
  if (NOT_THE_ENDPOINT.has(cause)) return false;
  return cause === 'sunset' || consecutiveFailures >= KEEPS_FAILING_AFTER;
}
