import { storage } from 'wxt/utils/storage';
import { balanceHistorySchema, recordReading, type BalanceHistoryReading } from '../account/balance-history';
import type { CreditsMeta, VendorId } from '../sources/types';

/** Balances as vendors' answers reported them (AudioStack has no balance call: this is its balance). */
const balanceHistoryItem = storage.defineItem<unknown>('local:balanceHistory', { fallback: [] });

async function load(): Promise<BalanceHistoryReading[]> {
  return balanceHistorySchema.safeParse(await balanceHistoryItem.getValue()).data ?? [];
}

/**
 * Keeps every credits figure an answer carried, with its time, for the popup's balance and the
 * spend worked out from it. Writes run one after another, so readings arriving together all stay.
 */
export function createBalanceRecorder() {
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: Array<() => void> = [];
  return {
    record(vendor: VendorId, meta: CreditsMeta, at: number): Promise<void> {
      const run = queue.then(async () => {
        const before = await load();
        const after = recordReading(before, vendor, meta, at);
        if (after.length !== before.length || after.at(-1)?.seenAt !== before.at(-1)?.seenAt) {
          await balanceHistoryItem.setValue(after);
          for (const listener of listeners) listener();
        }
      });
      queue = run.catch(() => undefined); // a full storage costs a reading, never the estimate
      return run;
    },
    read: (): Promise<BalanceHistoryReading[]> => queue.then(load, load),
    /** Called after each reading that changed the history. */
    onRecorded(listener: () => void): void {
      listeners.push(listener);
    },
  };
}
export type BalanceRecorder = ReturnType<typeof createBalanceRecorder>;

let shared: BalanceRecorder | undefined;

/** The background's one recorder: the engine and the account monitor both write the same history. */
export function balanceRecorder(): BalanceRecorder {
  shared ??= createBalanceRecorder();
  return shared;
}
