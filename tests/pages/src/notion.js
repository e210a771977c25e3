import { PARAGRAPHS, ready } from './sample.js';

/*
 * Notion's two kinds of selection: text inside a block's contenteditable (a DOM selection, read as
 * anywhere else), and whole blocks, started by dragging from the page's left margin: the blocks
 * under the drag get a halo element and the DOM selection is cleared.
 */
const content = document.querySelector('.notion-page-content');
const blocks = [...PARAGRAPHS, 'A last short block.'].map((text, i) => {
  const block = document.createElement('div');
  block.className = 'notion-selectable notion-text-block';
  block.dataset.blockId = `block-${i + 1}`;
  const editable = document.createElement('div');
  editable.contentEditable = 'true';
  editable.className = 'notranslate';
  editable.textContent = text;
  block.append(editable);
  content.append(block);
  return block;
});

let dragFrom = null;
const clearHalos = () => document.querySelectorAll('.notion-selectable-halo').forEach((halo) => halo.remove());
function highlight(y1, y2) {
  clearHalos();
  const top = Math.min(y1, y2);
  const bottom = Math.max(y1, y2);
  for (const block of blocks) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom >= top && rect.top <= bottom) {
      const halo = document.createElement('div');
      halo.className = 'notion-selectable-halo';
      block.append(halo);
    }
  }
}

content.addEventListener('mousedown', (event) => {
  if (event.target.closest('[contenteditable]')) { clearHalos(); return; }
  event.preventDefault();
  document.getSelection().removeAllRanges();
  document.activeElement?.blur();
  dragFrom = event.clientY;
  highlight(dragFrom, dragFrom);
});
window.addEventListener('mousemove', (event) => { if (dragFrom !== null) highlight(dragFrom, event.clientY); });
window.addEventListener('mouseup', () => { dragFrom = null; });

ready({ editor: 'notion' });
