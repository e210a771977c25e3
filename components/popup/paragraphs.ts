import type { ParagraphBasis, ParagraphFigure } from '@/lib/estimate/paragraph-figures';

/** The breakdown shows at most this many paragraphs. */
export const MAX_BREAKDOWN_PARAGRAPHS = 40;

/** Whether the text has more than one paragraph (they end at blank lines): only then is there a breakdown. */
export function hasParagraphs(text: string): boolean {
  return /\S[ \t]*\r?\n[ \t]*\r?\n\s*\S/.test(text);
}

export interface BreakdownRow {
  index: number;
  preview: string;
  seconds: number;
  /** Where this paragraph starts and ends in the whole script, in seconds from the start. */
  startsAt: number;
  endsAt: number;
  basis: ParagraphBasis;
}

const PREVIEW_CHARS = 48;

/** Per-paragraph lengths with cumulative timecodes. */
export function breakdownRows(paragraphs: readonly ParagraphFigure[]): BreakdownRow[] {
  let elapsed = 0;
  return paragraphs.map(({ text, seconds, basis }, index) => {
    const startsAt = Math.round(elapsed * 100) / 100;
    elapsed += seconds;
    const oneLine = text.replace(/\s+/g, ' ');
    const preview = [...oneLine].length > PREVIEW_CHARS ? `${[...oneLine].slice(0, PREVIEW_CHARS - 1).join('')}…` : oneLine;
    return { index: index + 1, preview, seconds, startsAt, endsAt: Math.round(elapsed * 100) / 100, basis };
  });
}
