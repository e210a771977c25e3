/**
 * Splits script text into pieces for the duration API, which accepts at most
 * MAX_CHUNK_CHARS UTF-16 code units per call (code units ≥ code points, so the
 * limit holds however the server counts).
 *
 * Pipeline: a linear scan finds sentence ends; sentences longer than the limit
 * are cut at clause, word, then grapheme boundaries; whole sentences are then
 * packed into as few pieces as possible.
 *
 * Stability: durations are cached per piece text, so an edit should change few
 * pieces. Plain greedy packing shifts every later boundary, so some sentences
 * are anchors (chosen by content, see anchorFlags) that no piece spans, and
 * each stretch between anchors is packed from both ends towards one middle
 * piece that takes the slack (packSegment). An edit then re-packs only the
 * pieces between it and the middle of its stretch.
 *
 * Intl.Segmenter is slow (and super-linear on long strings in V8), so grapheme
 * safety is proved with a cheap code point test, and the segmenter only runs on
 * short windows where that test cannot decide.
 */

export const MAX_CHUNK_CHARS = 300;

/** Smaller limits leave no room for a grapheme cluster plus the punctuation around it. */
const MIN_MAX_CHARS = 8;

/**
 * Anchor spacing, in pieces: see anchorFlags. Smaller means cheaper edits but
 * more half-empty pieces; 1.5 measured best on generated English scripts.
 */
const ANCHOR_RADIUS = 1.5;

export interface Chunk {
  text: string;
  start: number;
  end: number;
}

const SPEAKABLE = /[\p{L}\p{N}\p{S}]/u;
const SPEAKABLE_GLOBAL = /[\p{L}\p{N}\p{S}]/gu;

/** True when the text has a letter, number or symbol, i.e. something a voice would say. */
export function isSpeakable(text: string): boolean {
  return SPEAKABLE.test(text);
}

/**
 * 'stable': anchored packing, so an edit re-packs few pieces (free calls: a few more pieces cost
 * nothing). 'fewest': no anchors, the fewest pieces the limit allows (each call costs credits; the
 * estimator's piece re-use keeps edits cheap instead).
 */
export type Packing = 'stable' | 'fewest';

/**
 * Splits `text` into pieces of at most `maxChars` code units, in order.
 * Pieces concatenate back to `text`, except that a run of whitespace or
 * punctuation too long to ride along with a neighbouring piece is left out
 * (sending it alone would be a wasted, possibly rejected, call). Returns []
 * when nothing in the text is speakable.
 */
export function chunkText(text: string, maxChars: number = MAX_CHUNK_CHARS, packing: Packing = 'stable'): Chunk[] {
  if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS) {
    throw new RangeError(`maxChars must be an integer >= ${MIN_MAX_CHARS}, got ${maxChars}`);
  }
  if (!isSpeakable(text)) return [];
  const units = sentenceUnits(text, maxChars, packing === 'stable');
  return packUnits(units, maxChars).map(({ start, end }) => ({ text: text.slice(start, end), start, end }));
}

// ---------------------------------------------------------------------------
// Character classes (BMP lookup table: one array read per character in the hot scan)

const C_SPACE = 1;
const C_NEWLINE = 2;
const C_TERM = 4; // sentence end only when followed by whitespace ("3.14", "e.g.x" are not)
const C_TERM_TIGHT = 8; // sentence end even without whitespace (CJK, Indic, Arabic)
const C_CLOSER = 16;
const C_CLAUSE = 32; // clause break only when followed by whitespace ("1,000", "10:30" are not)
const C_CLAUSE_TIGHT = 64;
const C_CJK = 128; // scripts written without spaces: any grapheme boundary is a word boundary

const CHAR_CLASS = buildCharClasses();

function buildCharClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // The ranges overlap nothing else and are filled first, natively: a loop over their 30,000 code
  // points ran on every start of the background, before it could answer anything.
  const addRange = (from: number, to: number, flag: number): void => void table.fill(flag, from, to + 1);
  // A character may have several classes (a newline is also a space).
  const addChars = (chars: string, flag: number): void => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= flag;
  };
  addRange(0x2000, 0x200a, C_SPACE);
  addRange(0x3040, 0x30ff, C_CJK);
  addRange(0x3400, 0x4dbf, C_CJK);
  addRange(0x4e00, 0x9fff, C_CJK);
  addRange(0xf900, 0xfaff, C_CJK);
  addRange(0xff66, 0xff9d, C_CJK);
  addChars('\t\n\v\f\r \u0085\u00A0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF', C_SPACE);
  addChars('\n\v\f\r\u0085\u2028\u2029', C_NEWLINE);
  addChars('.!?\u2026\u203C\u2047\u2048\u2049', C_TERM);
  addChars('\u3002\uFF01\uFF1F\uFF61\uFF0E\u061F\u06D4\u0964\u0965\u1362', C_TERM_TIGHT);
  addChars('"\'\u201D\u2019\u00BB\u203A)]}\u300D\u300F\uFF09\u300B\u3009\u3011\u3015\uFF3D\uFF5D\u3017\u3019\u301B', C_CLOSER);
  addChars(',;:\u2013', C_CLAUSE);
  addChars('\u3001\uFF0C\uFF1B\uFF1A\u060C\u061B\u2014\u2015', C_CLAUSE_TIGHT);
  return table;
}

function classAt(text: string, i: number): number {
  return CHAR_CLASS[text.charCodeAt(i)] ?? 0; // NaN (past the end) reads as no class
}

function skipClass(text: string, i: number, mask: number): number {
  while (i < text.length && (classAt(text, i) & mask) !== 0) i++;
  return i;
}

// ---------------------------------------------------------------------------
// Grapheme safety

/**
 * Code points that may join the grapheme on their left: Extend, SpacingMark,
 * ZWJ, emoji modifiers, tags, halfwidth kana voicing marks, Hangul-style V/T
 * jamo (incl. Kirat Rai). A superset, per Unicode 16 and checked against
 * Intl.Segmenter for every code point: a false alarm only costs a segmenter call.
 */
const JOINS_LEFT = /[\p{M}\p{Cf}\u0E33\u0EB3\uFF9E\uFF9F\u1160-\u11FF\uD7B0-\uD7FF\u{1F3FB}-\u{1F3FF}\u{16D63}\u{16D67}-\u{16D6A}]/uy;
/**
 * Code points that may join the grapheme on their right, or whose cluster
 * rules look further: Prepend, ZWJ, CR, Indic linkers (marks), regional
 * indicators, Hangul L jamo.
 */
const JOINS_RIGHT =
  /[\p{M}\p{Cf}\p{Regional_Indicator}\r\u1100-\u115F\uA960-\uA97F\u0D4E\u{111C2}\u{111C3}\u{113D1}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/uy;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Start of the code point that ends at `i` (i > 0). */
function codePointStartBefore(text: string, i: number): number {
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** End of the code point that starts at `i`. */
function codePointEndAt(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/** `i`, moved back one unit when it would split a surrogate pair. */
function codePointFloor(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
}

function matchesAt(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

/**
 * True when `i` is certainly a grapheme cluster boundary: neither neighbour
 * can take part in a joining rule of UAX #29. False means "maybe not".
 */
function isCertainBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const left = text.charCodeAt(i - 1);
  const right = text.charCodeAt(i);
  if (left < 0x300 && right < 0x300) return left !== 0x0d; // Latin-1 fast path; only CR×LF joins there
  if (isHighSurrogate(left) && isLowSurrogate(right)) return false;
  return !matchesAt(JOINS_LEFT, text, i) && !matchesAt(JOINS_RIGHT, text, codePointStartBefore(text, i));
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * Last grapheme boundary in [lo, hi], or -1. `known` (≤ lo, less than about
 * one piece before it) is where the segmenter starts: a boundary, or a
 * position inside whitespace/punctuation, where every later decision is the
 * same as for the whole text. Only the code point right of a break matters,
 * so the window reaches one code point past `hi`.
 */
function lastBoundaryIn(text: string, known: number, lo: number, hi: number): number {
  if (lo > hi) return -1;
  for (let i = hi; i >= lo; i--) {
    if (isCertainBoundary(text, i)) return i;
  }
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let last = -1;
  for (const { index } of graphemeSegmenter.segment(text.slice(known, Math.min(text.length, hi + 2)))) {
    const boundary = known + index;
    if (boundary > hi) break;
    if (boundary >= lo) last = boundary;
  }
  return last;
}

// ---------------------------------------------------------------------------
// Speakable look-ups

/** Finds the next speakable code point, remembering the last answer so forward scans stay linear. */
class SpeakableIndex {
  private from = 0;
  private at = -1;

  constructor(private readonly text: string) {}

  /** Index of the first speakable code point at or after `pos` (text.length when none). */
  next(pos: number): number {
    if (pos >= this.from && pos <= this.at) return this.at;
    SPEAKABLE_GLOBAL.lastIndex = pos;
    const match = SPEAKABLE_GLOBAL.exec(this.text);
    this.from = pos;
    this.at = match ? Math.max(match.index, pos) : this.text.length;
    return this.at;
  }

  /** End of the last speakable code point in [from, to), or `from` when there is none. */
  lastEnd(from: number, to: number): number {
    let i = to;
    while (i > from) {
      const start = codePointStartBefore(this.text, i);
      if (SPEAKABLE.test(this.text.slice(start, i))) return i;
      i = start;
    }
    return from;
  }
}

// ---------------------------------------------------------------------------
// Sentences

/** Abbreviations whose period is not a sentence end ("Dr. Kim"). Lower case, without the final dot. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'e.g', 'i.e']);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start < 5 && (classAt(text, start - 1) & C_SPACE) === 0) start--;
  return ABBREVIATIONS.has(text.slice(start, dot).toLowerCase());
}

/**
 * Where scanning resumes after the sentence-end candidate at `i`, and whether a
 * sentence may start there: past the terminators, closing quotes/brackets and
 * the whitespace that follows.
 */
function skipSentenceEnd(text: string, i: number): { next: number; isEnd: boolean } {
  if ((classAt(text, i) & C_NEWLINE) !== 0) return { next: skipClass(text, i, C_SPACE), isEnd: true };
  let j = i;
  let tight = false;
  while (j < text.length && (classAt(text, j) & (C_TERM | C_TERM_TIGHT)) !== 0) {
    tight ||= (classAt(text, j) & C_TERM_TIGHT) !== 0;
    j++;
  }
  j = skipClass(text, j, C_CLOSER);
  const spaced = j < text.length && (classAt(text, j) & C_SPACE) !== 0;
  const isEnd = (tight || spaced) && !(j === i + 1 && text.charCodeAt(i) === 0x2e && endsWithAbbreviation(text, i));
  return { next: skipClass(text, j, C_SPACE), isEnd };
}

/** Offsets where a new sentence may start (excluding 0 and text.length), ascending. */
function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    if ((classAt(text, i) & (C_TERM | C_TERM_TIGHT | C_NEWLINE)) === 0) {
      i++;
      continue;
    }
    const { next, isEnd } = skipSentenceEnd(text, i);
    if (isEnd && next < text.length && isCertainBoundary(text, next)) starts.push(next);
    i = Math.max(next, i + 1);
  }
  return starts;
}

/**
 * Sentence boundaries [0, …] such that every sentence holds something
 * speakable: punctuation/whitespace-only stretches join the sentence before
 * them (or the first sentence, at the very start).
 */
function speakableSentenceStarts(text: string, speakable: SpeakableIndex): number[] {
  const bounds = [0];
  for (const start of sentenceStarts(text)) {
    const last = bounds[bounds.length - 1] ?? 0;
    if (speakable.next(last) < start) bounds.push(start);
    else if (bounds.length > 1) bounds[bounds.length - 1] = start;
  }
  const last = bounds[bounds.length - 1] ?? 0;
  if (bounds.length > 1 && speakable.next(last) >= text.length) bounds.pop();
  return bounds;
}

// ---------------------------------------------------------------------------
// Cutting a sentence that is longer than the limit

interface Span {
  start: number;
  end: number;
}

/**
 * Last clause and word break candidates in [lo, hi], found by one scan of
 * the window starting at `from`. A candidate is the offset after the
 * punctuation/whitespace, so those stay with the text before them.
 */
function lastClauseAndWordBreaks(text: string, from: number, lo: number, hi: number): { clause: number; word: number } {
  let clause = -1;
  let word = -1;
  for (let i = from; i < hi; i++) {
    const cls = classAt(text, i);
    let cut = -1;
    let isClause = false;
    if ((cls & (C_CLAUSE | C_CLAUSE_TIGHT)) !== 0) {
      const after = skipClass(text, i + 1, C_CLOSER);
      const spaced = (classAt(text, after) & C_SPACE) !== 0;
      if (spaced || (cls & C_CLAUSE_TIGHT) !== 0) {
        cut = skipClass(text, after, C_SPACE);
        isClause = true;
      }
    } else if ((cls & C_SPACE) !== 0) {
      cut = skipClass(text, i, C_SPACE);
    } else if ((cls & C_CJK) !== 0 && (classAt(text, i + 1) & C_CJK) !== 0) {
      cut = i + 1;
    }
    if (cut < 0) continue;
    i = cut - 1; // the run of punctuation/whitespace is done: keeps the scan linear
    if (cut < lo || cut > hi || !isCertainBoundary(text, cut)) continue;
    if (isClause) clause = cut;
    else word = cut;
  }
  return { clause, word };
}

/**
 * Where to end a piece that starts at `from` inside an over-long sentence: the
 * best break in [lo, hi], or -1. Prefers clause, then word, then grapheme
 * breaks, as long as the piece is at least half full.
 */
function chooseCut(text: string, from: number, lo: number, hi: number, maxChars: number): number {
  if (lo > hi) return -1;
  const halfFull = from + Math.floor(maxChars / 2);
  const { clause, word } = lastClauseAndWordBreaks(text, from, lo, hi);
  if (clause >= halfFull) return clause;
  if (word >= halfFull) return word;
  return Math.max(clause, word, lastBoundaryIn(text, from, lo, hi));
}

/**
 * Where to stop carrying a long sentence's trailing whitespace/punctuation
 * (the rest goes to the next sentence, or is dropped after the last one):
 * at most half a piece of it, so it never forces the last words into a piece
 * of their own.
 */
function carriedEnd(text: string, speakableEnd: number, end: number, maxChars: number): number {
  const room = Math.floor(maxChars / 2);
  if (end - speakableEnd <= room) return end;
  const cut = lastBoundaryIn(text, codePointStartBefore(text, speakableEnd), speakableEnd, speakableEnd + room);
  return cut < 0 ? end : cut;
}

/**
 * Cuts [start, end) of a sentence into spans of at most `maxChars`, each
 * holding something speakable. Whitespace/punctuation that cannot ride along
 * with a speakable span is dropped; that needs a run of it about a piece long,
 * or a grapheme cluster longer than a piece (which is then cut at a code point
 * boundary: the API limit wins).
 */
function splitLongSentence(text: string, sentence: Span, speakableEnd: number, maxChars: number, speakable: SpeakableIndex): Span[] {
  const spans: Span[] = [];
  const end = sentence.end;
  let from = sentence.start;
  while (from < speakableEnd) {
    if (end - from <= maxChars) {
      spans.push({ start: from, end });
      break;
    }
    const limit = from + maxChars;
    const first = speakable.next(from);
    // Both sides of a cut must keep something speakable: cut after `first`, before the last speakable code point.
    let cut = chooseCut(text, from, first + 1, Math.min(limit, speakableEnd - 1), maxChars);
    // Otherwise the speakable text left is one cluster: end the piece after it, dropping the junk that does not fit.
    if (cut < 0) cut = lastBoundaryIn(text, from, first + 1, limit);
    if (cut < 0) {
      const next = skipToCluster(text, from, first, limit, maxChars);
      if (next.dropped) {
        from = next.at;
        continue;
      }
      cut = next.at;
    }
    spans.push({ start: from, end: cut });
    from = cut;
  }
  return spans;
}

/**
 * The cluster holding the first speakable code point runs past `limit`. Drop
 * the junk in front of it so it gets a fresh piece, or, when the cluster alone
 * is longer than a piece, cut it at a code point boundary.
 */
function skipToCluster(text: string, from: number, first: number, limit: number, maxChars: number): { at: number; dropped: boolean } {
  const lo = Math.max(from + 1, first - maxChars + 1);
  const clusterStart = lastBoundaryIn(text, lo - 1, lo, first);
  if (clusterStart > from) return { at: clusterStart, dropped: true };
  if (codePointEndAt(text, first) <= limit) return { at: codePointFloor(text, limit), dropped: false };
  return { at: first, dropped: true };
}

// ---------------------------------------------------------------------------
// Anchors and packing

/** Packing units in text order (sentences, or parts of an over-long one), as parallel arrays: big inputs make many. */
interface Units {
  starts: number[];
  ends: number[];
  /** Starts a new segment: no piece spans the boundary before it. */
  anchors: boolean[];
}

/** FNV-1a over the non-whitespace code units, so re-spacing a sentence does not move anchors. */
function sentenceHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    if ((classAt(text, i) & C_SPACE) === 0) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so similar sentences get unrelated ranks.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * Whether each sentence has a sentence with a smaller hash (or an equal one,
 * looking left) that starts at most `radius` chars before it (`direction` 1)
 * or after it (-1). Sliding-window minimum with a monotonic deque: O(n).
 */
function blockedBy(starts: number[], hashes: Uint32Array, radius: number, direction: 1 | -1): Uint8Array {
  const count = starts.length;
  const blocked = new Uint8Array(count);
  const window = new Int32Array(count); // sentence indices with increasing hashes; the minimum is at `head`
  let head = 0;
  let tail = 0;
  for (let k = 0; k < count; k++) {
    const i = direction === 1 ? k : count - 1 - k;
    const start = starts[i] ?? 0;
    const hash = hashes[i] ?? 0;
    while (head < tail && Math.abs(start - (starts[window[head] ?? 0] ?? 0)) > radius) head++;
    if (head < tail) {
      const min = hashes[window[head] ?? 0] ?? 0;
      blocked[i] = (direction === 1 ? min <= hash : min < hash) ? 1 : 0;
    }
    while (tail > head && (hashes[window[tail - 1] ?? 0] ?? 0) >= hash) tail--;
    window[tail++] = i;
  }
  return blocked;
}

/**
 * A sentence is an anchor when its hash is the smallest among the sentences
 * starting within ANCHOR_RADIUS pieces of it (ties go to the earlier one).
 * That depends only on nearby text and spaces anchors evenly: at least a
 * radius apart, about three pieces on average.
 */
function anchorFlags(text: string, sentenceStarts: number[], maxChars: number): boolean[] {
  const count = sentenceStarts.length;
  const hashes = new Uint32Array(count);
  for (let s = 0; s < count; s++) hashes[s] = sentenceHash(text, sentenceStarts[s] ?? 0, sentenceStarts[s + 1] ?? text.length);
  const radius = Math.round(ANCHOR_RADIUS * maxChars);
  const fromLeft = blockedBy(sentenceStarts, hashes, radius, 1);
  const fromRight = blockedBy(sentenceStarts, hashes, radius, -1);
  return sentenceStarts.map((_, s) => fromLeft[s] === 0 && fromRight[s] === 0);
}

/** Sentences (and parts of over-long sentences) in order, each fitting the limit and speakable. */
function sentenceUnits(text: string, maxChars: number, anchored: boolean): Units {
  const speakable = new SpeakableIndex(text);
  const starts = speakableSentenceStarts(text, speakable);
  const anchors = anchored ? anchorFlags(text, starts, maxChars) : starts.map(() => false);
  const units: Units = { starts: [], ends: [], anchors: [] };
  const add = (start: number, end: number, anchor: boolean): void => {
    units.starts.push(start);
    units.ends.push(end);
    units.anchors.push(anchor);
  };
  let handedOver = -1; // trailing junk of the previous sentence that did not fit with it
  for (let s = 0; s < starts.length; s++) {
    const start = handedOver >= 0 ? handedOver : (starts[s] ?? 0);
    const end = starts[s + 1] ?? text.length;
    const anchor = anchors[s] ?? false;
    handedOver = -1;
    if (end - start <= maxChars) {
      add(start, end, anchor);
      continue;
    }
    const cut = cutLongSentence(text, { start, end }, s + 1 < starts.length, maxChars, speakable);
    cut.parts.forEach((part, k) => add(part.start, part.end, anchor && k === 0));
    handedOver = cut.handedOver;
  }
  return units;
}

/**
 * Parts of a sentence longer than the limit, and where the trailing
 * whitespace/punctuation that did not fit starts when the next sentence takes
 * it over (-1 when nothing is handed over).
 */
function cutLongSentence(text: string, sentence: Span, hasNext: boolean, maxChars: number, speakable: SpeakableIndex): { parts: Span[]; handedOver: number } {
  const { start, end } = sentence;
  const speakableEnd = speakable.lastEnd(start, end);
  // When the words fit and only the trailing junk does not, keep the sentence whole and hand the junk over.
  const fitted =
    hasNext && speakableEnd - start <= maxChars ? lastBoundaryIn(text, codePointStartBefore(text, speakableEnd), speakableEnd, start + maxChars) : -1;
  const kept = fitted >= 0 ? fitted : carriedEnd(text, speakableEnd, end, maxChars);
  const parts = fitted >= 0 ? [{ start, end: fitted }] : splitLongSentence(text, { start, end: kept }, speakableEnd, maxChars, speakable);
  return { parts, handedOver: hasNext && kept < end ? kept : -1 };
}

/** Splits units into segments at anchors and at dropped junk, and packs each one. */
function packUnits(units: Units, maxChars: number): Span[] {
  const pieces: Span[] = [];
  const count = units.starts.length;
  let first = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && !units.anchors[i] && units.starts[i] === units.ends[i - 1]) continue;
    packSegment(units, first, i, maxChars, pieces);
    first = i;
  }
  return pieces;
}

/**
 * Packs units [first, last) into the fewest pieces, filling them from both
 * ends towards one piece in the middle that takes the slack. Front pieces are
 * greedy from the segment start (they only depend on text before them),
 * back pieces greedy from the segment end (only text after them), so an edit
 * re-packs the pieces between it and the middle, not the whole segment.
 *
 * Front greedy ends each of its pieces as late as any packing with the same
 * count can, back greedy starts each as early as possible, so the middle gap
 * always fits one piece.
 */
function packSegment(units: Units, first: number, last: number, maxChars: number, pieces: Span[]): void {
  const startOf = (unit: number): number => units.starts[unit] ?? 0;
  const endOf = (unit: number): number => units.ends[unit - 1] ?? 0; // end of the units before `unit`
  const fits = (from: number, to: number): boolean => endOf(to) - startOf(from) <= maxChars;
  const frontCuts = [first];
  for (let from = first; from < last; ) {
    let to = from + 1;
    while (to < last && fits(from, to + 1)) to++;
    frontCuts.push(to);
    from = to;
  }
  const count = frontCuts.length - 1;
  const front = Math.floor((count - 1) / 2);
  const backCuts = [last];
  for (let to = last; backCuts.length <= count - 1 - front; ) {
    let from = to - 1;
    while (from > first && fits(from - 1, to)) from--;
    backCuts.push(from);
    to = from;
  }
  const cuts = [...frontCuts.slice(0, front + 1), ...backCuts.reverse()];
  for (let c = 1; c < cuts.length; c++) pieces.push({ start: startOf(cuts[c - 1] ?? 0), end: endOf(cuts[c] ?? 0) });
}
