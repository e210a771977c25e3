import { z } from 'zod';
import { MAX_MESSAGE_TEXT } from '../messages/limits';
import type { ParagraphFigure } from './paragraph-figures';

/** Estimate messages beyond `estimate` itself, spread into the main protocol map. Extension pages only. */
export interface EstimateProtocol {
  /**
   * The popup's per-paragraph breakdown, derived from the whole text's estimate (its cached
   * answers, the local model elsewhere): it never makes a paid call of its own.
   */
  paragraphFigures: { request: { text: string }; response: { ok: true; paragraphs: ParagraphFigure[] } | { ok: false; error: string } };
}

export const estimateRequestSchemas = {
  paragraphFigures: z.object({ text: z.string().max(MAX_MESSAGE_TEXT) }).strict(),
} satisfies Record<keyof EstimateProtocol, z.ZodType>;
