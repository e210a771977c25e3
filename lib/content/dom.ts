/** Page-reading helpers: pure functions of the document passed in. */

export interface Focus {
  /** The innermost focused element, through open shadow roots and same-origin frames. */
  element: Element | null;
  /** The tree holding it: its document, or the shadow root it lives in. */
  root: Document | ShadowRoot;
}

/** An event's target when it is an element, of whichever frame (so no `instanceof`). */
export function asElement(target: EventTarget | null): Element | null {
  return target !== null && (target as Node).nodeType === Node.ELEMENT_NODE ? (target as Element) : null;
}

/** Same-origin frame documents only; cross-origin ones throw or return null. */
export function frameDocument(element: Element): Document | null {
  if (element.tagName !== 'IFRAME' && element.tagName !== 'FRAME') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

export function deepFocus(doc: Document): Focus {
  let root: Document | ShadowRoot = doc;
  let element = doc.activeElement;
  for (;;) {
    if (!element) return { element: null, root };
    const inner = element.shadowRoot?.activeElement ?? null;
    if (inner && element.shadowRoot) {
      root = element.shadowRoot;
      element = inner;
      continue;
    }
    const frameDoc = frameDocument(element);
    if (frameDoc?.activeElement) {
      root = frameDoc;
      element = frameDoc.activeElement;
      continue;
    }
    return { element, root };
  }
}

/** The selection for a tree: Chromium keeps shadow-root selections on the shadow root. */
export function selectionOf(root: Document | ShadowRoot): Selection | null {
  const fromShadow = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection;
  if (root.nodeType !== root.DOCUMENT_NODE && typeof fromShadow === 'function') return fromShadow.call(root);
  return documentOf(root).getSelection();
}

/** Offset of a (possibly nested) same-origin frame's viewport within the top viewport. */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let frame = doc.defaultView?.frameElement ?? null; frame; frame = frame.ownerDocument.defaultView?.frameElement ?? null) {
    const rect = frame.getBoundingClientRect();
    x += rect.left + frame.clientLeft;
    y += rect.top + frame.clientTop;
  }
  return { x, y };
}

export function shiftRect(rect: DOMRectReadOnly, by: { x: number; y: number }): DOMRect {
  return new DOMRect(rect.left + by.x, rect.top + by.y, rect.width, rect.height);
}

/** The part of `rect` inside the viewport, or null when none is. */
export function visiblePart(rect: DOMRectReadOnly, viewport: { width: number; height: number }): DOMRect | null {
  const left = Math.max(rect.left, 0);
  const top = Math.max(rect.top, 0);
  const right = Math.min(rect.right, viewport.width);
  const bottom = Math.min(rect.bottom, viewport.height);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : null;
}

/** The point inside `bounds` nearest to `rect`'s bottom-right corner. */
export function pinInto(rect: DOMRectReadOnly, bounds: DOMRectReadOnly): DOMRect {
  const x = Math.min(Math.max(rect.right, bounds.left), bounds.right);
  const y = Math.min(Math.max(rect.bottom, bounds.top), bounds.bottom);
  return new DOMRect(x, y - Math.min(rect.height, y - bounds.top), 0, Math.min(rect.height, y - bounds.top));
}

/** The node's own document (a document is its own). */
export function documentOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}
