/** Paragraphs are separated by blank lines; the breakdown shows at most this many. */
export const MAX_BREAKDOWN_PARAGRAPHS = 40;

export function splitParagraphs(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

export interface BreakdownRow {
  index: number;
  preview: string;
  seconds: number;
  /** Where this paragraph ends in the whole script, in seconds from the start. */
  endsAt: number;
}

const PREVIEW_CHARS = 48;

/** Per-paragraph lengths with cumulative timecodes. */
export function breakdownRows(paragraphs: readonly string[], seconds: readonly number[]): BreakdownRow[] {
  let elapsed = 0;
  return paragraphs.map((text, index) => {
    const own = seconds[index] ?? 0;
    elapsed += own;
    const oneLine = text.replace(/\s+/g, ' ');
    const preview = [...oneLine].length > PREVIEW_CHARS ? `${[...oneLine].slice(0, PREVIEW_CHARS - 1).join('')}…` : oneLine;
    return { index: index + 1, preview, seconds: own, endsAt: Math.round(elapsed * 100) / 100 };
  });
}
