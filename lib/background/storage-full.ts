import type { FieldErrors, Settings, SettingsField } from '../settings/schema';

export const STORAGE_FULL_MESSAGE = 'Not saved: the browser’s storage for ScriptMeter is full.';

/** Chrome says "Resource::kQuotaBytes quota exceeded"; Firefox throws IndexedDB's QuotaExceededError. */
export function isStorageFull(error: unknown): boolean {
  return error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
}

/**
 * Runs a save; when storage is full the caller gets `refused()` — an answer its page already shows —
 * instead of a rejection the page may not catch, so a setting is never dropped without a word.
 */
export async function unlessStorageFull<T>(save: () => Promise<T>, refused: () => T): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isStorageFull(error)) return refused();
    throw error;
  }
}

/** The storage-full message on each field the refused patch was changing (options pages show field errors). */
export function storageFullErrors(patch: Partial<Settings>): FieldErrors {
  const fields = Object.keys(patch) as SettingsField[];
  return Object.fromEntries(fields.map((field) => [field, STORAGE_FULL_MESSAGE]));
}
