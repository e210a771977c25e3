import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createKeyStore, itemVault } from '@/lib/settings/key-store';
import { apiKeyStatus, clearApiKey, readApiKey, saveApiKey } from '@/lib/settings/store';

beforeEach(() => fakeBrowser.reset());

/** The old place (storage.local, readable by Firefox content scripts) and a vault standing in for IndexedDB. */
function stores() {
  const legacy = itemVault(storage.defineItem<string>('local:apiKey', { fallback: '' }));
  const vault = itemVault(storage.defineItem<string>('session:vault', { fallback: '' }));
  return { legacy, vault, keys: createKeyStore(vault, legacy) };
}

describe('API key store', () => {
  it('moves a key found in storage.local into the vault once, and removes it there', async () => {
    const { legacy, vault, keys } = stores();
    await legacy.set('sk-old-key-0001');
    expect(await keys.get()).toBe('sk-old-key-0001');
    expect(await vault.get()).toBe('sk-old-key-0001');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // A stray copy written later is not taken again: the move happened once.
    await legacy.set('sk-stray-0002');
    expect(await keys.get()).toBe('sk-old-key-0001');
  });

  it('keeps the vault key over a stale copy in storage.local, and still removes the copy', async () => {
    const { legacy, vault, keys } = stores();
    await vault.set('sk-current-0003');
    await legacy.set('sk-stale-0004');
    expect(await keys.get()).toBe('sk-current-0003');
    expect(await legacy.get()).toBe('');
  });

  it('tells watchers of every change (IndexedDB has no change events)', async () => {
    const { keys } = stores();
    let changes = 0;
    const unwatch = keys.watch(() => changes++);
    await keys.set('sk-new-key-0005');
    await keys.remove();
    unwatch();
    await keys.set('sk-after-0006');
    expect(changes).toBe(2);
  });

  it('never puts the key in storage.local', async () => {
    expect(await saveApiKey('sk-abcdef123456')).toEqual({ ok: true });
    expect(await readApiKey()).toBe('sk-abcdef123456');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sk-abcdef123456');
    expect(await apiKeyStatus()).toEqual({ set: true, hint: '…3456' });
    await clearApiKey();
    expect(await readApiKey()).toBe('');
  });
});
