import { browser } from 'wxt/browser';

/**
 * Answers the extension's messages to this tab through the browser's own API: content scripts carry
 * no webextension-polyfill (wxt.config.ts), and Chrome sends a listener's answer only through
 * `sendResponse` after the listener returned true (Firefox accepts the same). `answer` gives
 * undefined for a message that is not for us, so another listener may answer it.
 * Returns a function that stops listening.
 */
export function listenToTab(answer: (message: unknown) => Promise<unknown> | undefined): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    const reply = answer(message);
    if (!reply) return false;
    // No answer is read by the sender as "nothing here", never as a figure.
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  // After an extension reload or update the old script's runtime is gone (and its listeners with it).
  return () => browser.runtime?.onMessage.removeListener(listener);
}
