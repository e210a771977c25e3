import { formatClock, formatCredits } from '../format';
import type { Figure } from './inline-config';
import type { InlineWords } from './inline-words';

/** "≈ 0:42 · 42 credits" (and "· 3 voices" for a dialogue): m:ss, as the product shows durations everywhere. */
export function figureText(figure: Figure, words: InlineWords): string {
  const credits = formatCredits(figure.credits);
  const voices = figure.voices === undefined ? '' : ` · ${figure.voices} ${figure.voices === 1 ? words.voice : words.voices}`;
  return `≈ ${formatClock(figure.seconds)} · ${credits} ${credits === '1' ? words.credit : words.credits}${voices}`;
}

/** The mark beside a figure, so the user knows which one is shown. */
export function sourceMark(figure: Figure, words: InlineWords): { label: string; title: string } {
  switch (figure.source) {
    case 'api': return { label: words.api, title: words.exactTitle };
    case 'cache': return { label: words.api, title: words.cachedTitle };
    case 'mixed': return { label: words.mixed, title: figure.note ?? words.mixedTitle };
    case 'local': return { label: words.approx, title: figure.note ?? words.localTitle };
  }
}
