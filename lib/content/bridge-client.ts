import { BRIDGE_REPLY, BRIDGE_REQUEST, type BridgeEditor, type BridgeWant } from './bridge-protocol';

/**
 * Asks the MAIN-world bridge for an editor's text; null when the bridge is not there or does not
 * know this editor (the caller then falls back to the DOM).
 */
export function askBridge(root: Element, editor: BridgeEditor, want: BridgeWant): string | null {
  let answer: string | null = null;
  const onReply = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail === 'string') answer = detail;
  };
  root.addEventListener(BRIDGE_REPLY, onReply);
  try {
    root.dispatchEvent(new CustomEvent(BRIDGE_REQUEST, { detail: JSON.stringify({ editor, want }), bubbles: true, composed: true }));
  } finally {
    root.removeEventListener(BRIDGE_REPLY, onReply);
  }
  return answer;
}
