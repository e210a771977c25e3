import type { EditorAdapter } from './types';

/**
 * Editor.js gives each block its own contenteditable. Its whole-document selection (Ctrl+A twice,
 * or a drag across blocks) marks blocks selected and collapses the DOM selection, so no general
 * reader can see it: the marked blocks are the selection. The document is the editor, not the block.
 */
const SELECTED_BLOCK = '.ce-block--selected';

export const editorJs: EditorAdapter = {
  name: 'editorjs',
  match: (element) => element.closest('.codex-editor'),
  selectedText(root) {
    const blocks = root.querySelectorAll<HTMLElement>(SELECTED_BLOCK);
    return blocks.length > 0 ? Array.from(blocks, (block) => block.innerText.trim()).join('\n') : null;
  },
  fullText: (root) => Array.from(root.querySelectorAll<HTMLElement>('.ce-block'), (block) => block.innerText.trim()).join('\n'),
};
