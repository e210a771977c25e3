import type { ConfigClient } from './config-client';
import type { EstimateClient } from './estimate-client';
import type { FieldChip } from './field-chip';
import { elementAnchor } from './read';
import { focusedTextNow, selectionNow } from './site-read';
import type { SelectionTooltip } from './selection-tooltip';
import type { TabEnvelope, TabProtocol } from './tab-protocol';

export interface TabMessageDeps {
  doc: Document;
  config: ConfigClient;
  estimates: EstimateClient;
  tooltip: SelectionTooltip;
  chip: FieldChip;
}

/** How long the top page waits, when it has nothing to estimate, for a frame that has. */
const FRAME_ANSWER_MS = 150;

/** Answers the extension's own messages to this tab (popup, command, context menu, settings). */
export function createTabMessageHandler(deps: TabMessageDeps) {
  async function selectionText(): Promise<TabProtocol['selectionText']['response']> {
    const config = await deps.config.load();
    if (!config.active) return { text: '', source: 'none' };
    const selected = await selectionNow(deps.doc);
    if (selected) return { text: selected.text, source: 'selection' };
    const focused = await focusedTextNow(deps.doc);
    if (focused && /\S/.test(focused.text)) return { text: focused.text, source: 'field' };
    return nothingHere();
  }

  /**
   * Every frame we run in gets the popup's question and the first answer wins. A frame with nothing
   * (Word's editing frame, say) stays silent; the top page, with nothing, lets a frame answer first.
   */
  async function nothingHere(): Promise<TabProtocol['selectionText']['response']> {
    const win = deps.doc.defaultView;
    if (win && win !== win.top) return new Promise(() => undefined);
    if (deps.doc.querySelector('iframe')) await new Promise((resolve) => { setTimeout(resolve, FRAME_ANSWER_MS); });
    return { text: '', source: 'none' };
  }

  /** The command and the menu are user gestures in the browser's own UI: they may reach the API. */
  async function showEstimate(): Promise<TabProtocol['showEstimate']['response']> {
    const config = await deps.config.load();
    if (!config.active) return { shown: false };
    if (await deps.tooltip.fromGesture(null, { force: true })) return { shown: true };
    const focused = await focusedTextNow(deps.doc);
    if (!focused || !/\S/.test(focused.text)) return { shown: false };
    await deps.tooltip.forText(focused.text, elementAnchor(focused.root, null), config.wholeFieldApi);
    return { shown: true };
  }

  return async (message: TabEnvelope): Promise<unknown> => {
    switch (message.type) {
      case 'selectionText': return selectionText();
      case 'showEstimate': return showEstimate();
      case 'settingsChanged': {
        deps.config.forget();
        deps.estimates.forget();
        // Paused or disabled here now: take everything down; otherwise leave what the user is looking at.
        if (!(await deps.config.load()).active) {
          deps.tooltip.hide();
          deps.chip.hide();
        }
        return { ok: true };
      }
    }
  };
}
