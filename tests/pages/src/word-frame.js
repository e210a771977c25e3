import { PARAGRAPHS, ready } from './sample.js';

/*
 * Word for the web's editing frame as ScriptMeter sees it: paragraphs of text runs, and the selection
 * drawn by marking the selected runs `span.Selected` (split where the selection starts and ends),
 * with no DOM selection. Mouse drags select.
 */
const panel = document.querySelector('.WACViewPanel');
let selection = null; // { from: [p, offset], to: [p, offset] }

const ordered = () => {
  if (!selection) return null;
  const { from, to } = selection;
  return from[0] < to[0] || (from[0] === to[0] && from[1] <= to[1]) ? [from, to] : [to, from];
};

function render() {
  const range = ordered();
  panel.replaceChildren(...PARAGRAPHS.map((text, p) => {
    const para = document.createElement('p');
    para.className = 'Paragraph';
    para.dataset.index = String(p);
    const run = document.createElement('span');
    run.className = 'TextRun';
    let pieces = [[text, false]];
    if (range && p >= range[0][0] && p <= range[1][0]) {
      const a = p === range[0][0] ? range[0][1] : 0;
      const b = p === range[1][0] ? range[1][1] : text.length;
      pieces = [[text.slice(0, a), false], [text.slice(a, b), true], [text.slice(b), false]];
    }
    for (const [part, selected] of pieces) {
      if (!part) continue;
      const span = document.createElement('span');
      span.className = selected ? 'NormalTextRun Selected' : 'NormalTextRun';
      span.textContent = part;
      run.append(span);
    }
    para.append(run);
    return para;
  }));
}

/** [paragraph, offset] under a point. */
function positionAt(x, y) {
  const caret = document.caretPositionFromPoint?.(x, y) ?? null;
  const node = caret?.offsetNode ?? document.caretRangeFromPoint?.(x, y)?.startContainer;
  const offset = caret?.offset ?? document.caretRangeFromPoint?.(x, y)?.startOffset ?? 0;
  const para = node?.parentElement?.closest('.Paragraph');
  if (!para) return null;
  let before = 0;
  for (const span of para.querySelectorAll('.NormalTextRun')) {
    if (span.firstChild === node) return [Number(para.dataset.index), before + offset];
    before += span.textContent.length;
  }
  return null;
}

let dragging = false;
panel.addEventListener('mousedown', (event) => {
  event.preventDefault();
  const at = positionAt(event.clientX, event.clientY);
  selection = at ? { from: at, to: at } : null;
  dragging = at !== null;
  panel.focus();
  render();
});
window.addEventListener('mousemove', (event) => {
  if (!dragging) return;
  const at = positionAt(event.clientX, event.clientY);
  if (at) { selection.to = at; render(); }
});
window.addEventListener('mouseup', () => { dragging = false; document.getSelection().removeAllRanges(); });

render();
ready({
  editor: 'word',
  /** Viewport point just inside character `offset` of paragraph `p`. */
  pointAt: (p, offset) => {
    const para = panel.querySelectorAll('.Paragraph')[p];
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    let left = offset;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (left <= node.data.length) {
        const range = document.createRange();
        range.setStart(node, Math.min(left, node.data.length - 1));
        range.setEnd(node, Math.min(left + 1, node.data.length));
        const rect = range.getBoundingClientRect();
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }
      left -= node.data.length;
    }
    return null;
  },
  selectedText: () => [...document.querySelectorAll('span.Selected')].map((s) => s.textContent).join('|'),
});
