import { inputLines, trimSpan, type ParsedScript, type ScriptExclusion, type ScriptLine, type Span } from './lines';
import { NARRATOR, type ExclusionRule, type ScriptOptions } from './rules';

/*
 * Fountain (https://fountain.io/syntax), written here rather than taken from npm: the parsers there
 * are single-maintainer projects built to render HTML, and none reports where in the input an
 * element sits, which the list of what was excluded and the per-line timecodes need.
 *
 * Spoken: dialogue (after a character cue, until a blank line; a line of two spaces keeps it
 * going) and lyrics (`~`). Action only when a narrator reads it. Never spoken: the title page,
 * scene headings (`INT.`, `EXT.`, `EST.`, `INT./EXT.`, `I/E`, or forced with `.`) and their
 * numbers `#12#`, transitions (`… TO:`, or forced with `>`), centred text `>…<`, sections `#`,
 * synopses `=`, notes `[[…]]`, boneyard `/* … *\/`, page breaks `===` and parentheticals. Each is
 * a switchable rule; a rule switched off makes that element spoken, by the Narrator.
 */

const TITLE_KEY = /^\s*(?:title|credit|author|authors|source|draft date|date|contact|copyright|notes|revision|format)\s*:/i;
const SCENE_HEADING = /^(?:INT|EXT|EST|INT\.?\/EXT|I\/E)[.\s]/i;
const SCENE_NUMBER = /\s*#[\w.-]+#\s*$/;
const TRANSITION_WORDS = /^(?:FADE IN:|FADE OUT\.|FADE TO BLACK\.|CUT TO BLACK\.)$/;
const PAGE_BREAK = /^={3,}$/;
const PARENTHETICAL = /^\(.*\)$/s;
const LOWERCASE = /\p{Ll}/u;
const LETTER = /\p{L}/u;
/** Cue extensions and the dual-dialogue caret: `MOM (V.O.)`, `JOHN (CONT'D) ^`. */
const CUE_TAIL = /(?:\s*\([^()]*\))*\s*\^?\s*:?$/u;

export const MAX_CUE_LENGTH = 40;

/** The speaker a character cue names, without `@`, extensions and `^`; undefined when it is no cue. */
export function cueName(line: string, forced: boolean): string | undefined {
  const name = line.replace(/^@/, '').replace(CUE_TAIL, '').trim();
  if (name === '' || name.length > MAX_CUE_LENGTH || !LETTER.test(name)) return undefined;
  if (!forced && LOWERCASE.test(name)) return undefined;
  return name;
}

/** Notes and boneyard, the stretches masked before lines are classified. */
function findMasks(input: string, options: ScriptOptions): ScriptExclusion[] {
  const masks: ScriptExclusion[] = [];
  const add = (rule: ExclusionRule, start: number, end: number) => masks.push({ rule, start, end, text: input.slice(start, end) });
  if (options.rules.boneyard) {
    for (let open = input.indexOf('/*'); open >= 0; open = input.indexOf('/*', open)) {
      const close = input.indexOf('*/', open + 2);
      if (close < 0) break; // an unclosed boneyard stays text: nothing is lost
      add('boneyard', open, close + 2);
      open = close + 2;
    }
  }
  if (options.rules.notes) {
    for (let open = input.indexOf('[['); open >= 0; open = input.indexOf('[[', open)) {
      const close = input.indexOf(']]', open + 2);
      if (close < 0) break;
      // A note does not cross a blank line; the spec's two-space lines do not break it.
      if (/\n[ \t]?\r?\n/.test(input.slice(open, close))) {
        open += 2;
        continue;
      }
      if (!masks.some((m) => m.rule === 'boneyard' && m.start <= open && open < m.end)) add('notes', open, close + 2);
      open = close + 2;
    }
  }
  return masks.sort((a, b) => a.start - b.start);
}

interface Line {
  span: Span;
  /** The line's visible stretches (masks cut out), trimmed; empty for a blank or fully masked line. */
  parts: Span[];
  /** What the parts say, joined by spaces, for classifying the line. */
  text: string;
  blank: boolean;
}

function readLines(input: string, masks: readonly ScriptExclusion[]): Line[] {
  const lines: Line[] = [];
  let m = 0;
  for (const span of inputLines(input)) {
    const raw = input.slice(span.start, span.end);
    while (m < masks.length && (masks[m] as Span).end <= span.start) m++;
    const parts: Span[] = [];
    let from = span.start;
    for (let k = m; k < masks.length && (masks[k] as Span).start < span.end; k++) {
      const mask = masks[k] as Span;
      if (mask.start > from) parts.push({ start: from, end: mask.start });
      from = Math.max(from, mask.end);
    }
    if (from < span.end) parts.push({ start: from, end: span.end });
    const visible = parts.map((part) => trimSpan(input, part)).filter((part) => part.end > part.start);
    const masked = visible.length === 0 && raw.trim() !== '';
    // A line fully inside a note or boneyard is no line at all; a line of two spaces is not blank.
    if (masked) continue;
    const text = visible.map((part) => input.slice(part.start, part.end)).join(' ');
    lines.push({ span, parts: visible, text, blank: text === '' && !/^ {2,}$/.test(raw) });
  }
  return lines;
}

/** The line's parts without the first `count` characters of its text (a forcing mark). */
function dropPrefix(line: Line, count: number): Span[] {
  const [first, ...rest] = line.parts;
  if (!first) return [];
  const shortened = { start: first.start + count, end: first.end };
  return shortened.end > shortened.start ? [shortened, ...rest] : rest;
}

function hull(parts: readonly Span[], fallback: Span): Span {
  const first = parts[0];
  const last = parts[parts.length - 1];
  return first && last ? { start: first.start, end: last.end } : fallback;
}

/** Where the first-pass detection of a format looks: does this read as a screenplay? */
export function looksLikeFountain(input: string): boolean {
  const lines = input.split(/\r?\n/).map((line) => line.trim());
  const first = lines.find((line) => line !== '');
  if (first !== undefined && TITLE_KEY.test(first) && /\n\s*\n/.test(input)) {
    if (lines.some((line, k) => (lines[k - 1] ?? '') === '' && SCENE_HEADING.test(line))) return true;
  }
  let cues = 0;
  const names = new Set<string>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    const before = k === 0 ? '' : (lines[k - 1] as string);
    const after = lines[k + 1] ?? '';
    if (before !== '' || line === '') continue;
    if (SCENE_HEADING.test(line) || TRANSITION_WORDS.test(line) || (/^[^\p{Ll}]+ TO:$/u.test(line) && after === '')) return true;
    if (after === '' || after.startsWith('(') === false && /^[\p{Lu}\d ]+:/u.test(after)) continue;
    const forced = line.startsWith('@');
    const name = cueName(line, forced);
    if (!name || /:\s*\S/.test(line)) continue;
    if (forced || /\((?:V\.O\.|O\.S\.|O\.C\.|CONT'D|CONT’D)\)/i.test(line)) return true;
    if (name.split(' ').length <= 3 && !line.endsWith(':')) {
      cues += 1;
      names.add(name);
    }
  }
  return cues >= 2 && names.size >= 2;
}

/** Reads a Fountain screenplay into speakers' lines and what is not spoken. */
export function parseFountain(input: string, options: ScriptOptions): ParsedScript {
  const { rules } = options;
  const masks = findMasks(input, options);
  const excluded: ScriptExclusion[] = [...masks];
  const lines = readLines(input, masks);
  const out: ScriptLine[] = [];
  const exclude = (rule: ExclusionRule, span: Span) => {
    if (span.end > span.start) excluded.push({ rule, start: span.start, end: span.end, text: input.slice(span.start, span.end) });
  };
  /** A line spoken by the Narrator: action read aloud, or an element whose rule is off. */
  let narration: ScriptLine | undefined;
  let dialogue: ScriptLine | undefined;
  let action: Span | undefined;
  let lyrics: ScriptLine | undefined;

  const closeBlocks = () => {
    if (action) exclude('action', action);
    action = undefined;
    narration = undefined;
    dialogue = undefined;
    lyrics = undefined;
  };
  const narrate = (parts: Span[]) => {
    if (parts.length === 0) return;
    if (!narration) {
      narration = { speaker: NARRATOR, kind: 'action', parts: [] };
      out.push(narration);
    }
    narration.parts.push(...parts);
  };
  /** A furniture element (heading, transition …): excluded, or read by the Narrator when its rule is off. */
  const furniture = (rule: Exclude<ExclusionRule, 'action'>, on: boolean, line: Line, parts: Span[] = line.parts) => {
    if (on) exclude(rule, hull(line.parts, line.span));
    else narrate(parts);
  };

  let k = 0;
  const titleFirst = lines.findIndex((line) => !line.blank);
  if (rules.titlePage && titleFirst >= 0 && TITLE_KEY.test(lines[titleFirst]?.text ?? '')) {
    let end = titleFirst;
    while (end < lines.length && !(lines[end] as Line).blank) end++;
    exclude('titlePage', { start: (lines[titleFirst] as Line).span.start, end: (lines[end - 1] as Line).span.end });
    k = end;
  }

  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    const text = line.text;
    if (line.blank) {
      closeBlocks();
      continue;
    }
    const before = lines[k - 1];
    const after = lines[k + 1];
    const blankBefore = before === undefined || before.blank;
    const blankAfter = after === undefined || after.blank;

    if (text === '' && !dialogue) continue; // a two-space line outside dialogue says nothing
    if (PAGE_BREAK.test(text)) {
      closeBlocks();
      furniture('pageBreaks', rules.pageBreaks, line, []);
      continue;
    }
    if (dialogue) {
      if (PARENTHETICAL.test(text) && rules.parentheticals) exclude('parentheticals', hull(line.parts, line.span));
      else dialogue.parts.push(...(text.startsWith('~') ? dropPrefix(line, 1) : line.parts));
      continue;
    }
    if (text.startsWith('>') && text.endsWith('<') && text.length > 1) {
      furniture('centered', rules.centered, line, trimmedInner(input, line));
    } else if (text.startsWith('>')) {
      furniture('transitions', rules.transitions, line, dropPrefix(line, 1));
    } else if (text.startsWith('#')) {
      furniture('sections', rules.sections, line, dropPrefix(line, text.length - text.replace(/^#+/, '').length));
    } else if (text.startsWith('=')) {
      furniture('synopses', rules.synopses, line, dropPrefix(line, 1));
    } else if (text.startsWith('~')) {
      if (!lyrics) {
        closeBlocks();
        lyrics = { speaker: null, kind: 'lyric', parts: [] };
        out.push(lyrics);
      }
      lyrics.parts.push(...dropPrefix(line, 1));
      continue;
    } else if (blankBefore && ((text.startsWith('.') && !text.startsWith('..')) || SCENE_HEADING.test(text))) {
      sceneHeading(line, text.startsWith('.') ? 1 : 0);
    } else if (blankBefore && blankAfter && (TRANSITION_WORDS.test(text) || (/ TO:$/.test(text) && !LOWERCASE.test(text)))) {
      furniture('transitions', rules.transitions, line);
    } else if (text.startsWith('!')) {
      addAction(line, dropPrefix(line, 1));
      continue;
    } else if (blankBefore && !blankAfter && cueName(text, text.startsWith('@'))) {
      closeBlocks();
      const speaker = cueName(text, text.startsWith('@')) as string;
      dialogue = { speaker, kind: 'dialogue', parts: [] };
      out.push(dialogue);
      if (options.dropSpeakerLabels) exclude('speakerLabels', hull(line.parts, line.span));
      else dialogue.parts.push(...(text.startsWith('@') ? dropPrefix(line, 1) : line.parts));
      continue;
    } else {
      addAction(line, line.parts);
      continue;
    }
    // Furniture ends any action paragraph and lyric run it interrupts.
    if (action) exclude('action', action);
    action = undefined;
    lyrics = undefined;
  }
  closeBlocks();

  function sceneHeading(line: Line, forcedMark: number): void {
    const last = line.parts[line.parts.length - 1];
    const number = last ? SCENE_NUMBER.exec(input.slice(last.start, last.end)) : null;
    const numberSpan = last && number ? { start: last.start + number.index, end: last.end } : undefined;
    const withoutNumber = (parts: Span[]) => parts.map((part) => (numberSpan && part.end === numberSpan.end ? { start: part.start, end: numberSpan.start } : part));
    const headingParts = withoutNumber(dropPrefix(line, forcedMark));
    if (numberSpan && rules.sceneNumbers) exclude('sceneNumbers', trimSpan(input, numberSpan));
    if (rules.sceneHeadings) exclude('sceneHeadings', hull(withoutNumber(line.parts), line.span));
    else narrate(rules.sceneNumbers || !numberSpan ? headingParts : dropPrefix(line, forcedMark));
  }

  function addAction(line: Line, parts: Span[]): void {
    lyrics = undefined;
    if (options.narrateAction) {
      narrate(parts);
      return;
    }
    const span = hull(line.parts, line.span);
    action = action ? { start: action.start, end: span.end } : span;
  }

  excluded.sort((a, b) => a.start - b.start || b.end - a.end);
  return { format: 'fountain', lines: out.filter((line) => line.parts.length > 0), excluded };
}

/** Centred text's words without the `>` and `<`. */
function trimmedInner(input: string, line: Line): Span[] {
  const whole = hull(line.parts, line.span);
  return [trimSpan(input, { start: whole.start + 1, end: whole.end - 1 })].filter((span) => span.end > span.start);
}
