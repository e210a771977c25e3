import { readFocusedText, readSelection, type ReadOptions, type SelectionRead } from './read';
import { siteReader } from './sites/hook';

/** What is selected now: the site's own selection where a site reader runs, else the DOM's or an editor's. */
export async function selectionNow(doc: Document, options: ReadOptions = {}): Promise<SelectionRead | null> {
  const fromSite = await siteReader()?.selection(options.pointer ?? null).catch(() => null);
  return fromSite ?? readSelection(doc, options);
}

/** The focused editor's whole text and the element to place a chip on. */
export async function focusedTextNow(doc: Document): Promise<{ text: string; root: Element } | null> {
  const fromSite = await siteReader()?.focusedText().catch(() => null);
  if (fromSite) return fromSite;
  const focused = readFocusedText(doc);
  return focused && { text: focused.text, root: focused.editor.root };
}
