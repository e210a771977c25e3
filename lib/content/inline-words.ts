/**
 * The words the inline tooltip and chip show. The background sends them in the user's language with
 * the inline config, so the content script carries no translations, only these English defaults.
 */
export interface InlineWords {
  credit: string;
  credits: string;
  /** Marks beside a figure. */
  api: string;
  approx: string;
  mixed: string;
  /** Read out while the exact figure is on its way. */
  coming: string;
  exactTitle: string;
  cachedTitle: string;
  mixedTitle: string;
  localTitle: string;
  wholeText: string;
  wholeFieldLocal: string;
  /** With `{max}` for the character limit. */
  tooLong: string;
  /** "· 3 voices" after a dialogue's figure. */
  voice: string;
  voices: string;
  /** The tooltip's button that buys the exact figure ("Exact · 0.25 credits"). */
  exact: string;
  /** Its longer title, with `{credits}`. */
  buy: string;
  /** What an exact figure's predictions cost, with `{credits}`. */
  spent: string;
}

export const ENGLISH_INLINE_WORDS: InlineWords = {
  credit: 'credit',
  credits: 'credits',
  api: 'API',
  approx: 'approx.',
  mixed: 'mixed',
  coming: 'exact figure coming',
  exactTitle: 'Exact figure from the API',
  cachedTitle: 'Exact figure from the API (cached)',
  mixedTitle: 'Partly from the API, partly approximate',
  localTitle: 'Approximate local estimate',
  wholeText: 'Whole text',
  wholeFieldLocal: 'Approximate local estimate: whole-field API figures are off in options (they send the whole field).',
  tooLong: 'Text longer than {max} characters: approximate local estimate.',
  voice: 'voice',
  voices: 'voices',
  exact: 'Exact',
  buy: 'Ask the API for the exact figure: {credits} credits of your balance.',
  spent: 'Prediction cost {credits} credits.',
};
