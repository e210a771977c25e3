import type { MessageKey } from './en';

export type Catalog = Record<MessageKey, string>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Lookup with `{name}` placeholders; a placeholder without a value stays as written. */
export function translateWith(catalog: Catalog): Translate {
  return (key, vars) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}
