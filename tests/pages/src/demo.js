import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EditorView, lineNumbers } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { LONG_SCRIPT, PARAGRAPHS, ready } from './sample.js';

const AD = [
  'Meet Lumen, the desk lamp that knows when you are tired.',
  'It warms the light after sunset, dims it before bed, and wakes you gently at seven.',
  'Lumen. Better light, better evenings. Available now, from forty-nine dollars.',
];
new Editor({ element: document.querySelector('#tiptap'), extensions: [StarterKit], content: AD.map((p) => `<p>${p}</p>`).join('') });
new EditorView({ parent: document.querySelector('#codemirror'), state: EditorState.create({ doc: LONG_SCRIPT, extensions: [lineNumbers(), EditorView.lineWrapping] }) });
document.querySelector('#textarea').value = PARAGRAPHS.join('\n\n');
ready({ editor: 'demo' });
