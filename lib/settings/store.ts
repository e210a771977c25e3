import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { VENDOR_IDS, type VendorId } from '../sources/types';
import { createKeyStore, indexedDbVault, itemVault, keyRecord, type KeyVault } from './key-store';
import { applyManagedPolicy, userValuesUnderPolicy } from './managed';
import { createPolicyCache } from './policy-cache';
import { SETTINGS_MIGRATIONS } from './migrations';
import { mergeWithDefaults, SETTINGS_VERSION, validateSettings, type FieldErrors, type Settings } from './schema';

/**
 * Settings are plain data any extension page may read; the key is kept apart (see keyStore).
 * Only the background loads this module, so stored settings of an older version are migrated there,
 * once, before any read or write goes through.
 */
const settingsItem = storage.defineItem<Record<string, unknown>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Where the key lived before the vault (content scripts can read storage.local in Firefox). */
const legacyApiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** Nothing was ever stored in the old place for vendors after Supertone. */
const NO_LEGACY_KEY: Pick<KeyVault, 'get' | 'remove'> = { get: async () => '', remove: async () => undefined };

/**
 * One key per vendor, each in its own record. Without IndexedDB (Node: unit tests) a key lasts a
 * session: never back in storage.local. Every extension context has IndexedDB.
 */
function vaultFor(vendor: VendorId): KeyVault {
  if (typeof indexedDB !== 'undefined') return indexedDbVault(indexedDB, keyRecord(vendor));
  return itemVault(storage.defineItem<string>(`session:${keyRecord(vendor)}`, { fallback: '' }));
}

/** Read only by the background; no message ever returns a key. */
const keyStores = Object.fromEntries(VENDOR_IDS.map((vendor) => [
  vendor, createKeyStore(vaultFor(vendor), vendor === 'supertone' ? itemVault(legacyApiKeyItem) : NO_LEGACY_KEY),
])) as Record<VendorId, ReturnType<typeof createKeyStore>>;

/** Read once, off the path of every answer (policy-cache.ts): a fresh profile's first read takes seconds. */
const managedPolicy = createPolicyCache();
const policyInEffect = () => managedPolicy.current();

/**
 * The settings in effect: the user's, with the organisation's policy (storage.managed) on top; until
 * the browser has given the policy, the one it gave last time.
 */
export async function readSettings(): Promise<Settings> {
  const [stored, policy] = await Promise.all([settingsItem.getValue(), policyInEffect()]);
  return applyManagedPolicy(mergeWithDefaults(stored), policy);
}

/** Stores the user's own values only; the answer is the settings in effect, policy applied. */
export async function saveSettings(patch: Partial<Settings>): Promise<{ ok: true; settings: Settings } | { ok: false; errors: FieldErrors }> {
  const [stored, policy] = await Promise.all([settingsItem.getValue(), policyInEffect()]);
  const user = mergeWithDefaults(stored);
  const result = validateSettings({ ...user, ...patch });
  if (!result.ok) return result;
  const own = userValuesUnderPolicy(result.settings, user, policy);
  await settingsItem.setValue(own);
  return { ok: true, settings: applyManagedPolicy(own, policy) };
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const changed = () => void readSettings().then(onChange);
  const unwatchUser = settingsItem.watch(changed);
  const unwatchPolicy = managedPolicy.watch(changed);
  return () => {
    unwatchUser();
    unwatchPolicy();
  };
}

export const apiKeySchema = z.string().trim()
  .min(8, 'That key looks too short.')
  .max(256, 'That key looks too long.')
  .regex(/^[\x21-\x7e]+$/, 'A key has no spaces or special characters: paste it again.');

export async function readApiKey(vendor: VendorId = 'supertone'): Promise<string> {
  return apiKeySchema.safeParse(await keyStores[vendor].get()).data ?? '';
}

/** Every vendor's key ('' where none is saved), read at once. */
export async function readApiKeys(): Promise<Record<VendorId, string>> {
  const entries = await Promise.all(VENDOR_IDS.map(async (vendor) => [vendor, await readApiKey(vendor)] as const));
  return Object.fromEntries(entries) as Record<VendorId, string>;
}

/** Which vendors have a key saved (what 'auto' chooses between). */
export function keysSetIn(keys: Readonly<Record<VendorId, string>>): Record<VendorId, boolean> {
  return Object.fromEntries(VENDOR_IDS.map((vendor) => [vendor, keys[vendor].length > 0])) as Record<VendorId, boolean>;
}

export async function saveApiKey(key: string, vendor: VendorId = 'supertone'): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = apiKeySchema.safeParse(key);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid key.' };
  await keyStores[vendor].set(parsed.data);
  return { ok: true };
}

export async function clearApiKey(vendor: VendorId = 'supertone'): Promise<void> {
  await keyStores[vendor].remove();
}

/** Any vendor's key changed. */
export function watchApiKey(onChange: () => void): () => void {
  const stops = VENDOR_IDS.map((vendor) => keyStores[vendor].watch(onChange));
  return () => stops.forEach((stop) => stop());
}

/** What the UI may know about a key: whether it is set and its last four characters. */
export async function apiKeyStatus(vendor: VendorId = 'supertone'): Promise<{ set: boolean; hint: string }> {
  const key = await readApiKey(vendor);
  return { set: key.length > 0, hint: key ? `…${key.slice(-4)}` : '' };
}
