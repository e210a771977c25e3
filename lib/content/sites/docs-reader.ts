import type { Point, SelectionRead } from '../read';
import { boxesCover, lastBoxAnchor } from './anchor';
import { DOCS_REPLY, DOCS_REQUEST } from './docs-protocol';
import { cleanDocsText, docsAnnotated, selectedDocsText, type DocsAnnotated } from './docs-text';
import type { SiteReader } from './hook';

/** Docs answers from its model in a few milliseconds; past this the copy fallback is used instead. */
const ANNOTATED_TIMEOUT_MS = 400;
/** The text export runs a few seconds behind typing anyway: ask for it at most this often. */
const EXPORT_FRESH_MS = 10_000;

const TEXT_EVENT_FRAME = '.docs-texteventtarget-iframe';
const EDITOR = '.kix-appview-editor';
/** Docs' selection, drawn as SVG rectangles over the canvas in annotated-canvas mode. */
const SELECTION_BOXES = '.kix-canvas-tile-selection svg rect';
const CARET = '.kix-cursor-caret';

function askPage(win: Window): Promise<DocsAnnotated | null> {
  const id = `${Date.now()}-${Math.random()}`;
  return new Promise((resolve) => {
    const done = (value: DocsAnnotated | null) => {
      win.removeEventListener(DOCS_REPLY, onReply);
      clearTimeout(timer);
      resolve(value);
    };
    const onReply = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string') return;
      try {
        const parsed = JSON.parse(detail) as { id?: unknown; reply?: unknown };
        const reply = parsed.id === id ? docsAnnotated(parsed.reply) : null;
        if (reply) done(reply);
      } catch {
        // Not ours.
      }
    };
    const timer = setTimeout(() => done(null), ANNOTATED_TIMEOUT_MS);
    win.addEventListener(DOCS_REPLY, onReply);
    win.dispatchEvent(new CustomEvent(DOCS_REQUEST, { detail: id }));
  });
}

/**
 * The selection through Docs' own copy handler: a copy event carrying a fresh DataTransfer, sent to
 * the text-event frame where Docs listens. Docs writes the selection into that DataTransfer; the
 * clipboard, the document and the selection stay as they were (no copy command runs).
 */
function copiedSelection(doc: Document): string | null {
  const frame = doc.querySelector<HTMLIFrameElement>(TEXT_EVENT_FRAME);
  const inner = frame?.contentDocument;
  const view = inner?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!inner || !view) return null;
  const target = inner.querySelector('[contenteditable="true"]') ?? inner.body;
  if (!target) return null;
  const event = new view.ClipboardEvent('copy', { bubbles: true, cancelable: true, composed: true, clipboardData: new view.DataTransfer() });
  // Firefox closes the event's DataTransfer to reading once the dispatch is over: read it as the
  // event leaves the frame's window, after Docs' handler; Chromium also lets it be read afterwards.
  let copied = '';
  const read = (seen: Event) => {
    if (seen === event) copied = event.clipboardData?.getData('text/plain') ?? '';
  };
  view.addEventListener('copy', read);
  try {
    target.dispatchEvent(event);
  } finally {
    view.removeEventListener('copy', read);
  }
  return copied || event.clipboardData?.getData('text/plain') || null;
}

function editorFocused(doc: Document): boolean {
  const active = doc.activeElement;
  return active !== null && (active.matches(TEXT_EVENT_FRAME) || active.closest(EDITOR) !== null);
}

/** The text export of the open document, from the page with the user's own session. */
function createExportReader(doc: Document) {
  let last: { id: string; at: number; text: string | null } | null = null;
  // Firefox: `content.fetch` requests as the page does; Chromium's content-script fetch already does.
  const pageFetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch;
  return async (): Promise<string | null> => {
    const id = /\/document\/d\/([\w-]+)/.exec(doc.location.pathname)?.[1];
    if (!id) return null;
    if (last?.id === id && Date.now() - last.at < EXPORT_FRESH_MS) return last.text;
    let text: string | null = null;
    try {
      const response = await pageFetch(new URL(`/document/d/${id}/export?format=txt`, doc.location.origin).href, { credentials: 'same-origin' });
      // Signed out or downloads blocked by the owner: an error or a sign-in page, not the text.
      if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/plain')) text = cleanDocsText(await response.text());
    } catch {
      text = null;
    }
    last = { id, at: Date.now(), text };
    return text;
  };
}

/** Google Docs: the selection and the whole document from Docs' annotated text, else by copy and export. */
export function createDocsReader(doc: Document): SiteReader {
  const win = doc.defaultView ?? window;
  const exported = createExportReader(doc);
  const boxes = () => [...doc.querySelectorAll(SELECTION_BOXES)].filter((box) => !box.closest('clipPath'));
  const caret = () => doc.querySelectorAll(CARET);

  return {
    async selection(pointer: Point | null): Promise<SelectionRead | null> {
      const annotated = await askPage(win);
      let text: string | null;
      if (annotated?.available && annotated.text !== '') {
        // Docs knows the selection: a caret alone means nothing is selected.
        if (annotated.ranges.length === 0) return null;
        text = selectedDocsText(annotated.text, annotated.ranges);
      } else {
        text = copiedSelection(doc);
      }
      if (!text || !/\S/.test(text)) return null;
      const drawn = lastBoxAnchor(boxes, null);
      const atCaret = lastBoxAnchor(caret, pointer);
      return { text: cleanDocsText(text), anchor: () => drawn() ?? atCaret() };
    },
    async focusedText() {
      if (!editorFocused(doc)) return null;
      const root = doc.querySelector(EDITOR);
      if (!root) return null;
      const annotated = await askPage(win);
      const text = annotated?.available && annotated.text !== '' ? cleanDocsText(annotated.text) : await exported();
      return text === null ? null : { text, root };
    },
    // The annotated canvas's rectangles; without them (Docs ignoring the flag) there is nothing to hover.
    covers: (x, y) => boxesCover(boxes(), x, y),
  };
}
