/** Text ready for counting: numbers said as words, or removed with their digits counted. */
export interface SpokenText {
  /** The text with every number written as it is said (languages with a speaker) or removed (the others). */
  text: string;
  /** Digits left for the caller to count as spoken units (languages without a speaker). */
  digits: number;
}

const NUMBER = /\d+(?:[.,:]\d+)*/gu;

/**
 * Numbers removed and their digits counted, in any language: what the content script uses, so it
 * ships no number words (its figures for texts the API may see are replaced by the background's).
 */
export function digitsOnly(text: string): SpokenText {
  let digits = 0;
  const rest = text.replace(NUMBER, (match) => {
    digits += match.replace(/\D/gu, '').length;
    return ' ';
  });
  return { text: rest, digits };
}
