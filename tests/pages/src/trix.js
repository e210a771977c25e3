import 'trix';
import { PARAGRAPHS, ready } from './sample.js';

const element = document.querySelector('trix-editor');
const load = () => {
  element.editor.loadHTML(PARAGRAPHS.map((p) => `<div>${p}</div>`).join('<div><br></div>'));
  ready({ editor: 'trix' });
};
if (element.editor) load();
else element.addEventListener('trix-initialize', load, { once: true });
