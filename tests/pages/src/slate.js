import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor } from 'slate';
import { Slate, Editable, withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import { PARAGRAPHS, ready } from './sample.js';

function App() {
  const [editor] = useState(() => withHistory(withReact(createEditor())));
  const initial = PARAGRAPHS.map((text) => ({ type: 'paragraph', children: [{ text }] }));
  return h(Slate, { editor, initialValue: initial }, h(Editable, { id: 'editor-content', placeholder: 'Type your script…' }));
}
createRoot(document.querySelector('#editor')).render(h(App));
const wait = () => (document.querySelector('[data-slate-editor]') ? ready({ editor: 'slate' }) : requestAnimationFrame(wait));
wait();
