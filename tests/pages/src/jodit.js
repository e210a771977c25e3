import { Jodit } from 'jodit/esm/index.js';
import { PARAGRAPHS, ready } from './sample.js';

// Classic WYSIWYG, editing inside an iframe (Jodit's `iframe` mode).
const editor = Jodit.make('#editor', { iframe: true, height: 340, toolbar: false, showCharsCounter: false, showWordsCounter: false, showXPathInStatusbar: false });
editor.value = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
editor.waitForReady().then(() => ready({ editor: 'jodit' }));
