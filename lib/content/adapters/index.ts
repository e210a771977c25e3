import { ace } from './ace';
import { codeMirror } from './codemirror';
import { contentEditable } from './contenteditable';
import { editorJs } from './editorjs';
import { monaco } from './monaco';
import { nativeField } from './native-field';
import { slate } from './slate';
import type { EditorAdapter } from './types';

/** Most specific first: Monaco and Ace select inside a hidden textarea, CodeMirror, Slate and Editor.js are contenteditable. */
const ADAPTERS: readonly EditorAdapter[] = [monaco, ace, codeMirror, slate, editorJs, nativeField, contentEditable];

export function findEditor(element: Element): { adapter: EditorAdapter; root: Element } | null {
  for (const adapter of ADAPTERS) {
    const root = adapter.match(element);
    if (root) return { adapter, root };
  }
  return null;
}
