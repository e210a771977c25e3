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

/** Answers the extension's own messages to this tab (popup, command, context menu, settings). */
export function createTabMessageHandler(deps: TabMessageDeps) {
  async function selectionText(): Promise<TabProtocol['selectionText']['response']> {
    const config = await deps.config.load();
    if (!config.active) return { text: '', source: 'none' };
    const selected = await selectionNow(deps.doc);
    if (selected) return { text: selected.text, source: 'selection' };
    const focused = await focusedTextNow(deps.doc);
    return focused && /\S/.test(focused.text) ? { text: focused.text, source: 'field' } : { text: '', source: 'none' };
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
