import { en, type MessageKey } from './en';
import { ja } from './ja';
import { ko } from './ko';
import type { Locale } from './locales';

/** The catalogs and their lookup, without the browser: the command line words things with them too. */
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, ko, ja };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, vars) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}
