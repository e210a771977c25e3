import { storage } from 'wxt/utils/storage';

/** Credits spent per local day on paid calls (the automatic rule's cap); only the background's ledger writes it. */
export const spendLedgerItem = storage.defineItem<unknown>('local:spendLedger', { fallback: null });

/** Calls `onChange` whenever the ledger is written: a paid call anywhere (an estimate, a voice list) shows at once. */
export function watchSpendLedger(onChange: () => void): () => void {
  return spendLedgerItem.watch(() => onChange());
}
