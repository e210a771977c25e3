/**
 * Events between the content script and the MAIN-world editor bridge. The bridge reads editors
 * whose DOM holds only the visible lines (CodeMirror 6, Monaco, Ace) from their models. Events are
 * dispatched synchronously, so a read is one function call; only strings cross the world boundary.
 * A page can see or forge these events: it learns or alters only its own text, and nothing here
 * can start an API call (that needs a trusted user gesture in the content script).
 */
export const BRIDGE_REQUEST = 'scriptmeter:bridge-request';
export const BRIDGE_REPLY = 'scriptmeter:bridge-reply';

export type BridgeEditor = 'codemirror' | 'monaco' | 'ace';
export type BridgeWant = 'selection' | 'text';

export interface BridgeRequest {
  editor: BridgeEditor;
  want: BridgeWant;
}
