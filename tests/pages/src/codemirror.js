import { EditorView, lineNumbers } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { LONG_SCRIPT, ready } from './sample.js';

new EditorView({
  parent: document.querySelector('#editor'),
  state: EditorState.create({ doc: LONG_SCRIPT, extensions: [lineNumbers(), EditorView.lineWrapping] }),
});
ready({ editor: 'codemirror', text: LONG_SCRIPT });
