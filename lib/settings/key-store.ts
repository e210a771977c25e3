import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * Where the API key is kept: IndexedDB of the extension's own origin. Content scripts cannot reach
 * it in either browser (their IndexedDB is the page's origin), unlike `storage.local`, which Firefox
 * opens to content scripts with no switch to close it. Only the background reads or writes the key.
 */

/** One stored secret: read, replace, forget. */
export interface KeyVault {
  get(): Promise<string>;
  set(value: string): Promise<void>;
  remove(): Promise<void>;
}

const DATABASE = 'scriptmeter-secrets';
const STORE = 'secrets';
const RECORD = 'apiKey';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('ScriptMeter: IndexedDB request failed.'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

/** The vault in IndexedDB; the database is opened once and kept. */
export function indexedDbVault(factory: IDBFactory): KeyVault {
  let database: Promise<IDBDatabase> | undefined;
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    database ??= openDatabase(factory).catch((error: unknown) => {
      database = undefined; // asked again next time (e.g. a storage hiccup at startup)
      throw error;
    });
    const db = await database;
    return request(work(db.transaction(STORE, mode).objectStore(STORE)));
  };
  return {
    get: async () => {
      const value: unknown = await run('readonly', (store) => store.get(RECORD));
      return typeof value === 'string' ? value : '';
    },
    set: async (value) => { await run('readwrite', (store) => store.put(value, RECORD)); },
    remove: async () => { await run('readwrite', (store) => store.delete(RECORD)); },
  };
}

/** A vault over a WXT storage item. */
export function itemVault(item: WxtStorageItem<string, Record<string, unknown>>): KeyVault {
  return { get: () => item.getValue(), set: (value) => item.setValue(value), remove: () => item.removeValue() };
}

/**
 * The vault the rest of the extension uses: a key found in the old place is moved in before the
 * first read or write (an existing vault key wins), and writers are told of every change, since
 * IndexedDB has no change events. Only the background writes, so telling this context is enough.
 */
export function createKeyStore(vault: KeyVault, legacy: Pick<KeyVault, 'get' | 'remove'>) {
  const listeners = new Set<() => void>();
  let migrated: Promise<void> | undefined;
  const ready = () => (migrated ??= (async () => {
    const old = await legacy.get();
    if (!old) return;
    if (!(await vault.get())) await vault.set(old);
    await legacy.remove(); // only once the vault holds it: a failed move keeps the old copy
  })().catch((error: unknown) => {
    migrated = undefined;
    throw error;
  }));
  const changed = () => listeners.forEach((listener) => listener());
  return {
    async get(): Promise<string> {
      await ready();
      return vault.get();
    },
    async set(value: string): Promise<void> {
      await ready();
      await vault.set(value);
      changed();
    },
    async remove(): Promise<void> {
      await ready();
      await vault.remove();
      changed();
    },
    watch(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
