import { en } from './en';
import { createFormat } from './format';
import type { Locale } from './locales';
import { translateWith, type Catalog } from './translate';
import type { I18n } from './types';

/** English is always there (the default); the others are fetched only by a page that shows them. */
const LOADERS: Record<Locale, () => Promise<Catalog>> = {
  en: () => Promise.resolve(en),
  ko: () => import('./ko').then((module) => module.ko),
  ja: () => import('./ja').then((module) => module.ja),
};

export function i18nWith(locale: Locale, catalog: Catalog): I18n {
  return { locale, t: translateWith(catalog), f: createFormat(locale) };
}

/** An extension page's words: only its own language's catalog is loaded. */
export async function loadI18n(locale: Locale): Promise<I18n> {
  return i18nWith(locale, await LOADERS[locale]());
}
