import { selectionOf } from './dom';

/** Is the point over the document's selected text? Asks for one caret position, not every line box. */
export function pointIsInSelection(doc: Document, x: number, y: number): boolean {
  const selection = selectionOf(doc);
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (!caret?.offsetNode) return false;
  try {
    return selection.getRangeAt(0).comparePoint(caret.offsetNode, caret.offset) === 0;
  } catch {
    return false; // the caret is in another tree (a shadow root, a field)
  }
}
