import { browser } from 'wxt/browser';
import type { Envelope, MessageType, RequestOf, ResponseOf } from './protocol';

/** Sends one typed message to the background. */
export async function sendToBackground<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { scriptmeter: 1, type, data };
  return (await browser.runtime.sendMessage(envelope)) as ResponseOf<K>;
}
