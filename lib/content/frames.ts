import type { ContentContext } from './context';
import { asElement, frameDocument } from './dom';
import { nextTasks } from './schedule';

/**
 * Same-origin frames (TinyMCE's classic iframe, preview panes) get the same listeners as the top
 * page. Cross-origin frames cannot be read and are left alone. `focusMovedIn` runs when a frame is
 * first met by focus moving into it, whose own focus events came before its listeners.
 */
export function watchFrames(ctx: ContentContext, top: Window, attach: (win: Window) => void, focusMovedIn: () => void): void {
  const seen = new WeakSet<Document>();
  const later = nextTasks(ctx);
  const adopt = (element: Element | null): boolean => {
    const inner = element ? frameDocument(element) : null;
    const innerWin = inner?.defaultView;
    if (!inner || !innerWin || seen.has(inner)) return false;
    seen.add(inner);
    attach(innerWin);
    watch(innerWin);
    return true;
  };
  const watch = (win: Window) => {
    // The pointer reaching a frame: its listeners are in place before the press that selects in it,
    // whatever the browser's order of blur and focus (Firefox under load focused too late for them).
    ctx.addEventListener(win, 'pointerover', (event) => void adopt(asElement(event.target)), { capture: true, passive: true });
    // Focus moving by keyboard, into a frame or from one frame to another: Chromium moves it before
    // the blur of the window it leaves, Firefox just after.
    ctx.addEventListener(win, 'blur', () => {
      visit();
      later(visit);
    });
  };
  /** Adopts the frames along the focus, from the top document down. */
  const visit = () => {
    let moved = false;
    for (let focused = top.document.activeElement; focused; ) {
      const inner = frameDocument(focused);
      if (!inner) break;
      moved = adopt(focused) || moved;
      focused = inner.activeElement;
    }
    if (moved) focusMovedIn();
  };
  watch(top);
}
