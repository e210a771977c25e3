import pLimit from 'p-limit';
import { z } from 'zod';

/**
 * Credits spent per local day, for the automatic rule's daily cap. One ledger lives in the
 * background, so the cap holds across tabs and the popup; its state goes through an injected store
 * (extension storage), so it holds across restarts too. Every operation runs in one queue, so two
 * estimates at once can never both slip under the cap.
 */
export const ledgerStateSchema = z.object({
  /** The local day (YYYY-MM-DD) the figure belongs to. */
  day: z.string(),
  /** Credits spent or set aside for calls under way that day. */
  spent: z.number().finite().nonnegative(),
});
export type LedgerState = z.infer<typeof ledgerStateSchema>;

export interface LedgerStore {
  load(): Promise<unknown>;
  save(state: LedgerState): Promise<void>;
}

/** YYYY-MM-DD of the local day `ms` falls in. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Credits set aside before paid calls; settled with what they really cost once they are done. */
export interface Reservation {
  credits: number;
  settle(spent: number): Promise<void>;
}

export interface SpendLedger {
  spentToday(): Promise<number>;
  /**
   * Sets `credits` aside if today's spend stays within `cap` with them (`cap` undefined: no cap, as
   * for a user's own click). Set aside means counted at once: a worker stopped mid-estimate leaves
   * the credits counted, the safe side for a cap.
   */
  reserve(credits: number, cap?: number): Promise<Reservation | undefined>;
}

const EPSILON = 1e-9;

export function createSpendLedger(store: LedgerStore, now: () => number = Date.now): SpendLedger {
  // One at a time: a read-modify-write of the day's total must not interleave with another.
  const serial = pLimit(1);

  async function today(): Promise<LedgerState> {
    const day = localDay(now());
    const stored = ledgerStateSchema.safeParse(await store.load().catch(() => undefined)).data;
    return stored?.day === day ? stored : { day, spent: 0 };
  }

  /** Adds `delta` to the day it belongs to, if that is still today; a refund never goes below 0. */
  function adjust(day: string, delta: number): Promise<void> {
    return serial(async () => {
      const state = await today();
      if (state.day !== day) return;
      await store.save({ day, spent: Math.max(0, state.spent + delta) });
    });
  }

  return {
    spentToday: () => serial(async () => (await today()).spent),
    reserve: (credits, cap) => serial(async () => {
      const state = await today();
      if (cap !== undefined && state.spent + credits > cap + EPSILON) return undefined;
      await store.save({ day: state.day, spent: state.spent + credits });
      let settled = false;
      return {
        credits,
        settle: async (spent: number) => {
          if (settled) return;
          settled = true;
          await adjust(state.day, spent - credits);
        },
      };
    }),
  };
}
