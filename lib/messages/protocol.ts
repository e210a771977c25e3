import type { AccountProtocol } from '../account/protocol';
import type { CalibrationProtocol } from '../calibration/protocol';
import type { EstimateProtocol } from '../estimate/protocol';
import type { Consent, EstimateResult } from '../estimate/estimator';
import type { VendorId, VoiceProfile } from '../sources/types';
import type { ProviderId } from '../rates/credits';
import type { FieldErrors, Settings } from '../settings/schema';
import type { InlineConfig } from '../content/inline-config';
import type { HistoryProtocol } from '../history/protocol';
import type { EstimateTotal, ScriptFigures } from '../script/estimate';
import type { PaidOffer } from '../spend/offer-token';
import type { SourcesProtocol } from '../sources/protocol';

/**
 * One map of every message the background answers: what is sent and what comes back.
 * Types only, so the content script can use it without shipping zod; the background checks
 * every request against lib/messages/schemas.ts on receipt.
 */
export interface Protocol extends AccountProtocol, HistoryProtocol, CalibrationProtocol, SourcesProtocol, EstimateProtocol {
  /**
   * Any part of the extension, content scripts included. `record: false` keeps the estimate out of
   * the history (a part of a script already recorded whole, like the popup's per-paragraph figures).
   * `consent` ("yes, up to X credits") only from extension pages; a content script hands back the
   * `offer` token of an earlier reply instead, after a trusted click (lib/spend/offer-token.ts).
   */
  estimate: { request: { text: string; record?: boolean; consent?: Consent; offer?: string }; response: EstimateReply };
  /** What a content script needs to show figures on its page (`host`: its hostname, for per-site disable). */
  inlineConfig: { request: { host: string }; response: InlineConfig };
  /** Extension pages only (popup, options). */
  getSettings: { request: Record<string, never>; response: Settings };
  saveSettings: { request: { patch: Partial<Settings> }; response: { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } };
  /** `vendor` defaults to Supertone (the only vendor before sources). */
  setApiKey: { request: { key: string; vendor?: VendorId }; response: { ok: true } | { ok: false; error: string } };
  clearApiKey: { request: { vendor?: VendorId }; response: { ok: true } };
  keyStatus: { request: { vendor?: VendorId }; response: { set: boolean; hint: string } };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  scriptmeter: 1;
  type: K;
  data: RequestOf<K>;
}

export type EstimateReply =
  /** `script`: a dialogue's lines and speakers; `result` is then the whole script's total. */
  /** `offer`: to a content script, the exact figure it may buy with one trusted click. */
  /** `providerAssumed`: the voice's provider is not known (lib/rates/headline-provider.ts); `provider` is assumed. */
  | { ok: true; result: EstimateTotal; voice: VoiceProfile; provider: ProviderId; providerAssumed?: true; script?: ScriptFigures; offer?: PaidOffer }
  | { ok: false; error: string };

/** Messages a content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['estimate', 'inlineConfig']);
