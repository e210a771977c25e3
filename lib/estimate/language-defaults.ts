import { baseLanguage } from './language-code';

export { baseLanguage } from './language-code';

/**
 * How fast each language is spoken before any calibration: speech units per second, and the
 * pauses at clause, sentence and paragraph boundaries. A unit is a letter in alphabetic scripts, a
 * character in Chinese and Japanese (kana and kanji), a syllable block in Korean.
 *
 * Sources:
 * - IReST: Trauzettel-Klosinski & Dietz, "Standardized assessment of reading performance: the new
 *   International Reading Speed Texts IReST", Invest. Ophthalmol. Vis. Sci. 53(9):5452–5461 (2012).
 *   436 native speakers aged 18–35 reading equated texts ALOUD; characters per minute per language
 *   (spaces not counted: English 987 characters/min at 228 words/min is 4.3 per word). Used as
 *   published for the 11 languages whose figures we could read: ar 612, zh 255, nl 978, en 987,
 *   fi 1078, fr 998, de 920, he 833, it 950, ja 357, pl 916. Over all 17 languages: 863 ± 234
 *   characters/min and 370 ± 80 syllables/min.
 * - Languages without their own IReST figure take the mean of IReST's alphabetic languages above
 *   (nl, en, fi, fr, de, it, pl: 975 characters/min) when written in Latin, Cyrillic or Greek
 *   letters, and IReST's 17-language mean (863/min) otherwise. This is a fallback, not a
 *   measurement of that language: calibration is what makes it right.
 * - Korean: a Hangul block is one syllable, so the rate is IReST's 17-language mean syllable rate
 *   (370/min); IReST has no Korean text.
 * - Pauses: 0.3 s at a comma and 0.5 s at a full stop, the rule script timers use (FIELD-NOTES §5,
 *   "what users of TTS tools ask for"). Paragraph: 0.8 s, our own assumption (a sentence pause and
 *   a breath), with no study behind it; calibration learns it.
 * Note: IReST's rates include the readers' own pauses, and the model adds pauses on top, so for
 * prose with much punctuation the defaults lean long. Measured against espeak-ng in `npm run bench`.
 */
export interface PauseWeights {
  clause: number;
  sentence: number;
  paragraph: number;
}

export interface LanguageDefaults {
  unitsPerSecond: number;
  pauses: PauseWeights;
  /** What unitsPerSecond rests on, for the README and for anyone checking a figure. */
  source: string;
}

const PAUSES: PauseWeights = { clause: 0.3, sentence: 0.5, paragraph: 0.8 };
const perMinute = (characters: number) => characters / 60;

const IREST = 'IReST 2012, reading aloud';
const ALPHABETIC_MEAN = 'mean of IReST alphabetic languages (no figure of its own)';
const ALL_MEAN = 'IReST 17-language mean (no figure of its own)';

const RATES: Record<string, [number, string]> = {
  en: [perMinute(987), IREST], nl: [perMinute(978), IREST], fi: [perMinute(1078), IREST], fr: [perMinute(998), IREST],
  de: [perMinute(920), IREST], it: [perMinute(950), IREST], pl: [perMinute(916), IREST], ar: [perMinute(612), IREST],
  he: [perMinute(833), IREST], ja: [perMinute(357), IREST], zh: [perMinute(255), IREST],
  ko: [perMinute(370), 'IReST 17-language mean syllables/min (a Hangul block is a syllable)'],
};
/** Supertone's and AudioStack's other languages written in Latin, Cyrillic or Greek letters. */
const ALPHABETIC = ['bg', 'cs', 'da', 'el', 'es', 'et', 'hr', 'hu', 'id', 'lt', 'lv', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv',
  'tr', 'uk', 'vi', 'ca', 'no', 'nb', 'ms', 'af', 'cy', 'ga', 'is', 'sr', 'mk', 'gl', 'eu', 'fil', 'tl', 'sw'];
const ALPHABETIC_RATE = perMinute((978 + 987 + 1078 + 998 + 920 + 950 + 916) / 7);
const FALLBACK_RATE = perMinute(863);

/** Whether a language has a speaking rate of its own (IReST), not a mean borrowed from others. */
export function hasOwnRate(language: string): boolean {
  return baseLanguage(language) in RATES;
}

export function languageDefaults(language: string): LanguageDefaults {
  const base = baseLanguage(language);
  const known = RATES[base];
  if (known) return { unitsPerSecond: known[0], pauses: PAUSES, source: known[1] };
  if (ALPHABETIC.includes(base)) return { unitsPerSecond: ALPHABETIC_RATE, pauses: PAUSES, source: ALPHABETIC_MEAN };
  return { unitsPerSecond: FALLBACK_RATE, pauses: PAUSES, source: ALL_MEAN };
}
