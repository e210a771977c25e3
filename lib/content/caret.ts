import type { NativeField } from './adapters/native-field';

/** Above this many characters a field is not mirrored (layout of the copy would be a long task). */
const MIRROR_MAX_CHARACTERS = 20_000;

const COPIED = [
  'box-sizing', 'width', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'font-style', 'font-variant', 'font-weight',
  'font-stretch', 'font-size', 'line-height', 'font-family', 'letter-spacing', 'word-spacing', 'text-indent',
  'text-transform', 'tab-size', 'direction',
] as const;

/**
 * Where a field's selection ends, in the field's own coordinates: a hidden copy of the field
 * (same box, font and wrapping) laid out up to that point. The usual technique for fields,
 * which have no text ranges to measure.
 */
export function caretOffset(field: NativeField, mirrorParent: Element): { x: number; y: number } | null {
  if (field.value.length > MIRROR_MAX_CHARACTERS) return null;
  const doc = mirrorParent.ownerDocument;
  const style = field.ownerDocument.defaultView?.getComputedStyle(field);
  if (!style) return null;
  const mirror = doc.createElement('div');
  for (const name of COPIED) mirror.style.setProperty(name, style.getPropertyValue(name));
  const multiline = field.tagName === 'TEXTAREA';
  Object.assign(mirror.style, {
    position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', overflow: 'hidden', borderStyle: 'solid',
    whiteSpace: multiline ? 'pre-wrap' : 'pre', overflowWrap: multiline ? 'break-word' : 'normal',
  });
  const end = field.selectionEnd ?? field.value.length;
  mirror.textContent = field.value.slice(0, end);
  const marker = doc.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  mirrorParent.append(mirror);
  const top = marker.offsetTop + marker.offsetHeight;
  const left = marker.offsetLeft;
  mirror.remove();
  return { x: left - field.scrollLeft, y: top - field.scrollTop };
}
