import { settingsFields, type Settings } from '@/lib/settings/schema';

type AlertSettings = Settings['alerts'];

/** Each sub-field is checked against its own schema, so the message sits beside the field at fault. */
export function alertErrors(value: AlertSettings): Partial<Record<keyof AlertSettings, string>> {
  const shape = settingsFields.alerts.unwrap().shape;
  const errors: Partial<Record<keyof AlertSettings, string>> = {};
  for (const key of Object.keys(shape) as Array<keyof AlertSettings>) {
    const parsed = shape[key].safeParse(value[key]);
    if (!parsed.success) errors[key] = parsed.error.issues[0]?.message;
  }
  return errors;
}
