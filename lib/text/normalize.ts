/**
 * Strips script markup that a voice would not say: SSML/HTML tags, Markdown
 * marks, bracketed stage directions and speaker labels. Everything else passes
 * through unchanged, and every removal is reported with its offsets into the
 * input so the UI can show what was left out.
 *
 * Rules run as passes in a fixed order (tags, markdown, directions, speaker
 * labels), each on the text the previous ones left, so "**NARRATOR:** Hi" and
 * "<p>HOST: Hi" still show a label at line start, and Markdown links are
 * resolved before their brackets could look like a stage direction. Each pass
 * keeps a map from its text back to input offsets. All scanners are linear:
 * no regex can backtrack far, and every search stops at the next `<`, bracket
 * or line end, or remembers where the next match is.
 */

export type NormalizeRule = 'tags' | 'markdown' | 'directions' | 'speakerLabels';
export type NormalizeOptions = Record<NormalizeRule, boolean>;

export const NORMALIZE_RULES: readonly NormalizeRule[] = ['tags', 'markdown', 'directions', 'speakerLabels'];

export const DEFAULT_NORMALIZE_OPTIONS: NormalizeOptions = { tags: true, markdown: true, directions: true, speakerLabels: true };

/** A removed stretch of the input. Spans from later rules may contain earlier ones (a tag inside a direction). */
export interface Exclusion {
  rule: NormalizeRule;
  text: string;
  start: number;
  end: number;
}

export interface NormalizeResult {
  text: string;
  excluded: Exclusion[];
}

/**
 * Removes the markup the enabled rules (all by default) find. Never throws;
 * whitespace is kept as it is, except that a tag or direction removed from
 * between two non-space characters leaves one space.
 */
export function normalizeScript(input: string, options: Partial<NormalizeOptions> = {}): NormalizeResult {
  const excluded: Exclusion[] = [];
  const offsets = new OffsetMap();
  let text = input;
  for (const rule of NORMALIZE_RULES) {
    if (!(options[rule] ?? DEFAULT_NORMALIZE_OPTIONS[rule])) continue;
    const removals = FINDERS[rule](text);
    if (removals.length === 0) continue;
    const starts = offsets.toInput(removals.map((r) => r.start), 'start');
    const ends = offsets.toInput(removals.map((r) => r.end - 1), 'end');
    starts.forEach((start, k) => {
      const end = ends[k] ?? start;
      excluded.push({ rule, text: input.slice(start, end), start, end });
    });
    text = applyRemovals(text, removals, offsets);
  }
  excluded.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, excluded };
}

const NOUNS: Record<NormalizeRule, [string, string]> = {
  tags: ['tag', 'tags'],
  markdown: ['markdown mark', 'markdown marks'],
  directions: ['direction', 'directions'],
  speakerLabels: ['speaker label', 'speaker labels'],
};

/** "excluded: 2 tags, 1 direction, 3 speaker labels", or "" when nothing was excluded. */
export function describeExclusions(excluded: Exclusion[]): string {
  const parts = NORMALIZE_RULES.flatMap((rule) => {
    const count = excluded.filter((e) => e.rule === rule).length;
    const [one, many] = NOUNS[rule];
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  return parts.length === 0 ? '' : `excluded: ${parts.join(', ')}`;
}

// ---------------------------------------------------------------------------
// Removal bookkeeping

/** A stretch of the current text to drop; `spaced` leaves one space so the words around it do not merge. */
interface Removal {
  start: number;
  end: number;
  spaced?: boolean;
}

/**
 * One pass's output as segments, each mapping to the pass's input: kept text
 * (char by char) or an inserted space (standing for the whole removal).
 */
interface Layer {
  newStarts: number[];
  oldStarts: number[];
  oldEnds: number[];
  spaces: boolean[];
}

/** Maps offsets in the text left by the passes so far back to the input. */
class OffsetMap {
  private readonly layers: Layer[] = [];

  add(layer: Layer): void {
    this.layers.push(layer);
  }

  /**
   * For ascending char indices of the current text: the input offset where
   * each char starts (`edge` "start") or just after it ends ("end"). One walk
   * per layer, since the mapping keeps the order.
   */
  toInput(indices: number[], edge: 'start' | 'end'): number[] {
    const positions = [...indices];
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const { newStarts, oldStarts, oldEnds, spaces } = this.layers[l] as Layer;
      let k = 0;
      positions.forEach((pos, j) => {
        while (k + 1 < newStarts.length && (newStarts[k + 1] ?? 0) <= pos) k++;
        // An inserted space stands for the whole removal it replaced.
        if (spaces[k]) positions[j] = edge === 'start' ? (oldStarts[k] ?? 0) : (oldEnds[k] ?? 1) - 1;
        else positions[j] = (oldStarts[k] ?? 0) + pos - (newStarts[k] ?? 0);
      });
    }
    return edge === 'start' ? positions : positions.map((pos) => pos + 1);
  }
}

/** Drops the sorted, disjoint removals from `text` and records how the result maps back. */
function applyRemovals(text: string, removals: Removal[], offsets: OffsetMap): string {
  const parts: string[] = [];
  const layer: Layer = { newStarts: [], oldStarts: [], oldEnds: [], spaces: [] };
  let length = 0;
  const addSegment = (oldStart: number, oldEnd: number, space: boolean): void => {
    layer.newStarts.push(length);
    layer.oldStarts.push(oldStart);
    layer.oldEnds.push(oldEnd);
    layer.spaces.push(space);
    parts.push(space ? ' ' : text.slice(oldStart, oldEnd));
    length += space ? 1 : oldEnd - oldStart;
  };
  let pos = 0;
  for (const r of removals) {
    if (r.start > pos) addSegment(pos, r.start, false);
    if (r.spaced) addSegment(r.start, r.end, true);
    pos = r.end;
  }
  if (pos < text.length) addSegment(pos, text.length, false);
  offsets.add(layer);
  return parts.join('');
}

const WHITESPACE = /\s/y;

function isSpaceAt(text: string, i: number): boolean {
  WHITESPACE.lastIndex = i;
  return WHITESPACE.test(text);
}

/**
 * Marks runs of back-to-back removals that sit between two non-space
 * characters (`word<break/>word`) to leave one space, so words do not merge.
 */
function spaceBetweenWords(text: string, removals: Removal[]): Removal[] {
  let runStart = 0;
  removals.forEach((r, k) => {
    const next = removals[k + 1];
    if (next && next.start === r.end) return;
    const first = removals[runStart];
    runStart = k + 1;
    const before = (first?.start ?? 0) - 1;
    r.spaced = before >= 0 && r.end < text.length && !isSpaceAt(text, before) && !isSpaceAt(text, r.end);
  });
  return removals;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** Calls `visit(start, end)` for each line, without its "\n" or a "\r" before it. */
function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  for (let start = 0; start <= text.length; ) {
    const end = lineEnd(text, start);
    visit(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = end + 1;
  }
}

// ---------------------------------------------------------------------------
// Tags

/**
 * One element tag at the sticky position: `<name attr="v" flag>`, `</name>`,
 * `<name/>`, or `<?xml …?>` / `<!DOCTYPE …>`. Attribute values cannot hold `<`
 * (XML forbids it), so a failed match never reads past the next `<`.
 */
const TAG =
  /<(?:\/?[A-Za-z][\w:.-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>=`][^\s"'<>`]*))?)*\s*\/?|[?!][A-Za-z][^<>]*)>/y;

/** Tags and comments; back-to-back ones between two words leave one space. */
function findTags(text: string): Removal[] {
  const removals: Removal[] = [];
  let commentEndsLeft = true; // false once no "-->" is left, so unclosed comments stay linear
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    let end = -1;
    if (text.startsWith('<!--', i) && commentEndsLeft) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) commentEndsLeft = false;
      else end = close + 3;
    } else {
      TAG.lastIndex = i;
      if (TAG.test(text)) end = TAG.lastIndex;
    }
    if (end < 0) {
      i++;
      continue;
    }
    removals.push({ start: i, end });
    i = end;
  }
  return spaceBetweenWords(text, removals);
}

// ---------------------------------------------------------------------------
// Markdown

/** Markdown marks, line by line: code fences, then line-start markers, then inline marks. */
function findMarkdown(text: string): Removal[] {
  const removals: Removal[] = [];
  const specials = new NextMatch(text, INLINE_SPECIAL);
  forEachLine(text, (start, end) => {
    if (removeFence(text, start, end, removals)) return;
    const inlineFrom = removeLineMarkers(text, start, end, removals);
    scanInline(text, specials, inlineFrom, end, start, removals);
  });
  return removals.sort((a, b) => a.start - b.start);
}

const FENCE = /[ \t]{0,3}(?:`{3,}[^`\n]*|~{3,}[^\n]*)/y;

/** A code fence line (```lang): drop the fence and its info string. */
function removeFence(text: string, start: number, end: number, removals: Removal[]): boolean {
  FENCE.lastIndex = start;
  if (!FENCE.test(text) || FENCE.lastIndex < end) return false;
  const fence = skipIndent(text, start, end);
  removals.push({ start: fence, end });
  return true;
}

function skipIndent(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function isBlankAt(text: string, i: number, end: number): boolean {
  return i >= end || text[i] === ' ' || text[i] === '\t';
}

/**
 * Blockquote `>` (nested too), heading `#`s and list bullets at line start,
 * each with the blanks after it. Returns where inline scanning starts.
 */
function removeLineMarkers(text: string, start: number, end: number, removals: Removal[]): number {
  let i = skipIndent(text, start, end);
  while (text[i] === '>' && isBlankAt(text, i + 1, end)) {
    const after = i + 1 < end ? i + 2 : i + 1;
    removals.push({ start: i, end: after });
    i = skipIndent(text, after, end);
  }
  let marker = i;
  if (text[i] === '#') {
    while (text[marker] === '#' && marker - i < 6) marker++;
  } else if (text[i] === '-' || text[i] === '*' || text[i] === '+') {
    marker++;
  }
  if (marker === i || !isBlankAt(text, marker, end) || (marker === end && text[i] !== '#')) return i;
  const after = skipIndent(text, marker, end);
  removals.push({ start: i, end: after });
  return after;
}

const INLINE_SPECIAL = /[`![*_~]/g;

/** First match at or after a position, remembered so that line-by-line searches stay linear. */
class NextMatch {
  private from = 0;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  /** Index of the first match at or after `pos`, or text.length. */
  next(pos: number): number {
    if (pos >= this.from && pos <= this.at) return this.at;
    this.pattern.lastIndex = pos;
    this.from = pos;
    this.at = this.pattern.exec(this.text)?.index ?? this.text.length;
    return this.at;
  }
}

const LINK = /!?\[([^[\]\n]*)\]\([^()\n]*\)/y;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Inline marks in [from, to): code spans, links, images, emphasis.
 * `lineStart` bounds the look-behind of emphasis flanking rules.
 */
function scanInline(text: string, specials: NextMatch, from: number, to: number, lineStart: number, removals: Removal[]): void {
  const emphasis = new EmphasisPairs(removals);
  for (let i = specials.next(from); i < to; i = specials.next(i)) {
    const ch = text[i] ?? '';
    if (ch === '`') i = removeCodeSpan(text, i, to, removals);
    else if (ch === '!' || ch === '[') i = removeLink(text, specials, i, to, lineStart, removals);
    else i = emphasis.run(text, i, to, lineStart);
  }
}

/** A code span: a backtick run closed by the next run of the same length (a different one leaves it literal). */
function removeCodeSpan(text: string, i: number, to: number, removals: Removal[]): number {
  const openEnd = runEnd(text, i, to);
  const close = text.indexOf('`', openEnd);
  if (close < 0 || close >= to) return openEnd;
  const closeEnd = runEnd(text, close, to);
  if (closeEnd - close !== openEnd - i) return close;
  removals.push({ start: i, end: openEnd }, { start: close, end: closeEnd });
  return closeEnd;
}

function runEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && text[j] === text[i]) j++;
  return j;
}

/** `[label](url)` keeps the label (its own marks are still handled); `![alt](url)` goes entirely. */
function removeLink(text: string, specials: NextMatch, i: number, to: number, lineStart: number, removals: Removal[]): number {
  LINK.lastIndex = i;
  const match = LINK.exec(text);
  if (!match || LINK.lastIndex > to) return i + 1;
  const end = LINK.lastIndex;
  const label = match[1] ?? '';
  if (text[i] === '!' || label.trim() === '') {
    removals.push({ start: i, end });
    return end;
  }
  const labelEnd = i + 1 + label.length;
  removals.push({ start: i, end: i + 1 });
  scanInline(text, specials, i + 1, labelEnd, lineStart, removals);
  removals.push({ start: labelEnd, end });
  return end;
}

/**
 * Pairs emphasis delimiter runs (`*`, `**`, `***`, `_`…, `~~`) within one
 * line, in the spirit of CommonMark: an opener is followed by a non-blank, a
 * closer preceded by one, and neither may touch a letter or digit on its
 * outer side, so snake_case, 2*3*4 and "2 * 3" stay as they are.
 */
class EmphasisPairs {
  /** Unmatched opener positions per delimiter ("*", "**", "~~", …), ascending. */
  private readonly openers = new Map<string, number[]>();

  constructor(private readonly removals: Removal[]) {}

  /** Handles the delimiter run at `i`; returns where scanning goes on. */
  run(text: string, i: number, to: number, lineStart: number): number {
    const end = runEnd(text, i, to);
    const delimiter = text.slice(i, end);
    const valid = delimiter[0] === '~' ? delimiter.length === 2 : delimiter.length <= 3;
    if (!valid) return end;
    const before = i > lineStart ? charBefore(text, i) : '';
    const after = end < to ? String.fromCodePoint(text.codePointAt(end) ?? 0) : '';
    const canOpen = after !== '' && !/\s/.test(after) && !LETTER_OR_DIGIT.test(before);
    const canClose = before !== '' && !/\s/.test(before) && !LETTER_OR_DIGIT.test(after);
    const stack = this.openers.get(delimiter) ?? [];
    this.openers.set(delimiter, stack);
    const opener = stack.at(-1);
    if (canClose && opener !== undefined) {
      this.removals.push({ start: opener, end: opener + delimiter.length }, { start: i, end });
      this.dropOpenersAfter(opener);
    } else if (canOpen) {
      stack.push(i);
    }
    return end;
  }

  /** Openers inside a closed pair can no longer match (CommonMark drops them too). */
  private dropOpenersAfter(position: number): void {
    for (const stack of this.openers.values()) {
      while ((stack.at(-1) ?? -1) >= position) stack.pop();
    }
  }
}

function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? i - 2 : i - 1, i);
}

// ---------------------------------------------------------------------------
// Stage directions

/** `[SFX: door slams]`, `[pause]`, `{cue}` on one line; `[label](url)` is a link, not a direction. */
const DIRECTION = /\[[^[\]\n]+\](?!\()|\{[^{}\n]+\}/g;

function findDirections(text: string): Removal[] {
  const removals: Removal[] = [];
  for (const match of text.matchAll(DIRECTION)) {
    if (/\S/.test(match[0].slice(1, -1))) removals.push({ start: match.index, end: match.index + match[0].length });
  }
  return spaceBetweenWords(text, removals);
}

// ---------------------------------------------------------------------------
// Speaker labels

/*
 * A speaker label is the text from line start to the first ":" (followed by a
 * blank or the line end) or "：", when it is one of:
 *  - ALL CAPS, at most 4 words ("NARRATOR", "DR. KIM", "HOST 2", "JOHN (V.O.)"):
 *    scripts write speakers that way and prose hardly ever starts a line so;
 *  - Capitalised, at most 2 words ("Host 2", "Dr. Kim", "Alex"), or a word of a
 *    script without case (CJK, Arabic…, at most 8 characters): only when the
 *    same label starts at least two lines, as in a dialogue. A one-off
 *    "Note: the price" or "Chapter 1: …" stays.
 * Common note-style prefixes (Note, PS, FYI…) are never labels. Times
 * ("10:30") and URLs never qualify: no blank after the colon.
 */
const ALL_CAPS_LABEL = /^[\p{Lu}\p{N}][\p{Lu}\p{N}\p{M}.'’&()-]*(?: [\p{Lu}\p{N}\p{M}.'’&()-]+){0,3}$/u;
const CAPITALISED_LABEL = /^\p{Lu}[\p{L}\p{M}'’-]*\.?(?: (?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{N}+))?$/u;
const UNICASED_LABEL = /^(?=.*\p{Lo})[\p{Lo}\p{Lm}\p{M}\p{N}]{1,8}$/u;
const UPPERCASE = /\p{Lu}/u;
const NOT_LABELS = new Set(['note', 'nb', 'n.b.', 'ps', 'p.s.', 'fyi', 'ok', 'tip', 'warning', 'important', 'update', 'edit']);
const MAX_LABEL_LENGTH = 40;

interface LabelCandidate {
  label: string;
  start: number;
  end: number;
  needsRepeat: boolean;
}

function findSpeakerLabels(text: string): Removal[] {
  const candidates: LabelCandidate[] = [];
  forEachLine(text, (start, end) => {
    const candidate = labelAt(text, start, end);
    if (candidate) candidates.push(candidate);
  });
  const uses = new Map<string, number>();
  for (const c of candidates) uses.set(c.label, (uses.get(c.label) ?? 0) + 1);
  return candidates.filter((c) => !c.needsRepeat || (uses.get(c.label) ?? 0) >= 2).map(({ start, end }) => ({ start, end }));
}

function labelAt(text: string, lineStart: number, lineEnd: number): LabelCandidate | undefined {
  const start = skipIndent(text, lineStart, lineEnd);
  const searchEnd = Math.min(lineEnd, start + MAX_LABEL_LENGTH + 1);
  let colon = start;
  while (colon < searchEnd && text[colon] !== ':' && text[colon] !== '：') colon++;
  if (colon >= searchEnd || colon === start) return undefined;
  if (text[colon] === ':' && !isBlankAt(text, colon + 1, lineEnd)) return undefined;
  const label = text.slice(start, colon).trimEnd();
  const shape = speakerLabelShape(label);
  if (!shape) return undefined;
  return { label, start, end: skipIndent(text, colon + 1, lineEnd), needsRepeat: shape === 'repeat' };
}

/**
 * Whether a label (the text before a line's first colon) names a speaker: 'caps' always does,
 * 'repeat' only when the same label starts at least two lines. Shared with lib/script, which finds
 * the speakers these labels name.
 */
export function speakerLabelShape(label: string): 'caps' | 'repeat' | undefined {
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH || NOT_LABELS.has(label.toLowerCase())) return undefined;
  if (ALL_CAPS_LABEL.test(label) && UPPERCASE.test(label)) return 'caps';
  if (CAPITALISED_LABEL.test(label) || UNICASED_LABEL.test(label)) return 'repeat';
  return undefined;
}

const FINDERS: Record<NormalizeRule, (text: string) => Removal[]> = {
  tags: findTags,
  markdown: findMarkdown,
  directions: findDirections,
  speakerLabels: findSpeakerLabels,
};
