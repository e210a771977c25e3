import { z } from 'zod';

/** A content script's answer to 'selectionText'; the page's side is untrusted, so it is checked. */
export const selectionReplySchema = z.object({ text: z.string(), source: z.enum(['selection', 'field', 'none']) });
