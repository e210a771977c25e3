import { storage } from 'wxt/utils/storage';
import type { HistoryStore } from './log';
import type { HistoryRow } from './row';

/** In storage.local, which Chrome closes to content scripts (lib/background/storage-access.ts). */
const historyItem = storage.defineItem<unknown>('local:estimateHistory', { fallback: [] });

export function historyStore(): HistoryStore {
  return {
    load: () => historyItem.getValue(),
    save: (rows: HistoryRow[]) => historyItem.setValue(rows),
  };
}
