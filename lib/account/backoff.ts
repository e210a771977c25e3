/** Longest wait between polls after repeated failures: a day. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/**
 * Minutes until the next poll: the user's interval after a success, doubled per consecutive
 * failure (capped at a day) so a broken endpoint is not hammered. A failure that is known to last
 * (`lasting`: the vendor's endpoint is gone, as Supertone's after its shutdown) goes straight to a day.
 */
export function nextPollMinutes(pollMinutes: number, consecutiveFailures: number, lasting = false): number {
  const cap = Math.max(pollMinutes, MAX_BACKOFF_MINUTES);
  if (lasting && consecutiveFailures > 0) return cap;
  const factor = 2 ** Math.min(Math.max(0, consecutiveFailures), 16);
  return Math.min(pollMinutes * factor, cap);
}
