import { LONG_SCRIPT, ready } from './sample.js';

// Monaco's AMD build from npm, as most sites load it: it defines window.monaco.
window.require.config({ paths: { vs: '/npm/monaco-editor/min/vs' } });
window.require(['vs/editor/editor.main'], () => {
  window.monaco.editor.create(document.querySelector('#editor'), { value: LONG_SCRIPT, language: 'plaintext', wordWrap: 'on', minimap: { enabled: false } });
  ready({ editor: 'monaco', text: LONG_SCRIPT });
});
