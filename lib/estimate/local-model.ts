import type { Language } from '../sources/languages';

/**
 * A local duration model for when there is no key or no network: speaking rate per language plus
 * pauses at punctuation, divided by speed. Rates are "speech units" per second: letters for
 * alphabetic scripts, characters for CJK (each roughly a syllable or mora).
 */
const UNITS_PER_SECOND: Partial<Record<Language, number>> = {
  en: 14.5, ko: 6.8, ja: 7.8, de: 14, fr: 14.5, es: 15.5, it: 15, pt: 14.5, nl: 14, ru: 13,
  uk: 13, pl: 13.5, cs: 13.5, sk: 13.5, ar: 12.5, hi: 12.5, tr: 14, vi: 12, id: 14.5, el: 13.5,
};
const DEFAULT_UNITS_PER_SECOND = 14;

/** Spoken digits take several letters each ("7" → "seven"). */
const UNITS_PER_DIGIT = 3.5;

const PAUSE_SECONDS = { clause: 0.25, sentence: 0.5, paragraph: 0.75 } as const;

// One pass, one regex: alternatives are counted by which group matched.
const TOKEN =
  /(\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul})|(\p{N})|(\p{L})|(\n\s*\n)|([.!?…。！？؟।॥\n]+)|([,;:、，；：،؛—])/gu;

export interface SpeechMeasure {
  units: number;
  pauseSeconds: number;
}

export function measureSpeech(text: string): SpeechMeasure {
  let units = 0;
  let pauseSeconds = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match[1] !== undefined || match[3] !== undefined) units += 1;
    else if (match[2] !== undefined) units += UNITS_PER_DIGIT;
    else if (match[4] !== undefined) pauseSeconds += PAUSE_SECONDS.paragraph;
    else if (match[5] !== undefined) pauseSeconds += PAUSE_SECONDS.sentence;
    else if (match[6] !== undefined) pauseSeconds += PAUSE_SECONDS.clause;
  }
  return { units, pauseSeconds };
}

export function localSeconds(text: string, language: string, speed: number, factor = 1): number {
  const { units, pauseSeconds } = measureSpeech(text);
  if (units === 0) return 0;
  const rate = UNITS_PER_SECOND[language as Language] ?? DEFAULT_UNITS_PER_SECOND;
  return ((units / rate + pauseSeconds) / speed) * factor;
}
