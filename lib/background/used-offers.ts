import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { UsedOfferStore } from '../spend/offer-token';

/**
 * Where redeemed offer tokens are remembered for their 10 minutes, so a stopped and restarted
 * service worker cannot honour one twice. storage.session (Chrome 102+, Firefox 115+; Firefox ESR
 * 153 here has it in MV2 too) is kept in memory by the browser across worker restarts and is out of
 * content scripts' reach by default; without it, storage.local, where entries still expire with their
 * tokens (the extension's pages restrict local to trusted contexts in Chrome: storage-access.ts).
 */
export function usedOfferStore(): UsedOfferStore {
  const area = (browser.storage as { session?: unknown }).session ? 'session' : 'local';
  const item = storage.defineItem<unknown>(`${area}:usedOffers`, { fallback: {} });
  return { load: () => item.getValue(), save: (used) => item.setValue(used) };
}
