import type { EditorAdapter } from './types';

/**
 * Any contenteditable editor whose DOM holds the whole text: plain contenteditable, ProseMirror
 * and TipTap, Quill, Lexical, CKEditor 5, Draft.js. The editing host (the outermost editable
 * element) is the editor; the DOM selection is the selection.
 */
function editingHost(element: Element): HTMLElement | null {
  let host: HTMLElement | null = null;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if ((node as HTMLElement).isContentEditable) host = node as HTMLElement;
    else if (host) break;
  }
  return host;
}

export const contentEditable: EditorAdapter = {
  name: 'contenteditable',
  match: (element) => editingHost(element),
  selectedText: () => null,
  fullText: (root) => (root as HTMLElement).innerText,
};
