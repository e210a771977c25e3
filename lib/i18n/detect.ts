import { browser } from 'wxt/browser';
import { pickLocale, type Locale } from './locales';

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
