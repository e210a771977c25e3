import { indexedDbVault } from '../settings/key-store';
import { importOfferSecret, newOfferSecret } from '../spend/offer-token';

/** The record beside the API keys: the extension's own IndexedDB, which content scripts cannot open. */
const OFFER_SECRET_RECORD = 'offerSecret';

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
    return bytes.length === 32 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key that signs paid offers, made once and kept, so an offer shown before the service worker
 * stopped is still honoured after it starts again. Without IndexedDB (unit tests) it lives as long
 * as the process.
 */
export function offerSecret(): () => Promise<CryptoKey> {
  let key: Promise<CryptoKey> | undefined;
  return () => (key ??= (async () => {
    if (typeof indexedDB === 'undefined') return importOfferSecret(newOfferSecret());
    const vault = indexedDbVault(indexedDB, OFFER_SECRET_RECORD);
    let raw = fromBase64(await vault.get());
    if (!raw) {
      raw = newOfferSecret();
      await vault.set(toBase64(raw));
    }
    return importOfferSecret(raw);
  })().catch((error: unknown) => {
    key = undefined;
    throw error;
  }));
}
