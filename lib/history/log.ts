import pLimit from 'p-limit';
import { z } from 'zod';
import { HISTORY_CAP } from './cap';
import { historyRowSchema, type HistoryRow } from './row';


export interface HistoryStore {
  load(): Promise<unknown>;
  save(rows: HistoryRow[]): Promise<void>;
}

/** Stored rows, checked one by one: a damaged row is dropped, the others kept. */
export function readRows(stored: unknown): HistoryRow[] {
  const list = z.array(z.unknown()).safeParse(stored).data ?? [];
  return list.flatMap((raw) => {
    const row = historyRowSchema.safeParse(raw);
    return row.success ? [row.data] : [];
  });
}

/** Oldest first; beyond `cap` the oldest rows give way. */
export function appendCapped(rows: readonly HistoryRow[], added: readonly HistoryRow[], cap = HISTORY_CAP): HistoryRow[] {
  const all = [...rows, ...added];
  return all.slice(Math.max(0, all.length - cap));
}

/**
 * The estimate history. Every read and write runs in one queue, so estimates answered at the same
 * moment are all kept and a clear is never undone by a write that started before it. Rows recorded
 * while a write is under way are written together in the next one.
 */
export function createHistoryLog(store: HistoryStore, cap = HISTORY_CAP) {
  const serial = pLimit(1);
  /** Rows waiting for the write already queued, and that write. */
  let waiting: { rows: HistoryRow[]; written: Promise<void> } | undefined;

  return {
    record(row: HistoryRow): Promise<void> {
      if (waiting) {
        waiting.rows.push(row);
        return waiting.written;
      }
      const rows = [row];
      const written = serial(async () => {
        if (waiting?.rows === rows) waiting = undefined;
        if (rows.length === 0) return;
        await store.save(appendCapped(readRows(await store.load()), rows, cap));
      });
      waiting = { rows, written };
      return written;
    },
    /** Oldest first, including every row recorded before the call. */
    list(): Promise<HistoryRow[]> {
      return serial(async () => readRows(await store.load()));
    },
    clear(): Promise<void> {
      // Rows recorded before the clear and not yet written go too.
      if (waiting) waiting.rows.length = 0;
      waiting = undefined;
      return serial(() => store.save([]));
    },
  };
}

export type HistoryLog = ReturnType<typeof createHistoryLog>;
