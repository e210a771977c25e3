import type { Point, SelectionRead } from '../read';

/**
 * Sites that draw their own selection (Google Docs' canvas, Word for the web's highlighted spans,
 * Notion's highlighted blocks) are read by a small script loaded only on their hosts. It registers
 * here, on the content scripts' shared global (every content script of the extension in a frame
 * shares one isolated world), and the general content script asks it before reading the DOM, so
 * the general script carries no site's code.
 */
export interface SiteReader {
  /** The site's own selection, or null when it has none (the DOM selection is read instead). */
  selection(pointer: Point | null): Promise<SelectionRead | null>;
  /** The whole document while the site's editor has focus, for the chip and the popup; null otherwise. */
  focusedText(): Promise<{ text: string; root: Element } | null>;
  /** Is the point (in this document's viewport) over the selection the site draws? Hovering it shows the figure again. */
  covers(x: number, y: number): boolean;
}

const KEY = Symbol.for('scriptmeter.siteReader');
type Holder = { [KEY]?: SiteReader };

export function registerSiteReader(reader: SiteReader): void {
  (globalThis as Holder)[KEY] = reader;
}

export function siteReader(): SiteReader | undefined {
  return (globalThis as Holder)[KEY];
}
