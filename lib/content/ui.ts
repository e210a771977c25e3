import type { ContentContext } from './context';
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

/** The host element's name: the page (and our tests) see only this, its shadow root open. */
const HOST = 'scriptmeter-inline';
/**
 * WXT's reset, kept: for !important declarations the shadow root's own win over the page's, so a
 * page's `display: none !important` on our host loses.
 */
const HOST_RESET = ':host{all:initial !important}';

/**
 * The shadow-root UI, created on first use (untouched pages get no extra DOM). Our own few lines
 * rather than WXT's createShadowRootUi: all we need is a host with a shadow root and a style, and
 * the helper brought its anchor-waiting and isolated-element code (about 1.5 kB gzipped) into the
 * script every page loads.
 */
export async function createInlineUi(ctx: ContentContext): Promise<InlineUi> {
  const doc = document;
  const host = doc.createElement(HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HOST_RESET + INLINE_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  const keeper = createHostKeeper(host);
  return { tooltip: createBox(container, keeper, 'tooltip', 'status'), chip: createBox(container, keeper, 'chip', null), container };
}
