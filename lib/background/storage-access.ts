import { browser } from 'wxt/browser';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Chrome lets content scripts read `storage.local` unless told otherwise; settings and the account
 * state (balance) live there, and content scripts are the untrusted zone. Firefox has no such
 * switch: the API key is therefore not in storage.local at all (lib/settings/key-store.ts).
 */
export async function restrictStorageToExtensionPages(): Promise<void> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
