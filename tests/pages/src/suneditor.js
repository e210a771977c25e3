import suneditor from 'suneditor';
import { PARAGRAPHS, ready } from './sample.js';

const editor = suneditor.create(document.querySelector('#editor'), { height: '320px', buttonList: [] });
editor.$.html.set(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''));
ready({ editor: 'suneditor' });
