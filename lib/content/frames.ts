import type { ContentContext } from './context';
import { frameDocument } from './dom';
import { nextTasks } from './schedule';

/**
 * Same-origin frames (TinyMCE's classic iframe, preview panes) get the same listeners as the top
 * page, attached when focus first moves into them (the outer window blurs). Cross-origin frames
 * cannot be read and are left alone.
 */
export function watchFrames(ctx: ContentContext, top: Window, attach: (win: Window) => void): void {
  const seen = new WeakSet<Document>();
  const later = nextTasks(ctx);
  const visit = (win: Window) => {
    const doc = win.document;
    const focused = doc.activeElement;
    const inner = focused ? frameDocument(focused) : null;
    const innerWin = inner?.defaultView;
    if (!inner || !innerWin || seen.has(inner)) return;
    seen.add(inner);
    attach(innerWin);
    watch(innerWin);
  };
  // Chromium moves focus to the frame before the outer window's blur, Firefox just after it.
  const watch = (win: Window) => ctx.addEventListener(win, 'blur', () => {
    visit(win);
    later(() => visit(win));
  });
  watch(top);
}
