import { browser } from 'wxt/browser';
import type { Envelope, MessageType, RequestOf, ResponseOf } from './protocol';

/**
 * Chrome's words when the background went away before it answered: its service worker was stopped
 * mid-call ("message channel/port closed") or was between lives ("receiving end does not exist").
 * Asking again starts a new worker, and every message is safe to repeat (reads, or saves of the same value).
 */
const BACKGROUND_GONE = [/message (channel|port) closed before a response/i, /receiving end does not exist/i];
/** The extension was reloaded or updated under this page: its old content script can no longer talk to it. */
const CONTEXT_GONE = /extension context invalidated/i;
/** Waits before each new try; bounded, so a background that keeps dying ends in a clear error. */
const RETRY_DELAYS_MS = [200, 1_000];

export const BACKGROUND_STOPPED_MESSAGE = 'ScriptMeter’s background stopped before it answered. Try again.';
export const EXTENSION_RELOADED_MESSAGE = 'ScriptMeter was updated or reloaded: reload this page to use it here.';

/** No answer from the background, after the retries: the caller shows this, never a stale figure. */
export class BackgroundUnavailableError extends Error {
  override readonly name = 'BackgroundUnavailableError';
}

export interface SendOptions {
  /** How long to wait before each retry (tests shorten it). */
  retryDelaysMs?: readonly number[];
}

type Attempt = { reply: unknown } | { gone: true };

async function attempt(envelope: Envelope): Promise<Attempt> {
  // An orphaned content script finds the runtime gone (Chrome) rather than an error to read.
  if (!browser.runtime?.id) throw new BackgroundUnavailableError(EXTENSION_RELOADED_MESSAGE);
  try {
    const reply: unknown = await browser.runtime.sendMessage(envelope);
    // The polyfill turns Chrome's "message port closed" into an empty answer; every message has a reply.
    return reply === undefined ? { gone: true } : { reply };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (CONTEXT_GONE.test(message)) throw new BackgroundUnavailableError(EXTENSION_RELOADED_MESSAGE);
    if (BACKGROUND_GONE.some((pattern) => pattern.test(message))) return { gone: true };
    throw error;
  }
}

/** Sends one typed message to the background, asking again (a bounded number of times) if its worker stopped mid-call. */
export async function sendToBackground<K extends MessageType>(type: K, data: RequestOf<K>, options: SendOptions = {}): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { scriptmeter: 1, type, data };
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(envelope);
    if ('reply' in outcome) return outcome.reply as ResponseOf<K>;
    const delay = delays[tries];
    if (delay === undefined) throw new BackgroundUnavailableError(BACKGROUND_STOPPED_MESSAGE);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
