import { browser } from 'wxt/browser';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Chrome lets content scripts read `storage.local` unless told otherwise; the key lives there, and
 * content scripts are the untrusted zone. Firefox has no such switch (nor the exposure via pages'
 * scripts); there the content script simply never touches storage.
 */
export async function restrictStorageToExtensionPages(): Promise<void> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
