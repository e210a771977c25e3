import type { Size } from './position';

/** The top-level viewport without scrollbars. */
export function viewportOf(doc: Document): Size {
  return { width: doc.documentElement.clientWidth || (doc.defaultView?.innerWidth ?? 0), height: doc.defaultView?.innerHeight ?? 0 };
}
