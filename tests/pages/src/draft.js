import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState, ContentState } from 'draft-js';
import { PARAGRAPHS, ready } from './sample.js';

function App() {
  const [state, setState] = useState(() => EditorState.createWithContent(ContentState.createFromText(PARAGRAPHS.join('\n'))));
  return h(Editor, { editorState: state, onChange: setState, placeholder: 'Type your script…' });
}
createRoot(document.querySelector('#editor')).render(h(App));
const wait = () => (document.querySelector('.public-DraftEditor-content') ? ready({ editor: 'draft' }) : requestAnimationFrame(wait));
wait();
