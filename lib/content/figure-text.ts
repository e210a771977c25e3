import { formatClock, formatCredits } from '../format';
import type { Figure } from './inline-config';

/** "≈ 0:42 · 42 credits": m:ss, as the product shows durations everywhere. */
export function figureText(figure: Figure): string {
  const credits = formatCredits(figure.credits);
  return `≈ ${formatClock(figure.seconds)} · ${credits} ${credits === '1' ? 'credit' : 'credits'}`;
}

/** The mark beside a figure, so the user knows which one is shown. */
export function sourceMark(figure: Figure): { label: string; title: string } {
  switch (figure.source) {
    case 'api': return { label: 'API', title: 'Exact figure from the Supertone API' };
    case 'cache': return { label: 'API', title: 'Exact figure from the Supertone API (cached)' };
    case 'mixed': return { label: 'mixed', title: figure.note ?? 'Partly from the API, partly approximate' };
    case 'local': return { label: 'approx.', title: figure.note ?? 'Approximate local estimate' };
  }
}
