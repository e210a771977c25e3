import { looksLikeFountain, parseFountain } from './fountain';
import { parseLabelled } from './labelled';
import { inputLines, trimSpan, type ParsedScript, type ScriptLine } from './lines';
import type { ScriptOptions } from './rules';

export interface ParseHints {
  /** 'fountain' when the user said so (a `.fountain` file); else the text decides. */
  format?: 'fountain' | 'auto';
  /** Cast names (speakerKey form): a label or tag naming one is a speaker even when used once. */
  castKeys?: ReadonlySet<string>;
}

/**
 * The script's speakers' lines, or undefined for text without speakers (which is estimated as one
 * voice, as before). Fountain when told or when the text reads as a screenplay; else labels and tags.
 */
export function parseScript(input: string, options: ScriptOptions, hints: ParseHints = {}): ParsedScript | undefined {
  if (hints.format === 'fountain' || looksLikeFountain(input)) {
    const script = parseFountain(input, options);
    return script.lines.some((line) => line.speaker !== null) || hints.format === 'fountain' ? script : undefined;
  }
  return parseLabelled(input, options, hints.castKeys);
}

/** Text without speakers as one unlabelled line per paragraph (paragraphs end at blank lines). */
export function paragraphScript(input: string): ParsedScript {
  const lines: ScriptLine[] = [];
  let current: ScriptLine | undefined;
  for (const span of inputLines(input)) {
    const part = trimSpan(input, span);
    if (part.end === part.start) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { speaker: null, kind: 'paragraph', parts: [] };
      lines.push(current);
    }
    current.parts.push(part);
  }
  return { format: 'plain', lines, excluded: [] };
}
