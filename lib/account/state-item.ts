import { storage } from 'wxt/utils/storage';

/**
 * Where the background keeps the account monitor's state. Only the background writes it; the popup
 * watches it so a check finishing while the popup is open shows at once.
 */
export const accountStateItem = storage.defineItem<unknown>('local:account', { fallback: null });

export function watchAccountState(onChange: () => void): () => void {
  return accountStateItem.watch(() => onChange());
}
