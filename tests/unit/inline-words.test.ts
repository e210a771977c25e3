import { describe, expect, it } from 'vitest';
import { figureText, sourceMark } from '@/lib/content/figure-text';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';
import { createI18n } from '@/lib/i18n';
import { inlineWords } from '@/lib/i18n/inline-words';

describe('the inline words', () => {
  it('in English are the content script\'s own defaults, word for word', () => {
    expect(inlineWords(createI18n('en').t)).toEqual(ENGLISH_INLINE_WORDS);
  });

  it('in Korean and Japanese, every word is translated and the limit placeholder is kept', () => {
    for (const locale of ['ko', 'ja'] as const) {
      const words = inlineWords(createI18n(locale).t);
      for (const key of ['credits', 'approx', 'mixed', 'coming', 'localTitle', 'wholeText', 'wholeFieldLocal'] as const) {
        expect(words[key], `${locale} ${key}`).not.toBe(ENGLISH_INLINE_WORDS[key]);
      }
      expect(words.tooLong).toContain('{max}');
    }
  });

  it('shape the tooltip\'s figure and mark', () => {
    const ko = inlineWords(createI18n('ko').t);
    expect(figureText({ seconds: 42, credits: 42, source: 'api' }, ko)).toBe('≈ 0:42 · 42 크레딧');
    expect(sourceMark({ seconds: 42, credits: 42, source: 'local' }, ko)).toEqual({ label: '근사치', title: '로컬 근사치' });
  });
});
