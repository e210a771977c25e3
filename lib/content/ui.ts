import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { INLINE_CSS } from '@/components/tooltip/styles';
import type { Size } from './position';

/** One box in the shadow root: a popover in the top layer, placed by the caller. */
export interface Box {
  /** Fills the box (with `fill`) and shows it; returns its size so the caller can place it. */
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

function createBox(container: HTMLElement, className: string, role: string | null): Box {
  const element = container.ownerDocument.createElement('div');
  element.className = className;
  element.popover = 'manual';
  if (role) element.setAttribute('role', role);
  container.append(element);
  let visible = false;
  return {
    show(fill) {
      fill(element);
      if (!visible) element.showPopover();
      visible = true;
      const rect = element.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    },
    moveTo(point) {
      element.style.visibility = point ? 'visible' : 'hidden';
      if (point) element.style.transform = `translate(${point.x}px, ${point.y}px)`;
    },
    hide() {
      if (!visible) return;
      visible = false;
      element.hidePopover();
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
    onMount: (container) => ({
      tooltip: createBox(container, 'tooltip', 'status'),
      chip: createBox(container, 'chip', null),
      container,
    }),
  });
  ui.mount();
  const boxes = ui.mounted;
  if (!boxes) throw new Error('ScriptMeter: the inline UI did not mount.');
  return boxes;
}
