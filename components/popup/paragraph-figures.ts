import type { ParagraphFigure } from '@/lib/estimate/paragraph-figures';
import { sendToBackground } from '@/lib/messages/send';
import { loadOnce } from '../lazy';

export type ParagraphReply = { paragraphs: ParagraphFigure[] } | { error: string };

/**
 * The whole estimate's per-paragraph figures for `text`, asked of the background on first use and
 * then shared: the breakdown shows them and a cue sheet download uses the same answer.
 */
export function lazyParagraphFigures(text: string): () => Promise<ParagraphReply> {
  return loadOnce(() => sendToBackground('paragraphFigures', { text }).then(
    (answer): ParagraphReply => (answer.ok ? { paragraphs: answer.paragraphs } : { error: answer.error }),
    (error: unknown): ParagraphReply => ({ error: error instanceof Error ? error.message : String(error) }),
  )).load;
}
