import type { Point } from '../read';
import { boxesCover, lastBoxAnchor } from './anchor';
import type { SiteReader } from './hook';

/** Word for the web draws the selection by marking the selected runs; there is no DOM selection. */
const SELECTED_RUN = 'span.Selected';
const PARAGRAPH = 'p, .Paragraph, [role="paragraph"]';

/** The marked runs' text, a line per paragraph (a run may be split where the selection starts or ends). */
export function selectedRunsText(runs: Iterable<Element>): string {
  const lines: string[] = [];
  let paragraph: Element | null | undefined;
  for (const run of runs) {
    // Runs nested in a marked run are counted with it.
    if (run.parentElement?.closest(SELECTED_RUN)) continue;
    const owner = run.closest(PARAGRAPH);
    if (lines.length === 0 || owner !== paragraph) lines.push('');
    paragraph = owner;
    lines[lines.length - 1] += run.textContent ?? '';
  }
  return lines.join('\n');
}

/** Word for the web, inside its editing frame. */
export function createWordReader(doc: Document): SiteReader {
  const runs = () => doc.querySelectorAll(SELECTED_RUN);
  return {
    async selection(pointer: Point | null) {
      const text = selectedRunsText(runs());
      return /\S/.test(text) ? { text, anchor: lastBoxAnchor(runs, pointer) } : null;
    },
    // Word's page is contenteditable: the general reader takes the whole text.
    focusedText: async () => null,
    covers: (x, y) => boxesCover(runs(), x, y),
  };
}
