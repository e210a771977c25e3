import { z } from 'zod';
import { migrateSettings } from '@/lib/settings/migrations';
import { SETTINGS_VERSION, type Settings } from '@/lib/settings/schema';

/** The exported settings file: settings only, the key is never part of Settings. */
const settingsRecord = z.record(z.string(), z.unknown());

export const settingsFileSchema = z.object({
  scriptmeter: z.literal('settings'),
  version: z.number().int().positive(),
  settings: settingsRecord,
});

export function settingsFile(settings: Settings): string {
  return `${JSON.stringify({ scriptmeter: 'settings', version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

/** The settings inside a file, brought to the current version, or null when the file is not one of ours. */
export function readSettingsFile(text: string): Record<string, unknown> | null {
  let file;
  try {
    file = settingsFileSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return null;
  }
  if (!file) return null;
  return settingsRecord.parse(migrateSettings(file.settings, file.version));
}
