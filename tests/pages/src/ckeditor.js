import { PARAGRAPHS, ready } from './sample.js';

// The UMD build from npm, loaded by a script tag: window.CKEDITOR.
const { ClassicEditor, Essentials, Paragraph } = window.CKEDITOR;
ClassicEditor.create(document.querySelector('#editor'), {
  licenseKey: 'GPL', plugins: [Essentials, Paragraph], toolbar: [],
  initialData: PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''),
}).then(() => ready({ editor: 'ckeditor' }));
