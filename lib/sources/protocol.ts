import { z } from 'zod';
import { emptyRequest } from '../messages/empty-request';
import { vendorIdSchema, type VendorId, type VoiceInfo } from './types';

/**
 * Messages of the options page's source section (part of the one protocol map): a vendor's
 * connection test, its voice list (cached; fetched again only on request, since it may cost
 * credits) and today's paid spend. Extension pages only: none is in CONTENT_SCRIPT_MESSAGES.
 */
export interface SourcesProtocol {
  /** The cheapest call that proves the key (AudioStack: the 0-credit one); `cost` what it cost. */
  vendorTest: {
    request: { vendor: VendorId };
    response: { ok: true; balance: number | null; cost: number } | { ok: false; error: string; noKey: boolean };
  };
  /** The voice list as last fetched, or fetched now with `refresh` (a click on a button that says `cost`). */
  vendorVoices: {
    request: { vendor: VendorId; refresh: boolean };
    response: { ok: true; voices: VoiceInfo[]; fetchedAt?: number; cost: number } | { ok: false; error: string; cost: number };
  };
  /** Credits spent today on paid calls (the automatic rule's ledger). */
  spendStatus: { request: Record<string, never>; response: { spentToday: number } };
}

export const sourcesRequestSchemas = {
  vendorTest: z.object({ vendor: vendorIdSchema }).strict(),
  vendorVoices: z.object({ vendor: vendorIdSchema, refresh: z.boolean() }).strict(),
  spendStatus: emptyRequest,
} satisfies Record<keyof SourcesProtocol, z.ZodType>;
