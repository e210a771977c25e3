import { DOCS_REPLY, DOCS_REQUEST } from './docs-protocol';

interface AnnotatedText {
  getText?: () => unknown;
  getSelection?: () => unknown;
}

interface DocsWindow {
  _docs_annotate_canvas_by_ext?: string;
  _docs_annotate_getAnnotatedText?: (requester?: string) => AnnotatedText | Promise<AnnotatedText>;
}

/** The page's own view of the window (Firefox content scripts see it through an Xray wrapper). */
function pageWindow(win: Window): DocsWindow {
  return ((win as Window & { wrappedJSObject?: DocsWindow }).wrappedJSObject ?? win) as DocsWindow;
}

/** What the reader is sent; it checks, orders and clamps the ranges itself (docsAnnotated), as the page could send anything. */
type PageAnswer = { available: false } | { available: true; text: string; ranges: unknown };
type RawRange = { start?: unknown; end?: unknown; anchor?: unknown; focus?: unknown } | null | undefined;

/** Docs' ranges as plain records (whatever objects Docs uses, only these fields cross as JSON). */
const plainRanges = (raw: unknown): unknown => (Array.isArray(raw) ? raw.map((range: RawRange) => ({ start: range?.start, end: range?.end, anchor: range?.anchor, focus: range?.focus })) : []);

/** Reads Docs' annotated text afresh: the object Docs hands out is reported to go stale while typing. */
async function readAnnotated(page: DocsWindow, requester: string): Promise<PageAnswer> {
  const get = page._docs_annotate_getAnnotatedText;
  if (typeof get !== 'function') return { available: false };
  const annotated = await get(requester);
  const text = annotated?.getText?.();
  if (typeof text !== 'string') return { available: false };
  return { available: true, text, ranges: plainRanges(annotated.getSelection?.()) };
}

/**
 * Google Docs, in the page's world at document_start: asks Docs for its annotated canvas (text and
 * selection for extensions, selection drawn as SVG rectangles) under ScriptMeter's own id, then
 * answers the content script's requests for the annotated text.
 */
export function serveDocsPage(win: Window, requester: string): void {
  const page = pageWindow(win);
  try {
    page._docs_annotate_canvas_by_ext = requester;
  } catch {
    // A page that froze its window: Docs then shows no annotated text and the reader copies instead.
  }
  win.addEventListener(DOCS_REQUEST, (event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (typeof id !== 'string') return;
    const answer = (reply: PageAnswer) => win.dispatchEvent(new CustomEvent(DOCS_REPLY, { detail: JSON.stringify({ id, reply }) }));
    // A reply that cannot be sent (a range field JSON cannot carry) is no annotated text, not no answer.
    readAnnotated(page, requester).then(answer).catch(() => answer({ available: false }));
  });
}
