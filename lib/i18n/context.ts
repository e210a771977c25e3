import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createI18n, type I18n } from './index';

/** The UI's language for extension pages; English unless a page provides another. */
export const I18nContext = createContext<I18n>(createI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
