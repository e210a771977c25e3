import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnownPieces, reuseKnownPieces } from '@/lib/estimate/piece-reuse';
import { chunkText, MAX_CHUNK_CHARS } from '@/lib/text/chunk';
import { englishScript, sentence } from '../fixtures/scripts';

const SCOPE = 'voice';

/** Plans pieces for `text` given the pieces of earlier estimates, as the estimator does. */
function plan(text: string, knownTexts: Iterable<string>) {
  const known = new KnownPieces();
  const set = new Set<string>();
  for (const piece of knownTexts) {
    known.add(SCOPE, piece);
    set.add(piece);
  }
  const pieces = reuseKnownPieces(text, chunkText(text), (p) => set.has(p), (pos) => known.at(SCOPE, text, pos), (t) => chunkText(t));
  return { pieces, fresh: pieces.filter((p) => !set.has(p.text.trim())) };
}

function expectWellFormed(text: string, pieces: Array<{ text: string; start: number; end: number }>): void {
  let cursor = 0;
  for (const piece of pieces) {
    expect(piece.start).toBeGreaterThanOrEqual(cursor);
    expect(piece.text).toBe(text.slice(piece.start, piece.end));
    expect(piece.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    cursor = piece.end;
  }
  // Whatever is left between pieces is not spoken.
  const covered = pieces.map((p) => p.text).join('');
  expect(covered.replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
}

/** A deterministic single-sentence edit of kind `kind` at sentence `i`. */
function edit(script: string, i: number, kind: number): string {
  const original = sentence(i);
  const replacements = [
    `${original.slice(0, -1)}, and a clause the writer added later.`,
    original.replace(/ (\w+) /u, ' really $1 '),
    'A completely different sentence takes its place here.',
    `${original} A new sentence follows it.`,
  ];
  return script.replace(original, replacements[kind % replacements.length] as string);
}

describe('re-using known pieces after an edit', () => {
  it('asks for at most two new pieces after any one-sentence edit of a long script', () => {
    const script = englishScript(50_000);
    const before = chunkText(script).map((c) => c.text.trim());
    const fresh: number[] = [];
    for (let n = 0; n < 60; n++) {
      const edited = edit(script, 7 + n * 11, n);
      expect(edited).not.toBe(script);
      const { pieces, fresh: changed } = plan(edited, before);
      expectWellFormed(edited, pieces);
      fresh.push(changed.length);
    }
    expect(Math.max(...fresh)).toBeLessThanOrEqual(2);
    expect(Math.min(...fresh)).toBeGreaterThanOrEqual(1);
  });

  it('changes nothing when nothing is known or everything is', () => {
    const script = englishScript(5_000);
    const chunks = chunkText(script);
    expect(plan(script, []).pieces).toEqual(chunks);
    const all = plan(script, chunks.map((c) => c.text.trim()));
    expect(all.fresh).toEqual([]);
    expect(all.pieces.map((p) => p.text.trim())).toEqual(chunks.map((c) => c.text.trim()));
  });

  it('finds known pieces inside a larger text (a selection grown around an estimated one)', () => {
    const middle = englishScript(3_000);
    const known = chunkText(middle).map((c) => c.text.trim());
    const grown = `${sentence(900)} ${sentence(901)}\n\n${middle}\n\n${sentence(902)}`;
    const { pieces, fresh } = plan(grown, known);
    expectWellFormed(grown, pieces);
    expect(pieces.length - fresh.length).toBe(known.length);
    expect(fresh.map((p) => p.text.trim()).join(' ')).not.toContain(sentence(0));
  });

  it('keeps every piece whole and bounded for arbitrary texts and known sets', () => {
    const word = fc.constantFrom('alpha', 'beta', 'γάμμα', '데이터', '日本語', '👩‍👩‍👧', 'e\u0301', 'x');
    const textArb = fc.array(fc.tuple(word, fc.constantFrom(' ', '. ', ', ', '\n', '! ')), { maxLength: 400 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(textArb, fc.array(fc.nat(), { maxLength: 20 }), (text, picks) => {
      const chunks = chunkText(text);
      const knownTexts = picks.map((n) => chunks[n % Math.max(1, chunks.length)]?.text.trim() ?? '').filter(Boolean);
      const { pieces } = plan(text, knownTexts);
      expectWellFormed(text, pieces);
    }), { numRuns: 300 });
  });
});
