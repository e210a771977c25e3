import type { Point } from '../read';
import { boxesCover, lastBoxAnchor } from './anchor';
import type { SiteReader } from './hook';

/** Notion highlights whole selected blocks with a halo; that is no DOM selection. */
const HALO = '.notion-selectable-halo';
const BLOCK = '[data-block-id], .notion-selectable';

/** The highlighted blocks, outermost only (a selected toggle's children are in its text), in page order. */
export function haloBlocks(doc: Document): Element[] {
  const blocks = new Set<Element>();
  for (const halo of doc.querySelectorAll(HALO)) {
    const block = halo.parentElement?.closest(BLOCK);
    if (block) blocks.add(block);
  }
  return [...blocks].filter((block) => ![...blocks].some((other) => other !== block && other.contains(block)));
}

/** Notion: a whole-block selection is estimated from the highlighted blocks' text; text selections read as anywhere. */
export function createNotionReader(doc: Document): SiteReader {
  return {
    async selection(pointer: Point | null) {
      const blocks = haloBlocks(doc);
      const text = blocks.map((block) => (block as HTMLElement).innerText.trim()).filter((line) => line !== '').join('\n');
      return /\S/.test(text) ? { text, anchor: lastBoxAnchor(() => blocks, pointer) } : null;
    },
    focusedText: async () => null,
    covers: (x, y) => boxesCover(haloBlocks(doc), x, y),
  };
}
