import Quill from 'quill';
import { PARAGRAPHS, ready } from './sample.js';

const quill = new Quill('#editor', { theme: 'snow' });
quill.setText(PARAGRAPHS.join('\n'));
ready({ editor: 'quill' });
