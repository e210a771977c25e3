import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en } from './en';
import { i18nWith } from './load';
import type { I18n } from './types';

/** The UI's language for extension pages; English unless a page provides another. */
export const I18nContext = createContext<I18n>(i18nWith('en', en));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
