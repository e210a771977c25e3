import { PARAGRAPHS, ready } from './sample.js';

/*
 * A stand-in for Google Docs with exactly the interfaces ScriptMeter's Docs reader relies on:
 * - the text is drawn on a canvas (no DOM text), selected with the mouse or Shift+arrows/Ctrl+A;
 * - keys go to a same-origin "text-event" iframe holding a contenteditable, as in Docs;
 * - copy events on that iframe are filled with the selected text (Docs' copy handler);
 * - with `_docs_annotate_canvas_by_ext` set before load, `_docs_annotate_getAnnotatedText()`
 *   resolves to { getText, getSelection, setSelection } (text with Docs' control characters:
 *   ETX at the start, a newline after each paragraph) and the selection is also drawn as SVG
 *   rectangles in .kix-canvas-tile-selection.
 * Query `?annotate=off` ignores the flag (as if Docs refused it); `?annotate=empty` exposes the
 * interface with an empty text. Counters on window.fixture let tests see which path was used.
 */
const mode = new URLSearchParams(location.search).get('annotate') ?? 'on';
const flag = window.__flagAtLoad;
const annotated = typeof flag === 'string' && flag !== '' && mode !== 'off';

let text = `\u0003${PARAGRAPHS.join('\n')}\n`;
let selection = { anchor: 1, focus: 1 };
const counters = { annotatedReads: 0, copyEvents: 0, trustedCopies: 0, edits: 0 };

const PAD = 48;
const LINE = 24;
const FONT = '16px monospace';
const canvas = document.querySelector('canvas');
const page = document.querySelector('.kix-page');
canvas.width = page.clientWidth;
canvas.height = page.clientHeight;
const ctx = canvas.getContext('2d');
ctx.font = FONT;
const charWidth = ctx.measureText('M').width;
const perLine = Math.floor((canvas.width - 2 * PAD) / charWidth);

/** Lines: [start, end) offsets into `text`, wrapped at word boundaries. */
function layout() {
  const lines = [];
  let offset = 1; // after ETX
  for (const paragraph of text.slice(1).split('\n').slice(0, -1)) {
    let start = offset;
    const end = offset + paragraph.length;
    if (paragraph.length === 0) lines.push([start, start]);
    while (start < end) {
      let stop = Math.min(end, start + perLine);
      if (stop < end) {
        const space = text.lastIndexOf(' ', stop);
        if (space > start) stop = space + 1;
      }
      lines.push([start, stop]);
      start = stop;
    }
    offset = end + 1;
  }
  return lines;
}

const range = () => [Math.min(selection.anchor, selection.focus), Math.max(selection.anchor, selection.focus)];
const pointOf = (lines, offset) => {
  const index = Math.max(0, lines.findIndex(([s, e], i) => offset >= s && (offset < e || i === lines.length - 1 || offset === e && lines[i + 1][0] > e)));
  const [s] = lines[index];
  return { x: PAD + (offset - s) * charWidth, y: PAD + index * LINE };
};

function draw() {
  const lines = layout();
  const [from, to] = range();
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const svg = document.querySelector('.kix-canvas-tile-selection svg');
  svg.querySelectorAll('rect.sel').forEach((rect) => rect.remove());
  lines.forEach(([s, e], i) => {
    const y = PAD + i * LINE;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (b > a) {
      const x = PAD + (a - s) * charWidth;
      const width = (b - a) * charWidth;
      ctx.fillStyle = '#c8dafc';
      ctx.fillRect(x, y, width, LINE);
      if (annotated) {
        const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        rect.setAttribute('class', 'sel');
        Object.entries({ x, y, width, height: LINE }).forEach(([k, v]) => rect.setAttribute(k, String(v)));
        svg.append(rect);
      }
    }
    ctx.fillStyle = '#202124';
    ctx.font = FONT;
    ctx.fillText(text.slice(s, e), PAD, y + 17);
  });
  const caret = document.querySelector('.kix-cursor-caret');
  const at = pointOf(lines, selection.focus);
  Object.assign(caret.style, { left: `${at.x}px`, top: `${at.y}px`, height: `${LINE}px` });
}

function offsetAt(clientX, clientY) {
  const rect = canvas.getBoundingClientRect();
  const lines = layout();
  const row = Math.min(lines.length - 1, Math.max(0, Math.floor((clientY - rect.top - PAD) / LINE)));
  const [s, e] = lines[row];
  return Math.min(e, Math.max(s, s + Math.round((clientX - rect.left - PAD) / charWidth)));
}

// The text-event iframe: same-origin, about:blank, holding the contenteditable that gets the keys.
const frame = document.createElement('iframe');
frame.className = 'docs-texteventtarget-iframe';
frame.title = 'Document content';
document.querySelector('#docs-editor').append(frame);
const inner = frame.contentDocument;
inner.body.innerHTML = '<div contenteditable="true" role="textbox" aria-label="Document content" style="min-height:1em"></div>';
const editable = inner.querySelector('[contenteditable]');

const cleanText = (raw) => raw.replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '');

inner.addEventListener('copy', (event) => {
  counters.copyEvents++;
  if (event.isTrusted) counters.trustedCopies++;
  if (!event.clipboardData) return;
  const [from, to] = range();
  event.clipboardData.setData('text/plain', cleanText(text.slice(from, to)));
  event.preventDefault();
});

let dragging = false;
canvas.addEventListener('mousedown', (event) => {
  event.preventDefault();
  const offset = offsetAt(event.clientX, event.clientY);
  selection = event.shiftKey ? { anchor: selection.anchor, focus: offset } : { anchor: offset, focus: offset };
  dragging = true;
  editable.focus();
  draw();
});
window.addEventListener('mousemove', (event) => {
  if (!dragging) return;
  selection = { anchor: selection.anchor, focus: offsetAt(event.clientX, event.clientY) };
  draw();
});
window.addEventListener('mouseup', () => { dragging = false; });

inner.addEventListener('keydown', (event) => {
  const max = text.length - 1;
  if ((event.ctrlKey || event.metaKey) && event.key === 'a') {
    selection = { anchor: 1, focus: max };
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    const focus = Math.min(max, Math.max(1, selection.focus + (event.key === 'ArrowRight' ? 1 : -1)));
    selection = event.shiftKey ? { anchor: selection.anchor, focus } : { anchor: focus, focus };
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
    const [from, to] = range();
    text = text.slice(0, from) + event.key + text.slice(to);
    selection = { anchor: from + 1, focus: from + 1 };
    counters.edits++;
  } else {
    return;
  }
  event.preventDefault();
  draw();
});

if (annotated) {
  window._docs_annotate_getAnnotatedText = async () => {
    counters.annotatedReads++;
    const snapshot = mode === 'empty' ? '' : text;
    const [start, end] = range();
    return {
      getText: () => snapshot,
      getSelection: () => [{ start, end }],
      setSelection: (a, b) => { selection = { anchor: a, focus: b }; draw(); },
    };
  };
}

draw();
ready({
  editor: 'docs',
  flag,
  annotated,
  counters,
  text: () => text,
  selection: () => ({ ...selection }),
  /** Selects [from, to) of the raw text as a user's drag would leave it (for assertions only). */
  rawSlice: (from, to) => text.slice(from, to),
  /** Viewport point of a raw offset, to drag to. */
  pointAt: (offset) => {
    const at = pointOf(layout(), offset);
    const rect = canvas.getBoundingClientRect();
    return { x: rect.left + at.x, y: rect.top + at.y + LINE / 2 };
  },
});
