import { browser } from 'wxt/browser';
import { en, type MessageKey } from './en';
import { createFormat, type Format } from './format';
import { ja } from './ja';
import { ko } from './ko';
import { pickLocale, type Locale } from './locales';

export type { MessageKey } from './en';
export type { Locale } from './locales';

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, ko, ja };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, vars) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  locale: Locale;
  t: Translate;
  f: Format;
}

export function createI18n(locale: Locale): I18n {
  return { locale, t: translator(locale), f: createFormat(locale) };
}

/** Where there is no extension API behind it (the command line, tests), no language: the next one is asked. */
function uiLanguage(): string {
  try {
    return typeof browser.i18n?.getUILanguage === 'function' ? browser.i18n.getUILanguage() : '';
  } catch {
    return '';
  }
}

/**
 * The browser's UI language; an extension page may override it with `?lang=ko` (used for
 * screenshots and for checking a translation without changing the browser's language).
 */
export function detectLocale(search = ''): Locale {
  const override = new URLSearchParams(search).get('lang');
  const ui = uiLanguage();
  const navigatorLanguages = typeof navigator === 'undefined' ? [] : navigator.languages;
  return pickLocale([override ?? '', ui, ...navigatorLanguages].filter(Boolean));
}
