import { z } from 'zod';
import { emptyRequest } from '../messages/empty-request';
import type { HistoryRow } from './row';

/**
 * History messages, part of the one protocol map (lib/messages/protocol.ts extends this).
 * Extension pages only: the rows name the sites a user worked on, so content scripts never get them.
 */
export interface HistoryProtocol {
  listHistory: { request: Record<string, never>; response: { rows: HistoryRow[] } };
  clearHistory: { request: Record<string, never>; response: { ok: true } };
}

export const historyRequestSchemas = {
  listHistory: emptyRequest,
  clearHistory: emptyRequest,
} satisfies Record<keyof HistoryProtocol, z.ZodType>;
