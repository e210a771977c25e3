import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { mergeWithDefaults, SETTINGS_VERSION, validateSettings, type FieldErrors, type Settings } from './schema';

/** Settings are plain data any extension page may read; the key is kept apart (see apiKeyItem). */
const settingsItem = storage.defineItem<Record<string, unknown>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
});

/** Read only by the background; no message ever returns it. */
const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

export async function readSettings(): Promise<Settings> {
  return mergeWithDefaults(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<{ ok: true; settings: Settings } | { ok: false; errors: FieldErrors }> {
  const result = validateSettings({ ...(await readSettings()), ...patch });
  if (result.ok) await settingsItem.setValue(result.settings);
  return result;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(mergeWithDefaults(value)));
}

export const apiKeySchema = z.string().trim()
  .min(8, 'That key looks too short.')
  .max(256, 'That key looks too long.')
  .regex(/^[\x21-\x7e]+$/, 'A key has no spaces or special characters: paste it again.');

export async function readApiKey(): Promise<string> {
  return apiKeySchema.safeParse(await apiKeyItem.getValue()).data ?? '';
}

export async function saveApiKey(key: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = apiKeySchema.safeParse(key);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid key.' };
  await apiKeyItem.setValue(parsed.data);
  return { ok: true };
}

export async function clearApiKey(): Promise<void> {
  await apiKeyItem.removeValue();
}

export function watchApiKey(onChange: () => void): () => void {
  return apiKeyItem.watch(() => onChange());
}

/** What the UI may know about the key: whether it is set and its last four characters. */
export async function apiKeyStatus(): Promise<{ set: boolean; hint: string }> {
  const key = await readApiKey();
  return { set: key.length > 0, hint: key ? `…${key.slice(-4)}` : '' };
}
