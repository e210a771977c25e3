import { describe, expect, it } from 'vitest';
import { placeChip, placeTooltip } from '@/lib/content/position';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRectReadOnly;
const viewport = { width: 1000, height: 800 };
const tooltip = { width: 200, height: 30 };

describe('placeTooltip', () => {
  it('goes just below the selection end, its left edge near the corner', () => {
    expect(placeTooltip(rect(300, 100, 0, 20), tooltip, viewport)).toEqual({ x: 288, y: 126 });
  });
  it('flips above when there is no room below', () => {
    expect(placeTooltip(rect(300, 770, 0, 20), tooltip, viewport)).toEqual({ x: 288, y: 734 });
  });
  it('stays inside the viewport at the right and left edges', () => {
    expect(placeTooltip(rect(990, 100, 0, 20), tooltip, viewport)?.x).toBe(796);
    expect(placeTooltip(rect(2, 100, 0, 20), tooltip, viewport)?.x).toBe(4);
  });
  it('is gone when the selection has scrolled out of view', () => {
    expect(placeTooltip(rect(300, -50, 0, 20), tooltip, viewport)).toBeNull();
    expect(placeTooltip(rect(300, 900, 0, 20), tooltip, viewport)).toBeNull();
  });
});

describe('placeChip', () => {
  it('sits inside the field\'s bottom-right corner, or its visible part\'s', () => {
    expect(placeChip(rect(100, 100, 400, 200), { width: 80, height: 20 }, viewport)).toEqual({ x: 414, y: 274 });
    expect(placeChip(rect(100, 700, 400, 400), { width: 80, height: 20 }, viewport)).toEqual({ x: 414, y: 774 });
  });
  it('is gone when the field is too small or out of view', () => {
    expect(placeChip(rect(100, 100, 400, 10), { width: 80, height: 20 }, viewport)).toBeNull();
    expect(placeChip(rect(100, 900, 400, 200), { width: 80, height: 20 }, viewport)).toBeNull();
  });
});
