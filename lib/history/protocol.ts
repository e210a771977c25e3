import { z } from 'zod';
import type { HistoryRow } from './row';

/**
 * History messages, part of the one protocol map (lib/messages/protocol.ts extends this).
 * Extension pages only: the rows name the sites a user worked on, so content scripts never get them.
 */
export interface HistoryProtocol {
  listHistory: { request: Record<string, never>; response: { rows: HistoryRow[] } };
  clearHistory: { request: Record<string, never>; response: { ok: true } };
}

const empty = z.object({}).strict();

export const historyRequestSchemas = {
  listHistory: empty,
  clearHistory: empty,
} satisfies Record<keyof HistoryProtocol, z.ZodType>;
