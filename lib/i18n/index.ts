import { translator } from './catalogs';
import { createFormat } from './format';
import type { Locale } from './locales';
import type { I18n } from './types';

export type { MessageKey } from './en';
export type { Locale } from './locales';
export type { I18n } from './types';
export type { Translate } from './translate';
export { translator } from './catalogs';
export { detectLocale } from './detect';

/** Any language at once (background, command line); extension pages use loadI18n (load.ts). */
export function createI18n(locale: Locale): I18n {
  return { locale, t: translator(locale), f: createFormat(locale) };
}
