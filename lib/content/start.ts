import type { ContentContext } from './context';
import { createConfigClient } from './config-client';
import { frameOffset } from './dom';
import { createEstimateClient } from './estimate-client';
import { createFieldChip } from './field-chip';
import { watchFrames } from './frames';
import { pointIsInSelection } from './hover';
import { createSelectionTooltip } from './selection-tooltip';
import { siteReader } from './sites/hook';
import { listenToTab } from './tab-listener';
import { createTabMessageHandler } from './tab-messages';
import { isTabEnvelope } from './tab-protocol';
import { createTrustClock } from './trust';
import { createInlineUi, type InlineUi } from './ui';
import { nextTasks, perFrame, quietly } from './schedule';

/** A selection that keeps changing (touch handles, shift-clicks) settles for this long before a figure. */
const SELECTION_SETTLE_MS = 120;
const MODIFIERS = new Set(['Shift', 'Control', 'Meta', 'Alt']);
/** The chip follows typing once the user pauses. */
const CHIP_QUIET_MS = 400;

/**
 * Wires the inline estimates into a page: listeners only, all tied to `ctx`, so an idle page
 * costs nothing and an extension reload leaves nothing behind.
 */
export function startInline(ctx: ContentContext, win: Window): void {
  const doc = win.document;
  const trust = createTrustClock();
  const config = createConfigClient(win.location.hostname);
  const estimates = createEstimateClient();
  let ui: Promise<InlineUi> | undefined;
  const getUi = () => (ui ??= createInlineUi(ctx));
  const deps = { ctx, doc, config, estimates, ui: getUi };
  const tooltip = createSelectionTooltip({ ...deps, onToggle: () => chip.place() });
  const chip = createFieldChip({ ...deps, covered: () => tooltip.visible });

  let pointerDown = false;
  let hoverArmed = false;
  let chipTrusted = false;
  // Scripts can focus fields and insert text with trusted-looking events: the whole field goes
  // to the API only right after the user's own pointer or key input.
  const userDid = (event: Event) => event.isTrusted && trust.recent(Date.now());
  const isOurs = (event: Event) => ui !== undefined && event.composedPath().some((target) => target instanceof HTMLElement && target.localName === 'scriptmeter-inline');
  const settle = quietly(ctx, SELECTION_SETTLE_MS, () => {
    if (!pointerDown && trust.recent(Date.now())) void tooltip.fromGesture(null);
  });
  const refreshChip = quietly(ctx, CHIP_QUIET_MS, () => void chip.update(chipTrusted));
  const later = nextTasks(ctx);
  const follow = perFrame(ctx, () => {
    tooltip.place();
    chip.place();
  });

  // Once the extension is reloaded or updated under the page, the next event finds the context
  // invalid: it then removes every listener and our UI, and nothing asks the gone background.
  const live = <E extends Event>(handler: (event: E) => void) => (event: E): void => {
    if (ctx.isValid) handler(event);
  };

  const attach = (frame: Window) => {
    const frameDoc = frame.document;
    const toTop = (event: MouseEvent) => {
      const offset = frameOffset(frameDoc);
      return { x: event.clientX + offset.x, y: event.clientY + offset.y };
    };
    ctx.addEventListener(frame, 'pointerdown', live((event) => {
      trust.note(event);
      pointerDown = true;
      if (!isOurs(event)) tooltip.hide();
    }), { capture: true });
    ctx.addEventListener(frame, 'pointerup', live((event) => {
      pointerDown = false;
      if (!trust.note(event) || isOurs(event)) return;
      const point = toTop(event);
      // After the page's own handlers: editors update their selection on this same event.
      later(() => void tooltip.fromGesture(point));
    }), { capture: true });
    ctx.addEventListener(frame, 'keydown', live((event) => {
      trust.note(event);
      if (event.key === 'Escape' && tooltip.visible) tooltip.hide();
    }), { capture: true });
    ctx.addEventListener(frame, 'keyup', live((event) => {
      if (!trust.note(event) || event.key === 'Escape') return;
      // Keys select only with a modifier (Shift+arrows, Ctrl+A); plain typing costs nothing more here.
      if (!event.shiftKey && !event.ctrlKey && !event.metaKey && !MODIFIERS.has(event.key)) return;
      later(() => void tooltip.fromGesture(null));
    }), { capture: true });
    ctx.addEventListener(frameDoc, 'selectionchange', live(() => {
      const selection = frameDoc.getSelection();
      hoverArmed = selection !== null && !selection.isCollapsed;
      // Docs, Word and Notion keep a caret in the page while they draw their own selection: that
      // caret moving (Chromium sometimes reports it after Esc) selects nothing new, so a dismissed
      // figure stays dismissed.
      if (hoverArmed || !(frame === win && siteReader())) tooltip.selectionChanged();
      if (!pointerDown) settle();
    }));
    ctx.addEventListener(frame, 'mousemove', live((event) => {
      if (pointerDown || tooltip.visible || !event.isTrusted) return;
      const { clientX: x, clientY: y } = event;
      // Docs, Word and Notion draw their own selection, in the document their reader runs in (this one).
      const site = frame === win ? siteReader() : undefined;
      if ((hoverArmed && pointIsInSelection(frameDoc, x, y)) || site?.covers(x, y)) void tooltip.fromHover(toTop(event));
    }), { passive: true });
    ctx.addEventListener(frame, 'scroll', live(follow), { capture: true, passive: true });
    ctx.addEventListener(frame, 'resize', live(follow), { passive: true });
    ctx.addEventListener(frame, 'focusin', live((event) => {
      chipTrusted = userDid(event);
      void chip.update(chipTrusted);
    }), { capture: true });
    ctx.addEventListener(frame, 'focusout', live(() => {
      later(() => {
        const root = chip.root;
        // Focus left the field shown, or the one still being measured (no chip yet): its figure is no longer wanted.
        if (!root || !root.contains(root.ownerDocument.activeElement)) chip.hide();
      });
    }), { capture: true });
    ctx.addEventListener(frame, 'input', live((event) => {
      if (tooltip.visible) tooltip.hide();
      chipTrusted = userDid(event);
      refreshChip();
    }), { capture: true });
  };
  attach(win);
  watchFrames(ctx, win, attach, () => {
    // Focus has just moved into a frame before its listeners were there: the frame's focusin was missed.
    chipTrusted = trust.recent(Date.now());
    void chip.update(chipTrusted);
  });

  const onTabMessage = createTabMessageHandler({ doc, config, estimates, tooltip, chip });
  ctx.onInvalidated(listenToTab((message) => (isTabEnvelope(message) ? onTabMessage(message) : undefined)));
}
