/** Longest wait between polls after repeated failures: a day. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/**
 * Minutes until the next poll: the user's interval after a success, doubled per consecutive
 * failure (capped) so a broken endpoint is not hammered.
 */
export function nextPollMinutes(pollMinutes: number, consecutiveFailures: number): number {
  const factor = 2 ** Math.min(Math.max(0, consecutiveFailures), 16);
  return Math.min(pollMinutes * factor, Math.max(pollMinutes, MAX_BACKOFF_MINUTES));
}
