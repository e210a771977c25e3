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
// Same-origin frames: an editable document, and a preview pane beside it (focus moves between them
// without the page around them hearing of it).
const frames = [
  ['#frame', `<body contenteditable="true" style="font:16px serif;margin:8px"><p id="frame-text">${PARAGRAPHS[2]}</p></body>`],
  ['#preview', `<body style="font:16px serif;margin:8px"><p id="preview-text">${PARAGRAPHS[0]}</p></body>`],
].map(([selector, html]) => {
  const frame = document.querySelector(selector);
  frame.srcdoc = html;
  return new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
});
Promise.all(frames).then(() => ready({ editor: 'basic', paragraphs: PARAGRAPHS }));
