import { contentEditable } from './contenteditable';
import { nativeField } from './native-field';
import type { EditorAdapter } from './types';

/** Fields and any contenteditable: the general path, on every page, tried last. */
const GENERAL: readonly EditorAdapter[] = [nativeField, contentEditable];
let adapters = GENERAL;

/**
 * The editors a content script's pages may hold that need reading of their own (code and block
 * editors: ./library-editors.ts), tried before the general ones. Its entry registers them before
 * starting; Docs' canvas holds none, so its script registers none and carries none of their code.
 */
export function registerEditorAdapters(specific: readonly EditorAdapter[]): void {
  adapters = [...specific, ...GENERAL];
}

export function findEditor(element: Element): { adapter: EditorAdapter; root: Element } | null {
  for (const adapter of adapters) {
    const root = adapter.match(element);
    if (root) return { adapter, root };
  }
  return null;
}
