import type { PieceEstimate } from './estimator';

/**
 * How a paragraph's figure was made:
 * - exact: from vendor answers (fresh or cached) for pieces wholly inside the paragraph;
 * - divided: part of a vendor answer for a piece that spans paragraphs, split by the local model;
 * - local: some of it is the local model's (the exact figure was not bought, or failed).
 */
export type ParagraphBasis = 'exact' | 'divided' | 'local';

export interface ParagraphFigure {
  /** The paragraph as spoken (after normalizing), as the breakdown previews it. */
  text: string;
  seconds: number;
  basis: ParagraphBasis;
}

/** Paragraphs end at blank lines (as in the popup's paste box and cue sheets). */
const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n/g;

interface Span {
  start: number;
  end: number;
}

function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (end - start - lead - trail > 0) spans.push({ start: start + lead, end: end - trail });
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}

const RANK: Record<ParagraphBasis, number> = { exact: 0, divided: 1, local: 2 };

/**
 * Per-paragraph figures derived from one whole-text estimate, with no estimate of their own: each
 * piece's seconds go to the paragraph holding it; a piece that spans paragraphs (a paid vendor packs
 * sentences into as few calls as it can) is shared out in proportion to the local model's figure
 * for each part. The figures add up to the whole estimate's. `spoken` is the normalized text the
 * pieces' offsets refer to.
 */
export function paragraphFigures(
  spoken: string,
  pieces: readonly PieceEstimate[],
  localSeconds: (text: string) => number,
): ParagraphFigure[] {
  const spans = paragraphSpans(spoken);
  const figures = spans.map((span): ParagraphFigure => ({ text: spoken.slice(span.start, span.end), seconds: 0, basis: 'exact' }));
  const add = (index: number, seconds: number, basis: ParagraphBasis) => {
    const figure = figures[index];
    if (!figure) return;
    figure.seconds += seconds;
    if (RANK[basis] > RANK[figure.basis]) figure.basis = basis;
  };
  for (const piece of pieces) {
    const overlapping = spans.flatMap((span, index) => {
      const start = Math.max(span.start, piece.start);
      const end = Math.min(span.end, piece.end);
      return end > start ? [{ index, text: spoken.slice(start, end) }] : [];
    });
    const own = piece.source === 'local' ? 'local' : 'exact';
    if (overlapping.length <= 1) {
      // A piece of nothing but spaces overlaps no paragraph: its (near zero) seconds go to the one before it.
      const index = overlapping[0]?.index ?? Math.max(0, spans.findLastIndex((span) => span.start < piece.start));
      add(index, piece.seconds, own);
      continue;
    }
    const weights = overlapping.map((part) => Math.max(0, localSeconds(part.text)));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const characters = overlapping.reduce((sum, part) => sum + part.text.length, 0);
    overlapping.forEach((part, k) => {
      const share = total > 0 ? (weights[k] ?? 0) / total : part.text.length / characters;
      add(part.index, piece.seconds * share, own === 'local' ? 'local' : 'divided');
    });
  }
  return figures.map((figure) => ({ ...figure, seconds: Math.round(figure.seconds * 100) / 100 }));
}
