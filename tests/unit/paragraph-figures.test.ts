import { describe, expect, it } from 'vitest';
import type { PieceEstimate } from '@/lib/estimate/estimator';
import { paragraphFigures } from '@/lib/estimate/paragraph-figures';
import { breakdownRows, hasParagraphs } from '@/components/popup/paragraphs';

/** A piece covering `text`'s characters from the first occurrence of `from` through the end of `to`. */
function piece(text: string, from: string, to: string, seconds: number, source: PieceEstimate['source'] = 'api'): PieceEstimate {
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  return { start, end, characters: end - start, seconds, source };
}

const perCharacter = (part: string) => part.length / 10;

describe('per-paragraph figures derived from one whole-text estimate', () => {
  const text = 'One two.\n\n  \nThree four five six.\r\n\r\nSeven.';

  it('gives a paragraph wholly covered by its own exact pieces their exact seconds', () => {
    const figures = paragraphFigures(text, [piece(text, 'One', 'two.', 1.5), piece(text, 'Three', 'six.', 2.25), piece(text, 'Seven', 'Seven.', 3, 'cache')], perCharacter);
    expect(figures).toEqual([
      { text: 'One two.', seconds: 1.5, basis: 'exact' },
      { text: 'Three four five six.', seconds: 2.25, basis: 'exact' },
      { text: 'Seven.', seconds: 3, basis: 'exact' },
    ]);
  });

  it('shares a piece spanning paragraphs by the local model, marks those paragraphs divided, and keeps the total', () => {
    // One paid call answered for the first two paragraphs together (8 and 20 characters).
    const figures = paragraphFigures(text, [piece(text, 'One', 'six.', 7), piece(text, 'Seven', 'Seven.', 1)], perCharacter);
    expect(figures.map((f) => [f.seconds, f.basis])).toEqual([[2, 'divided'], [5, 'divided'], [1, 'exact']]);
    expect(figures.reduce((sum, f) => sum + f.seconds, 0)).toBe(8);
  });

  it('marks a paragraph with any local piece local, even where another piece was exact', () => {
    const figures = paragraphFigures(text, [piece(text, 'One', 'two.', 1), piece(text, 'Three', 'four', 1), piece(text, 'five', 'six.', 1, 'local'), piece(text, 'Seven', 'Seven.', 1, 'local')], perCharacter);
    expect(figures.map((f) => f.basis)).toEqual(['exact', 'local', 'local']);
  });

  it('puts cumulative timecodes on the rows, with previews cut to 48 characters', () => {
    const rows = breakdownRows([{ text: 'a', seconds: 1.5, basis: 'exact' }, { text: 'b', seconds: 2.25, basis: 'divided' }, { text: 'x'.repeat(60), seconds: 3, basis: 'local' }]);
    expect(rows.map((r) => [r.index, r.seconds, r.startsAt, r.endsAt, r.basis])).toEqual([[1, 1.5, 0, 1.5, 'exact'], [2, 2.25, 1.5, 3.75, 'divided'], [3, 3, 3.75, 6.75, 'local']]);
    expect(rows[2]?.preview).toHaveLength(48);
    expect([hasParagraphs(text), hasParagraphs('One line.\nAnother.'), hasParagraphs('Trailing.\n\n  ')]).toEqual([true, false, false]);
  });
});
