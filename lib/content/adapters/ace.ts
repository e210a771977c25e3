import { askBridge } from '../bridge-client';
import type { EditorAdapter } from './types';

/** Ace renders only the visible lines and selects in a hidden textarea: text comes from the editor through the bridge. */
export const ace: EditorAdapter = {
  name: 'ace',
  match: (element) => element.closest('.ace_editor'),
  selectedText: (root) => askBridge(root, 'ace', 'selection'),
  fullText: (root) => askBridge(root, 'ace', 'text') ?? (root.querySelector('.ace_content') as HTMLElement | null)?.innerText ?? '',
};
