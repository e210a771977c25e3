import type { WxtStorageItem } from 'wxt/utils/storage';
import type { VendorId } from '../sources/types';

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

/**
 * One record per vendor. Supertone keeps the record every earlier version wrote ('apiKey'), so a
 * saved key keeps working; other vendors get their own.
 */
export function keyRecord(vendor: VendorId): string {
  return vendor === 'supertone' ? 'apiKey' : `apiKey:${vendor}`;
}

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

const databases = new WeakMap<IDBFactory, Promise<IDBDatabase>>();

/** The vault for one record in IndexedDB; the database is opened once per factory and kept. */
export function indexedDbVault(factory: IDBFactory, record = keyRecord('supertone')): KeyVault {
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    let database = databases.get(factory);
    if (!database) {
      database = openDatabase(factory).catch((error: unknown) => {
        databases.delete(factory); // asked again next time (e.g. a storage hiccup at startup)
        throw error;
      });
      databases.set(factory, database);
    }
    const db = await database;
    return request(work(db.transaction(STORE, mode).objectStore(STORE)));
  };
  return {
    get: async () => {
      const value: unknown = await run('readonly', (store) => store.get(record));
      return typeof value === 'string' ? value : '';
    },
    set: async (value) => { await run('readwrite', (store) => store.put(value, record)); },
    remove: async () => { await run('readwrite', (store) => store.delete(record)); },
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
