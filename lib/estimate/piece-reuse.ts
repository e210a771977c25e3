import type { Chunk } from '../text/chunk';

/**
 * Re-uses pieces that are already known (cached) when a text is re-estimated after an edit.
 * The chunker's boundaries are content-anchored but can still shift a few pieces around an edit;
 * here every run of unknown pieces is re-covered with known pieces found verbatim in it, so only
 * the edited stretch itself needs new calls.
 */

const PREFIX = 24;

/** Known piece texts, findable by their first characters; one index per set of voice settings. */
export class KnownPieces {
  private readonly index = new Map<string, Set<string>>();
  private readonly scopes = new Set<string>();

  constructor(private readonly maxEntries = 20_000) {}

  add(scope: string, piece: string): void {
    if (this.index.size >= this.maxEntries) {
      this.index.clear(); // forgetting costs only some re-use
      this.scopes.clear();
    }
    this.scopes.add(scope);
    const key = `${scope}\u0000${piece.slice(0, PREFIX)}`;
    const set = this.index.get(key) ?? new Set<string>();
    set.add(piece);
    this.index.set(key, set);
  }

  /** Whether anything is known for these settings: if not, there is nothing to look for. */
  has(scope: string): boolean {
    return this.scopes.has(scope);
  }

  /** Known pieces that `text` holds verbatim at `position`, longest first. */
  at(scope: string, text: string, position: number): string[] {
    const set = this.index.get(`${scope}\u0000${text.slice(position, position + PREFIX)}`);
    if (!set) return [];
    return [...set].filter((piece) => text.startsWith(piece, position)).sort((a, b) => b.length - a.length);
  }
}

const SPACE = /\s/u;

/**
 * `chunks` (from chunkText) with each run of unknown pieces replaced by known pieces found in it
 * plus fresh chunks for the gaps between them. Known pieces are only taken where they start and
 * end at whitespace (or the text's ends), so no word is cut.
 */
export function reuseKnownPieces(
  text: string,
  chunks: Chunk[],
  isKnown: (piece: string) => boolean,
  findKnown: (position: number) => string[],
  chunker: (text: string) => Chunk[],
): Chunk[] {
  const result: Chunk[] = [];
  let index = 0;
  while (index < chunks.length) {
    const chunk = chunks[index] as Chunk;
    if (isKnown(chunk.text.trim())) {
      result.push(chunk);
      index += 1;
      continue;
    }
    let last = index;
    while (last + 1 < chunks.length && !isKnown((chunks[last + 1] as Chunk).text.trim())) last += 1;
    result.push(...recover(text, chunk.start, (chunks[last] as Chunk).end, findKnown, chunker));
    index = last + 1;
  }
  return result;
}

function recover(text: string, from: number, to: number, findKnown: (position: number) => string[], chunker: (text: string) => Chunk[]): Chunk[] {
  const pieces: Chunk[] = [];
  let gapStart = from;
  let position = from;
  while (position < to) {
    const atWordStart = !SPACE.test(text[position] ?? ' ') && (position === 0 || SPACE.test(text[position - 1] ?? ''));
    const match = atWordStart
      ? findKnown(position).find((piece) => {
          const end = position + piece.length;
          return end <= to && (end === text.length || SPACE.test(text[end] ?? ''));
        })
      : undefined;
    if (match === undefined) {
      position += 1;
      continue;
    }
    pieces.push(...freshChunks(text, gapStart, position, chunker));
    pieces.push({ text: match, start: position, end: position + match.length });
    position += match.length;
    gapStart = position;
  }
  pieces.push(...freshChunks(text, gapStart, to, chunker));
  return pieces;
}

function freshChunks(text: string, from: number, to: number, chunker: (text: string) => Chunk[]): Chunk[] {
  if (to <= from) return [];
  return chunker(text.slice(from, to)).map((chunk) => ({ ...chunk, start: chunk.start + from, end: chunk.end + from }));
}
