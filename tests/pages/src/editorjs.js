import EditorJS from '@editorjs/editorjs';
import { PARAGRAPHS, ready } from './sample.js';

// A block editor: each paragraph is a block with its own contenteditable.
const editor = new EditorJS({
  holder: 'editor',
  data: { blocks: PARAGRAPHS.map((text) => ({ type: 'paragraph', data: { text } })) },
  onReady: () => ready({ editor: 'editorjs' }),
});
window.editorjs = editor;
