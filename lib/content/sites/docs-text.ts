/**
 * Google Docs' annotated text, as `_docs_annotate_getAnnotatedText()` gives it: the document as one
 * string with control characters for structure (ETX at the start, FS between sections and tabs,
 * VT for a line break inside a paragraph, others around tables and inline objects), and the
 * selection as offsets into that string.
 */

export interface DocsRange {
  start: number;
  end: number;
}

/** The page-world part's answer once checked: `available` false when Docs exposes no annotated text. */
export type DocsAnnotated = { available: false } | { available: true; text: string; ranges: DocsRange[] };

/**
 * The page-world part's answer, checked: it crosses from the page, which could send anything under
 * that event name, and the page-world part sends Docs' ranges unchecked (lib/content/sites/docs-page.ts).
 * No zod here: the content script's size budget has no room for it.
 */
export function docsAnnotated(raw: unknown): DocsAnnotated | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  if (record.available === false) return { available: false };
  if (record.available !== true || typeof record.text !== 'string') return null;
  return { available: true, text: record.text, ranges: selectionRanges(record.ranges, record.text.length) };
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The selection's ranges, ordered, clamped to the text and non-empty. Docs reports a range as
 * start/end; older builds used anchor/focus. A collapsed selection (a caret) gives none.
 */
export function selectionRanges(raw: unknown, length: number): DocsRange[] {
  if (!Array.isArray(raw)) return [];
  const ranges: DocsRange[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const a = finite(record.start) ?? finite(record.anchor);
    const b = finite(record.end) ?? finite(record.focus);
    if (a === null || b === null) continue;
    const start = Math.max(0, Math.min(a, b, length));
    const end = Math.min(length, Math.max(a, b));
    if (end > start) ranges.push({ start, end });
  }
  return ranges.sort((x, y) => x.start - y.start);
}

/** Line and section marks become line breaks; other control characters (object placeholders) go. */
export function cleanDocsText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\u001c-\u001f]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000e-\u001b\u007f]/g, '');
}

/** The selected text: each range's slice, cleaned, joined by line breaks. */
export function selectedDocsText(text: string, ranges: readonly DocsRange[]): string {
  return ranges.map((range) => cleanDocsText(text.slice(range.start, range.end))).join('\n');
}
