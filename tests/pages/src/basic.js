import { PARAGRAPHS, ready } from './sample.js';

for (const id of ['textarea', 'contenteditable', 'shadow-textarea']) {
  const element = document.getElementById(id);
  if (element) element[element.tagName === 'TEXTAREA' ? 'value' : 'innerText'] = PARAGRAPHS.join('\n\n');
}
// An editor inside an open shadow root.
const host = document.querySelector('#shadow-host');
const shadow = host.attachShadow({ mode: 'open' });
shadow.innerHTML = '<div id="shadow-editor" contenteditable="true" style="border:1px solid #999;padding:8px;min-height:60px"></div>';
shadow.querySelector('#shadow-editor').innerText = PARAGRAPHS[1];
// A same-origin frame holding an editable document.
const frame = document.querySelector('#frame');
frame.srcdoc = `<body contenteditable="true" style="font:16px serif;margin:8px"><p id="frame-text">${PARAGRAPHS[2]}</p></body>`;
frame.addEventListener('load', () => ready({ editor: 'basic', paragraphs: PARAGRAPHS }), { once: true });
