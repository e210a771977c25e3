import { LONG_SCRIPT, ready } from './sample.js';

// Ace's prebuilt script from npm: window.ace.
const editor = window.ace.edit('editor', { wrap: true, showPrintMargin: false });
editor.setValue(LONG_SCRIPT, -1);
ready({ editor: 'ace', text: LONG_SCRIPT });
