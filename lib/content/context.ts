import { browser } from 'wxt/browser';

/**
 * A content script's lifetime: the part of WXT's ContentScriptContext the inline estimates use, in a
 * few lines (WXT's, with its location watcher and logger, was about 1 kB gzipped of the script every
 * page loads). It ends when the extension is reloaded or updated under the page (the runtime has no
 * id any more) or when a newer copy of the same script starts in this document; then every listener
 * added through it goes, and everything registered with `onInvalidated` runs.
 */
export interface ContentContext {
  readonly isValid: boolean;
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
  /** A promise that never settles: work that finds the context gone stops there. */
  block(): Promise<never>;
  addEventListener<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
}

export function createContentContext(name: string): ContentContext {
  const controller = new AbortController();
  const { signal } = controller;
  const invalidate = () => controller.abort();
  // Announced before listening, so a copy hears only newer ones (Firefox injects into open tabs on update).
  const started = `${browser.runtime.id}:scriptmeter:${name}-started`;
  document.dispatchEvent(new CustomEvent(started));
  document.addEventListener(started, invalidate, { signal });
  const context: ContentContext = {
    get isInvalid() {
      if (browser.runtime?.id == null) invalidate();
      return signal.aborted;
    },
    get isValid() {
      return !context.isInvalid;
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback);
    },
    block: () => new Promise<never>(() => undefined),
    addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions) {
      target.addEventListener(type, handler as EventListener, { ...options, signal });
    },
  };
  return context;
}
