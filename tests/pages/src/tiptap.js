import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { PARAGRAPHS, ready } from './sample.js';

new Editor({
  element: document.querySelector('#editor'),
  extensions: [StarterKit],
  content: PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''),
  onCreate: () => ready({ editor: 'tiptap' }),
});
