import type { EditorAdapter } from './types';

/**
 * Slate puts its placeholder inside the editable element (as a non-editable span), so the
 * generic reader would count "Type something…" in an empty editor.
 */
export const slate: EditorAdapter = {
  name: 'slate',
  match: (element) => element.closest('[data-slate-editor="true"]'),
  selectedText: () => null,
  fullText(root) {
    if (root.querySelector('[data-slate-placeholder="true"]')) return '';
    return (root as HTMLElement).innerText;
  },
};
