import { z } from 'zod';
import { MAX_MESSAGE_TEXT } from '../messages/limits';
import type { EstimateReply } from '../messages/protocol';

/** Dialogue-script messages, spread into the main protocol map. Extension pages only. */
export interface ScriptProtocol {
  /** The text's lines with their figures, also for text without speakers (a line per paragraph): cue sheets. */
  scriptLines: { request: { text: string }; response: EstimateReply };
}

export const scriptRequestSchemas = {
  scriptLines: z.object({ text: z.string().max(MAX_MESSAGE_TEXT) }).strict(),
};
