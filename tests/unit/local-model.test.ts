import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/sources/languages';
import { languageDefaults } from '@/lib/estimate/language-defaults';
import { defaultParameters, localSeconds, secondsAtNormalSpeed, speechFeatures, voiceSeconds } from '@/lib/estimate/local-model';

describe('local model', () => {
  it('counts pauses only between words, each boundary once at its strongest', () => {
    expect(speechFeatures('Hello, world. Again!\n\nNew paragraph; yes.', 'en')).toEqual({
      units: 'HelloworldAgainNewparagraphyes'.length, clauses: 2, sentences: 1, paragraphs: 1,
    });
    expect(speechFeatures('  ...Hello.  ', 'en')).toMatchObject({ sentences: 0, clauses: 0 });
  });

  it('counts numbers as said, not as written', () => {
    const written = speechFeatures('It cost $4.50 in 1999.', 'en');
    expect(written).toEqual(speechFeatures('It cost four dollars fifty in nineteen ninety-nine.', 'en'));
    expect(written.sentences).toBe(0); // the point in $4.50 is no sentence end
  });

  it('counts Korean syllable blocks, Japanese morae (small kana join the one before) and Chinese characters', () => {
    expect(speechFeatures('안녕하세요', 'ko').units).toBe(5);
    expect(speechFeatures('きょうは', 'ja').units).toBe(3);
    expect(speechFeatures('今天天气很好', 'zh').units).toBe(6);
  });

  it('has defaults, with a source, for every Supertone language, Chinese, and anything else', () => {
    for (const language of [...LANGUAGES, 'zh', 'he', 'xx']) {
      const defaults = languageDefaults(language);
      expect(defaults.unitsPerSecond).toBeGreaterThan(3);
      expect(defaults.source.length).toBeGreaterThan(5);
    }
    expect(languageDefaults('zh-CN')).toEqual(languageDefaults('zh'));
  });

  it('divides by speed and scales by a factor', () => {
    const text = 'A sentence of plain words, for the model.';
    const base = secondsAtNormalSpeed(speechFeatures(text, 'en'), defaultParameters('en'));
    expect(localSeconds(text, 'en', 2, 1.5)).toBeCloseTo((base / 2) * 1.5, 10);
    expect(localSeconds('...', 'en', 1)).toBe(0);
  });
});

describe('local model slices', () => {
  it('adds up: a text cut at a space measures the same in two slices, the pause at the cut kept', () => {
    const text = 'First part ends here, and the second part goes on. Then more.';
    const cut = text.indexOf(' and');
    const whole = localSeconds(text, 'en', 1);
    expect(voiceSeconds(text.slice(0, cut), 'en', 1, defaultParameters('en'), true) + localSeconds(text.slice(cut), 'en', 1)).toBeCloseTo(whole, 10);
  });
});
