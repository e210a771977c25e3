import type { Format } from './format';
import type { Locale } from './locales';
import type { Translate } from './translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  f: Format;
}
