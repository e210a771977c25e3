import { askBridge } from '../bridge-client';
import type { EditorAdapter } from './types';

/** CodeMirror 6 renders only the visible lines: text comes from its state through the bridge. */
export const codeMirror: EditorAdapter = {
  name: 'codemirror',
  match: (element) => element.closest('.cm-editor'),
  selectedText: (root) => askBridge(root, 'codemirror', 'selection'),
  fullText: (root) => askBridge(root, 'codemirror', 'text') ?? (root.querySelector('.cm-content') as HTMLElement | null)?.innerText ?? '',
};
