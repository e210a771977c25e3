import { en } from './en';
import { ja } from './ja';
import { ko } from './ko';
import type { Locale } from './locales';
import { translateWith, type Catalog, type Translate } from './translate';

/**
 * Every catalog at once, for the background and the command line, which word things in any
 * language. Extension pages load only their own (load.ts): they open faster for it.
 */
const CATALOGS: Record<Locale, Catalog> = { en, ko, ja };

export function translator(locale: Locale): Translate {
  return translateWith(CATALOGS[locale]);
}
