import Editor from '@toast-ui/editor';
import { PARAGRAPHS, ready } from './sample.js';

// Markdown mode: a ProseMirror-based source editor with Markdown highlighting.
new Editor({ el: document.querySelector('#editor'), initialEditType: 'markdown', previewStyle: 'tab', height: '360px', initialValue: PARAGRAPHS.join('\n\n'), usageStatistics: false });
ready({ editor: 'toastui' });
