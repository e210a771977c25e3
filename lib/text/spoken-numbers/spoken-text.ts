/** Text ready for counting: numbers said as words, or removed with their digits counted. */
export interface SpokenText {
  /** The text with every number written as it is said (languages with a speaker) or removed (the others). */
  text: string;
  /** Digits left for the caller to count as spoken units (languages without a speaker). */
  digits: number;
}
