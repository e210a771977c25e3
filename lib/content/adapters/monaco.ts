import { askBridge } from '../bridge-client';
import type { EditorAdapter } from './types';

/**
 * Monaco renders only the visible lines and keeps the selection in a hidden textarea: text
 * comes from its model through the bridge (pages that expose `window.monaco`).
 */
export const monaco: EditorAdapter = {
  name: 'monaco',
  match: (element) => element.closest('.monaco-editor'),
  selectedText: (root) => askBridge(root, 'monaco', 'selection'),
  fullText: (root) => askBridge(root, 'monaco', 'text') ?? (root.querySelector('.view-lines') as HTMLElement | null)?.innerText ?? '',
};
