import { ace } from './ace';
import { codeMirror } from './codemirror';
import { editorJs } from './editorjs';
import { monaco } from './monaco';
import { slate } from './slate';
import type { EditorAdapter } from './types';

/**
 * Editors from libraries that the general path reads wrongly, most specific first: Monaco and Ace
 * select inside a hidden textarea and render only their visible lines (read through the page-world
 * bridge, as CodeMirror is); Slate and Editor.js are contenteditable with text of their own.
 */
export const LIBRARY_EDITORS: readonly EditorAdapter[] = [monaco, ace, codeMirror, slate, editorJs];
