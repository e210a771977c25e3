import { renderTooltip } from '@/components/tooltip/views';
import { buyExactFigure, produceFigure, type FigureDeps, type FigureSink } from './figures';
import type { Figure, InlineConfig } from './inline-config';
import { placeTooltip, type Size } from './position';
import type { Point, SelectionRead } from './read';
import { selectionNow } from './site-read';
import type { InlineUi } from './ui';
import { viewportOf } from './viewport';

export interface SelectionTooltipDeps extends FigureDeps {
  doc: Document;
  ui: () => Promise<InlineUi>;
  /** Called when the tooltip appears or goes (the chip steps aside meanwhile). */
  onToggle: () => void;
}

/**
 * The tooltip beside a selection: shown after a real gesture, moved as the page scrolls, gone on
 * Esc, a click elsewhere or an empty selection. Reading and estimating live elsewhere.
 */
export function createSelectionTooltip(deps: SelectionTooltipDeps) {
  /** What is shown; `field` is a focused field's whole text, asked for with nothing selected. */
  let current: { text: string; anchor: () => DOMRect | null; size: Size; field: boolean } | null = null;
  let generation = 0;
  /** Selection changes counted, so a dismissed selection comes back only when it changes (or is hovered). */
  let selectionEpoch = 0;
  let dismissed: { text: string; epoch: number } | null = null;
  /** A hover's read and figure under way: the pointer moving on meanwhile asks nothing more. */
  let hovering = false;
  /** Our shadow root's container, once it exists: fields' carets are measured in it. */
  let container: Element | null = null;
  const mirror = () => container;

  function place(): void {
    if (!current) return;
    const anchor = current.anchor();
    const point = anchor ? placeTooltip(anchor, current.size, viewportOf(deps.doc)) : null;
    void deps.ui().then((ui) => ui.tooltip.moveTo(point));
  }

  function hide(): void {
    generation++;
    if (!current) return;
    dismissed = { text: current.text, epoch: selectionEpoch };
    current = null;
    void deps.ui().then((ui) => ui.tooltip.hide());
    deps.onToggle();
  }

  async function present(read: SelectionRead, trusted: boolean, field = false): Promise<void> {
    const config = await deps.config.load();
    if (!config.active) return;
    if (current?.text === read.text) {
      current.anchor = read.anchor;
      current.field = field;
      place();
      return;
    }
    const id = ++generation;
    const ui = await deps.ui();
    container = ui.container;
    const entry = { text: read.text, anchor: read.anchor, size: { width: 0, height: 0 }, field };
    await produceFigure(deps, config, read.text, { mayAsk: trusted, sink: sinkFor(id, entry, ui, config) });
  }

  /** Shows figures for `entry` until another request starts; a figure with an offer gets its button. */
  function sinkFor(id: number, entry: NonNullable<typeof current>, ui: InlineUi, config: InlineConfig): FigureSink {
    return {
      stale: () => id !== generation,
      show(figure: Figure, pending: boolean) {
        const appearing = current === null;
        current = entry;
        dismissed = null;
        // Only the user's own click buys: the view ignores synthetic clicks (event.isTrusted).
        const buy = figure.offer && !pending ? () => void buyExactFigure(deps, config, entry.text, figure, sinkFor(++generation, entry, ui, config)) : undefined;
        entry.size = ui.tooltip.show((box) => renderTooltip(box, figure, pending, config.words, buy));
        place();
        if (appearing) deps.onToggle();
      },
    };
  }

  return {
    get visible(): boolean {
      return current !== null;
    },
    hide,
    place,
    selectionChanged(): void {
      selectionEpoch++;
    },
    /** After a trusted pointer or key gesture (or the keyboard command): show what is selected now. */
    async fromGesture(pointer: Point | null, options: { force?: boolean } = {}): Promise<boolean> {
      // Paused or disabled here: nothing is read at all.
      if (!(await deps.config.load()).active) return false;
      const read = await selectionNow(deps.doc, { pointer, mirror });
      if (!read) {
        // An empty selection ends a selection's figure; a field's was asked for with none (a click
        // elsewhere ends it on pointerdown).
        if (current && !current.field) hide();
        return false;
      }
      if (!options.force && dismissed && dismissed.text === read.text && dismissed.epoch === selectionEpoch) return false;
      await present(read, true);
      return true;
    },
    /** Show for a text chosen another way (the focused field), pointing at `anchor`. */
    forText(text: string, anchor: () => DOMRect | null, mayAsk: boolean): Promise<void> {
      return present({ text, anchor }, mayAsk, true);
    },
    /** The pointer rests on the selection (the DOM's, or the one a site draws): show it again, if it was dismissed. */
    async fromHover(pointer: Point): Promise<void> {
      if (current || hovering || !deps.config.current?.active) return;
      hovering = true;
      try {
        const read = await selectionNow(deps.doc, { pointer, mirror });
        if (read && !current) await present(read, true);
      } finally {
        hovering = false;
      }
    },
  };
}

export type SelectionTooltip = ReturnType<typeof createSelectionTooltip>;
