import { renderChip } from '@/components/tooltip/views';
import { frameOffset, shiftRect } from './dom';
import { produceFigure, type FigureDeps, type LocalMeasure } from './figures';
import type { Figure, InlineConfig } from './inline-config';
import { placeChip, type Size } from './position';
import { yielder } from './schedule';
import { focusedTextNow } from './site-read';
import type { InlineUi } from './ui';
import { viewportOf } from './viewport';

/** "More than a few sentences": below this many seconds of speech, no chip. */
const CHIP_MIN_SECONDS = 12;

export interface FieldChipDeps extends FigureDeps {
  doc: Document;
  ui: () => Promise<InlineUi>;
  /** The selection tooltip is up: the chip steps aside rather than crowd it. */
  covered: () => boolean;
}

/** The whole text's length in the focused editor's corner, kept up to date as the user types. */
export function createFieldChip(deps: FieldChipDeps) {
  let current: { root: Element; size: Size } | null = null;
  let generation = 0;
  /** The last local measurement of a field: huge fields are scaled from it while they change little. */
  let earlier: { root: Element; config: InlineConfig; measure: LocalMeasure } | null = null;

  function place(): void {
    if (!current) return;
    const rect = shiftRect(current.root.getBoundingClientRect(), frameOffset(current.root.ownerDocument));
    const point = deps.covered() ? null : placeChip(rect, current.size, viewportOf(deps.doc));
    void deps.ui().then((ui) => ui.chip.moveTo(point));
  }

  function hide(): void {
    generation++;
    if (!current) return;
    current = null;
    void deps.ui().then((ui) => ui.chip.hide());
  }

  /**
   * Re-reads the focused editor; `trusted`: the change came from the user's own typing or focus.
   * The chip is background work: the field is read and measured only when the page is idle, so a
   * megabyte field costs nothing on the keystrokes around it.
   */
  async function update(trusted: boolean): Promise<void> {
    const config = await deps.config.load();
    await yielder(deps.ctx, 'idle')();
    // Read now, not when asked: whatever has focus once the page is idle is what the chip shows.
    const focused = config.active ? await focusedTextNow(deps.doc) : null;
    if (!focused || !/\S/.test(focused.text)) return hide();
    const id = ++generation;
    const root = focused.root;
    const measure = await produceFigure(deps, config, focused.text, {
      mayAsk: trusted && config.wholeFieldApi,
      localNote: config.wholeFieldApi ? undefined : config.words.wholeFieldLocal,
      priority: 'idle',
      earlier: earlier?.root === root && earlier.config === config ? earlier.measure : undefined,
      sink: {
        stale: () => id !== generation,
        show(figure: Figure) {
          if (figure.source === 'local' && figure.seconds < CHIP_MIN_SECONDS) return hide();
          void deps.ui().then((ui) => {
            if (id !== generation) return;
            current = { root, size: ui.chip.show((box) => renderChip(box, figure, config.words)) };
            place();
          });
        },
      },
    });
    if (measure) earlier = { root, config, measure };
  }

  return { update, hide, place, get root(): Element | null { return current?.root ?? null; } };
}

export type FieldChip = ReturnType<typeof createFieldChip>;
