import { z } from 'zod';
import { emptyRequest } from '../messages/empty-request';
import type { AccountView } from './view';

/** A voice as the options page's picker shows it. */
export interface VoiceChoice {
  id: string;
  name: string;
  languages: string[];
  styles: string[];
  models: string[];
}

/**
 * Account messages, part of the one protocol map (lib/messages/protocol.ts extends this).
 * All are for extension pages only: none is in CONTENT_SCRIPT_MESSAGES.
 */
export interface AccountProtocol {
  accountStatus: { request: Record<string, never>; response: AccountView };
  refreshAccount: { request: Record<string, never>; response: AccountView };
  testConnection: { request: Record<string, never>; response: { ok: true; balance: number | null } | { ok: false; error: string; noKey: boolean } };
  listVoices: { request: Record<string, never>; response: { ok: true; voices: VoiceChoice[] } | { ok: false; error: string } };
  dismissAlert: { request: { id: string }; response: { ok: true } };
  expectVoice: { request: { voiceId: string }; response: { ok: true } | { ok: false; error: string } };
}

export const accountRequestSchemas = {
  accountStatus: emptyRequest,
  refreshAccount: emptyRequest,
  testConnection: emptyRequest,
  listVoices: emptyRequest,
  dismissAlert: z.object({ id: z.string().max(200) }).strict(),
  expectVoice: z.object({ voiceId: z.string().min(1).max(100) }).strict(),
} satisfies Record<keyof AccountProtocol, z.ZodType>;
