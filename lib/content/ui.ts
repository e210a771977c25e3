import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { INLINE_CSS } from '@/components/tooltip/styles';
import type { Size } from './position';

/** One box in the shadow root: a popover in the top layer, placed by the caller. */
export interface Box {
  /**
   * Fills the box (with `fill`) and shows it; returns its size so the caller can place it. Shows
   * nothing (size 0) once a page that keeps removing our host has used up MAX_REATTACH.
   */
  show(fill: (box: HTMLElement) => void): Size;
  moveTo(point: { x: number; y: number } | null): void;
  hide(): void;
}

export interface InlineUi {
  tooltip: Box;
  chip: Box;
  /** The element inside the shadow root holding the boxes. */
  container: HTMLElement;
}

/** A page that removes or moves our host gets it back this many times; after that the UI stays away. */
export const MAX_REATTACH = 3;

/** Keeps the shadow host where it was mounted, within the budget, without watching the page. */
function createHostKeeper(host: HTMLElement) {
  let reattached = 0;
  return {
    /** True when the host is in place, put back if the page took it away and the budget allows. */
    inPlace(): boolean {
      const anchor = host.ownerDocument.documentElement;
      if (host.parentNode === anchor) return true;
      if (reattached >= MAX_REATTACH) return false;
      reattached++;
      anchor.append(host);
      return host.parentNode === anchor;
    },
  };
}

type HostKeeper = ReturnType<typeof createHostKeeper>;

function createBox(container: HTMLElement, keeper: HostKeeper, className: string, role: string | null): Box {
  const element = container.ownerDocument.createElement('div');
  element.className = className;
  element.popover = 'manual';
  if (role) element.setAttribute('role', role);
  container.append(element);
  // Asked of the element, not remembered: a page that removes our host closes its popovers.
  const open = () => element.matches(':popover-open');
  return {
    show(fill) {
      if (!keeper.inPlace()) return { width: 0, height: 0 };
      fill(element);
      if (!open()) element.showPopover();
      const rect = element.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    },
    moveTo(point) {
      element.style.visibility = point ? 'visible' : 'hidden';
      if (point) element.style.transform = `translate(${point.x}px, ${point.y}px)`;
    },
    hide() {
      if (open()) element.hidePopover();
      element.replaceChildren();
    },
  };
}

/** The shadow-root UI, created on first use (untouched pages get no extra DOM). */
export async function createInlineUi(ctx: ContentScriptContext): Promise<InlineUi> {
  const ui = await createShadowRootUi(ctx, {
    name: 'scriptmeter-inline',
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: INLINE_CSS,
    onMount: (container, _shadow, host) => {
      const keeper = createHostKeeper(host);
      return { tooltip: createBox(container, keeper, 'tooltip', 'status'), chip: createBox(container, keeper, 'chip', null), container };
    },
  });
  ui.mount();
  const boxes = ui.mounted;
  if (!boxes) throw new Error('ScriptMeter: the inline UI did not mount.');
  return boxes;
}
