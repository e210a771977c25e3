/**
 * Low-balance alert as a crossing detector: it fires when the balance goes from above the
 * threshold to at or below it, and re-arms only once the balance is above it again.
 * Polling while low therefore never repeats the notification.
 */
export function lowBalanceStep(
  wasBelow: boolean, balance: number | null | undefined, threshold: number | null,
): { below: boolean; fire: boolean } {
  if (threshold === null) return { below: false, fire: false };
  // No figure from the API: nothing crossed either way.
  if (balance === null || balance === undefined) return { below: wasBelow, fire: false };
  const below = balance <= threshold;
  return { below, fire: below && !wasBelow };
}
