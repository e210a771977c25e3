import type { ExclusionRule } from './rules';

/** A stretch of the input, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** 'plain': text without speakers, one line per paragraph (for cue sheets). */
export type ScriptFormat = 'fountain' | 'labelled' | 'plain';

/** One line of the script as it will be generated: a speaker's turn, or an unlabelled paragraph. */
export interface ScriptLine {
  /** The speaker as first written (cue extensions removed); null for unlabelled text. */
  speaker: string | null;
  kind: 'dialogue' | 'lyric' | 'action' | 'paragraph';
  /** The spoken stretches of the input, in order (parentheticals, notes, cues cut out). */
  parts: Span[];
}

export interface ScriptExclusion extends Span {
  rule: ExclusionRule;
  text: string;
}

export interface ParsedScript {
  format: ScriptFormat;
  lines: ScriptLine[];
  excluded: ScriptExclusion[];
}

/**
 * The text a line's parts make, with a map back to input offsets. Parts that were on different
 * input lines are joined by "\n", parts of one line by a space, so the pauses the local model and
 * the vendors hear stay as written.
 */
export function lineText(input: string, parts: readonly Span[]): { text: string; toInput: (offset: number) => number } {
  const starts: number[] = [];
  let text = '';
  parts.forEach((part, k) => {
    if (k > 0) {
      const previous = parts[k - 1] as Span;
      text += input.slice(previous.end, part.start).includes('\n') ? '\n' : ' ';
    }
    starts.push(text.length);
    text += input.slice(part.start, part.end);
  });
  const toInput = (offset: number): number => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] ?? 0) <= offset) k++;
    const part = parts[k];
    if (!part) return 0;
    return Math.min(part.start + offset - (starts[k] ?? 0), part.end);
  };
  return { text, toInput };
}

/** Each line of the input without its "\n" (and a "\r" before it). */
export function inputLines(input: string): Span[] {
  const lines: Span[] = [];
  for (let start = 0; start <= input.length; ) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = input.length;
    const next = end + 1;
    lines.push({ start, end: end > start && input.charCodeAt(end - 1) === 0x0d ? end - 1 : end });
    start = next;
  }
  return lines;
}

/** The span without blanks at either end (empty spans stay empty at their start). */
export function trimSpan(input: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(input[start] ?? '')) start++;
  while (end > start && /\s/.test(input[end - 1] ?? '')) end--;
  return { start, end };
}

/** Names match case-insensitively, with runs of blanks as one. */
export function speakerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}
