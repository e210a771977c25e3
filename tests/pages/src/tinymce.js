import { PARAGRAPHS, ready } from './sample.js';

// TinyMCE in classic mode edits inside a same-origin iframe.
window.tinymce.init({
  selector: '#editor', license_key: 'gpl', base_url: '/npm/tinymce', suffix: '.min', menubar: false, toolbar: false, statusbar: false,
  promotion: false, height: 320, setup: (editor) => editor.on('init', () => {
    editor.setContent(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''));
    ready({ editor: 'tinymce' });
  }),
});
