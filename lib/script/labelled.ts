import { speakerLabelShape } from '../text/normalize';
import { inputLines, speakerKey, trimSpan, type ParsedScript, type ScriptExclusion, type ScriptLine, type Span } from './lines';
import type { ScriptOptions } from './rules';

/*
 * Podcast and ad scripts: `NAME:` labels (also `**NAME:**` in Markdown) and `[Name]` tags at the
 * start of a line. A line belongs to its speaker until the next cue; text before the first cue is
 * unlabelled, one line per paragraph. What makes a label follows lib/text/normalize.ts (ALL CAPS
 * always; Capitalised when used twice); a `[Name]` tag needs two uses, a cast entry of that name,
 * or a dialogue around it (two speakers found), and never names a direction (`[pause]`, `[SFX]` …).
 */

/** First words of bracketed directions in podcast and ad scripts: never a speaker. */
const DIRECTION_WORDS = new Set([
  'pause', 'beat', 'sfx', 'fx', 'sound', 'music', 'laugh', 'laughs', 'laughing', 'laughter', 'sigh', 'sighs', 'silence',
  'breath', 'breathes', 'applause', 'intro', 'outro', 'break', 'ad', 'cut', 'sting', 'jingle', 'theme', 'fade', 'noise',
  'ambience', 'ambient', 'crosstalk', 'inaudible', 'cough', 'coughs', 'whisper', 'whispers', 'whispering', 'shouting',
  'end', 'start', 'transition', 'bed', 'vo', 'v.o.', 'tag', 'disclaimer', 'legal', 'cta', 'mid-roll', 'midroll', 'pre-roll',
]);

const TAG = /\[([^[\]\n]{1,40})\](?!\()/y;
const WRAPPER = /(?:\*\*|__|\*|_)?/y;

interface Cue {
  name: string;
  kind: 'tag' | 'label';
  shape: 'caps' | 'repeat';
  /** The cue with its blanks after it, as excluded. */
  span: Span;
  line: number;
}

function isDirection(name: string): boolean {
  const first = name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return DIRECTION_WORDS.has(first) || /\d+\s*m?s\b/i.test(name);
}

function skipBlanks(input: string, from: number, end: number): number {
  let i = from;
  while (i < end && (input[i] === ' ' || input[i] === '\t')) i++;
  return i;
}

/** A `[Name]` tag or `NAME:` label at the line's start, before deciding whether it is used enough. */
function cueAt(input: string, line: Span, index: number): Cue | undefined {
  const start = skipBlanks(input, line.start, line.end);
  TAG.lastIndex = start;
  const tag = TAG.exec(input);
  if (tag && TAG.lastIndex <= line.end) {
    const name = (tag[1] ?? '').trim();
    const shape = speakerLabelShape(name);
    if (!shape || isDirection(name)) return undefined;
    return { name, kind: 'tag', shape, span: { start, end: skipBlanks(input, TAG.lastIndex, line.end) }, line: index };
  }
  WRAPPER.lastIndex = start;
  WRAPPER.exec(input);
  const open = input.slice(start, WRAPPER.lastIndex);
  const nameStart = WRAPPER.lastIndex;
  const searchEnd = Math.min(line.end, nameStart + 41);
  let colon = nameStart;
  while (colon < searchEnd && input[colon] !== ':' && input[colon] !== '：') colon++;
  if (colon >= searchEnd) return undefined;
  let nameEnd = colon;
  let end = colon + 1;
  // The closing mark sits before the colon (**ANNA**:) or after it (**ANNA:**).
  if (open && input.slice(colon - open.length, colon) === open) nameEnd = colon - open.length;
  else if (open && input.startsWith(open, end)) end += open.length;
  else if (open) return undefined;
  if (input[colon] === ':' && end < line.end && input[end] !== ' ' && input[end] !== '\t') return undefined;
  const name = input.slice(nameStart, nameEnd).trim();
  const shape = speakerLabelShape(name);
  if (!shape) return undefined;
  return { name, kind: 'label', shape, span: { start, end: skipBlanks(input, end, line.end) }, line: index };
}

/** `(laughing)` right after a cue, or a whole line in parentheses: a direction, not speech. */
function leadingParenthetical(input: string, from: number, end: number): Span | undefined {
  if (input[from] !== '(') return undefined;
  const close = input.indexOf(')', from);
  if (close < 0 || close >= end) return undefined;
  return { start: from, end: skipBlanks(input, close + 1, end) };
}

/** Speakers' lines of a labelled script, or undefined when no line starts with a speaker cue. */
export function parseLabelled(input: string, options: ScriptOptions, castKeys: ReadonlySet<string> = new Set()): ParsedScript | undefined {
  const lines = inputLines(input);
  const candidates = lines.flatMap((line, index) => {
    const cue = cueAt(input, line, index);
    return cue ? [cue] : [];
  });
  const uses = new Map<string, number>();
  for (const cue of candidates) uses.set(speakerKey(cue.name), (uses.get(speakerKey(cue.name)) ?? 0) + 1);
  const sure = (cue: Cue) => castKeys.has(speakerKey(cue.name)) || (uses.get(speakerKey(cue.name)) ?? 0) >= 2
    || (cue.kind === 'label' && cue.shape === 'caps');
  const dialogue = new Set(candidates.filter(sure).map((cue) => speakerKey(cue.name))).size >= 2;
  const cues = candidates.filter((cue) => sure(cue) || (dialogue && cue.kind === 'tag'));
  if (cues.length === 0) return undefined;

  const excluded: ScriptExclusion[] = [];
  const exclude = (rule: ScriptExclusion['rule'], span: Span) => excluded.push({ rule, ...span, text: input.slice(span.start, span.end) });
  const out: ScriptLine[] = [];
  const byLine = new Map(cues.map((cue) => [cue.line, cue]));
  let turn: ScriptLine | undefined;
  let paragraph: ScriptLine | undefined;

  lines.forEach((line, index) => {
    const cue = byLine.get(index);
    let from = line.start;
    if (cue) {
      turn = { speaker: cue.name, kind: 'dialogue', parts: [] };
      out.push(turn);
      if (options.dropSpeakerLabels) {
        exclude('speakerLabels', cue.span);
        from = cue.span.end;
      }
    }
    const span = trimSpan(input, { start: from, end: line.end });
    if (span.end === span.start) {
      paragraph = undefined;
      return;
    }
    if (!turn) {
      if (!paragraph) {
        paragraph = { speaker: null, kind: 'paragraph', parts: [] };
        out.push(paragraph);
      }
      paragraph.parts.push(span);
      return;
    }
    const direction = options.rules.parentheticals ? leadingParenthetical(input, span.start, span.end) : undefined;
    // Only right after a cue or as a whole line: "(with tax)" inside a sentence is spoken.
    if (direction && (cue || direction.end >= span.end)) {
      exclude('parentheticals', trimSpan(input, direction));
      if (direction.end < span.end) turn.parts.push({ start: direction.end, end: span.end });
      return;
    }
    turn.parts.push(span);
  });
  excluded.sort((a, b) => a.start - b.start);
  return { format: 'labelled', lines: out.filter((line) => line.parts.length > 0), excluded };
}
