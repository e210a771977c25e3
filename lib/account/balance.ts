import { z } from 'zod';

/** What the popup and badge know about the credit balance, including why it may be stale. */
export const balanceStateSchema = z.object({
  status: z.enum(['unknown', 'no-key', 'ok', 'rejected', 'offline']),
  /** Last balance the API gave; null when the API said it has none. Kept while offline or rejected. */
  balance: z.number().finite().nullable().optional(),
  /** When that balance was read (ms since epoch). */
  asOf: z.number().optional(),
  /** Plain-words reason when the last check failed. */
  error: z.string().optional(),
  /** The failure's kind (an ApiError kind): 'sunset' tells the popup to explain Supertone's shutdown. */
  cause: z.string().max(40).optional(),
});
export type BalanceState = z.infer<typeof balanceStateSchema>;

export const INITIAL_BALANCE: BalanceState = { status: 'unknown' };

/** Error kinds that mean the key itself is refused: retrying will not help until it changes. */
const KEY_REJECTED_KINDS = new Set(['auth', 'forbidden']);

export function balanceFromCredits(balance: number | null, now: number): BalanceState {
  return { status: 'ok', balance, asOf: now };
}

/** A failed check keeps the last known figure and its age, so the popup can still show it. */
export function balanceFromError(previous: BalanceState, error: { kind: string; message: string }): BalanceState {
  const status = KEY_REJECTED_KINDS.has(error.kind) ? 'rejected' : 'offline';
  return { status, balance: previous.balance, asOf: previous.asOf, error: error.message, cause: error.kind };
}

export function balanceWithoutKey(): BalanceState {
  return { status: 'no-key' };
}

/**
 * Minutes of speech the balance buys at `creditsPerSecond` (the voice's provider rate: lib/rates
 * creditsPerSecond); null when either is unknown or zero. Show it rounded down ("≈ 12 min" for 12.9).
 */
export function minutesLeft(balance: number | null | undefined, creditsPerSecond: number): number | null {
  if (balance === null || balance === undefined || !(creditsPerSecond > 0)) return null;
  return Math.max(0, balance) / creditsPerSecond / 60;
}
