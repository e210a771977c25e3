import { createEditor, $getRoot, $createParagraphNode, $createTextNode } from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { PARAGRAPHS, ready } from './sample.js';

const editor = createEditor({ namespace: 'fixture', nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
editor.setRootElement(document.querySelector('#editor'));
registerRichText(editor);
editor.update(() => {
  const root = $getRoot();
  for (const text of PARAGRAPHS) root.append($createParagraphNode().append($createTextNode(text)));
}, { onUpdate: () => ready({ editor: 'lexical' }) });
