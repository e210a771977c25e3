export interface Size {
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 4;
const CORNER_INSET = 12;

/**
 * Where the tooltip's top-left goes: just below the anchor's bottom-right corner (the end of the
 * selection), flipped above when there is no room, kept inside the viewport. Null when the anchor
 * has scrolled out of view, so the tooltip goes with it.
 */
export function placeTooltip(anchor: DOMRectReadOnly, tooltip: Size, viewport: Size): { x: number; y: number } | null {
  if (anchor.bottom < 0 || anchor.top > viewport.height || anchor.right < 0 || anchor.left > viewport.width) return null;
  const below = anchor.bottom + GAP;
  const y = below + tooltip.height <= viewport.height - MARGIN ? below : Math.max(MARGIN, anchor.top - GAP - tooltip.height);
  // Left edge just before the corner, so the box grows rightwards when the exact figure replaces the first.
  const x = Math.min(anchor.right - CORNER_INSET, viewport.width - MARGIN - tooltip.width);
  return { x: Math.round(Math.max(MARGIN, x)), y: Math.round(y) };
}

/** The chip sits inside the field's bottom-right corner, or its visible part's. */
export function placeChip(field: DOMRectReadOnly, chip: Size, viewport: Size): { x: number; y: number } | null {
  const bottom = Math.min(field.bottom, viewport.height);
  const right = Math.min(field.right, viewport.width);
  if (bottom - chip.height < Math.max(field.top, 0) || right <= 0 || field.left > viewport.width) return null;
  return { x: Math.round(Math.max(field.left, right - chip.width - GAP)), y: Math.round(bottom - chip.height - GAP) };
}
