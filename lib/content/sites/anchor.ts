import type { Point } from '../read';

/** Where to point in a site that draws its own selection: the last drawn box, else the pointer. */
export function lastBoxAnchor(boxes: () => Iterable<Element>, pointer: Point | null): () => DOMRect | null {
  return () => {
    let last: DOMRect | null = null;
    for (const box of boxes()) {
      const rect = box.getBoundingClientRect();
      if (rect.width <= 0 || rect.height <= 0) continue;
      // Reading order: the lowest line, and on it the rightmost box.
      if (!last || rect.bottom > last.bottom + 1 || (Math.abs(rect.bottom - last.bottom) <= 1 && rect.right > last.right)) last = rect;
    }
    return last ?? (pointer ? new DOMRect(pointer.x, pointer.y, 0, 0) : null);
  };
}

/** Is the point inside one of the boxes a site draws its selection with? */
export function boxesCover(boxes: Iterable<Element>, x: number, y: number): boolean {
  for (const box of boxes) {
    const rect = box.getBoundingClientRect();
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom && rect.width > 0 && rect.height > 0) return true;
  }
  return false;
}
