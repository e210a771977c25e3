/**
 * Messages the extension sends to a tab's content script (tabs.sendMessage). Only the
 * extension itself can send these; pages cannot reach runtime.onMessage.
 */
export interface TabProtocol {
  /** From the popup: the text it should estimate. Never from password, card or one-time-code fields. */
  selectionText: { request: Record<string, never>; response: { text: string; source: 'selection' | 'field' | 'none' } };
  /** From the keyboard command or the context menu: show the figure for the selection or focused field. */
  showEstimate: { request: Record<string, never>; response: { shown: boolean } };
  /** Settings changed: fetch the inline config again. */
  settingsChanged: { request: Record<string, never>; response: { ok: true } };
}

export type TabMessageType = keyof TabProtocol;

export interface TabEnvelope<K extends TabMessageType = TabMessageType> {
  scriptmeter: 1;
  type: K;
}

export function isTabEnvelope(message: unknown): message is TabEnvelope {
  if (typeof message !== 'object' || message === null) return false;
  const { scriptmeter, type } = message as Record<string, unknown>;
  return scriptmeter === 1 && (type === 'selectionText' || type === 'showEstimate' || type === 'settingsChanged');
}
