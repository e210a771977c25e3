import type { InlineWords } from '../content/inline-words';
import { detectLocale, translator, type Translate } from './index';

/** The inline tooltip's and chip's words in the browser's language, for the inline config. */
export function userInlineWords(): InlineWords {
  return inlineWords(translator(detectLocale()));
}

export function inlineWords(t: Translate): InlineWords {
  return {
    credit: t('inline.credit'),
    credits: t('inline.credits'),
    api: t('inline.api'),
    approx: t('inline.approx'),
    mixed: t('inline.mixed'),
    coming: t('inline.coming'),
    exactTitle: t('inline.exactTitle'),
    cachedTitle: t('inline.cachedTitle'),
    mixedTitle: t('inline.mixedTitle'),
    localTitle: t('inline.localTitle'),
    wholeText: t('inline.wholeText'),
    wholeFieldLocal: t('inline.wholeFieldLocal'),
    tooLong: t('estimate.tooLong', { max: '{max}' }),
    voice: t('inline.voice'),
    voices: t('inline.voices'),
    exact: t('inline.exact'),
    buy: t('inline.buy', { credits: '{credits}' }),
    spent: t('inline.spent', { credits: '{credits}' }),
  };
}
