import { BRIDGE_REPLY, BRIDGE_REQUEST, type BridgeEditor, type BridgeRequest, type BridgeWant } from './bridge-protocol';

/**
 * The page side of the bridge: runs in the page's world (Chromium: a MAIN-world content script;
 * Firefox MV2: the isolated world, reaching page objects through `wrappedJSObject`).
 */

interface CodeMirrorView {
  state: { doc: { toString(): string }; selection: { ranges: ReadonlyArray<{ from: number; to: number }> }; sliceDoc(from: number, to: number): string };
}
interface MonacoEditor {
  getContainerDomNode(): Element;
  getValue(): string;
  getModel(): { getValueInRange(range: unknown): string } | null;
  getSelections(): unknown[] | null;
}
interface AceEditor {
  getValue(): string;
  getSelectedText(): string;
}

type Reader = (root: Element, want: BridgeWant, win: Window) => string | null;

/**
 * The built-ins the bridge calls, taken when this script loads (document_start, before any page
 * script): a page that later replaces `Array.prototype.map`, `JSON.parse`, `dispatchEvent`,
 * `Reflect.apply`… cannot change what the bridge does. Page objects' own methods (the editors') are
 * the page's business.
 */
const { apply } = Reflect;
const ELEMENT_NODE = 1;
const { parse } = JSON;
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get as (() => unknown) | undefined;
const builtins = {
  map: Array.prototype.map,
  filter: Array.prototype.filter,
  join: Array.prototype.join,
  find: Array.prototype.find,
  querySelector: Element.prototype.querySelector,
  contains: Node.prototype.contains,
  addEventListener: EventTarget.prototype.addEventListener,
  dispatchEvent: EventTarget.prototype.dispatchEvent,
  composedPath: Event.prototype.composedPath,
  detail: getter(CustomEvent.prototype, 'detail'),
  nodeType: getter(Node.prototype, 'nodeType'),
  CustomEvent,
};

/** `fn.call(self, ...args)` with the pristine Reflect.apply. */
function call<R>(fn: (...args: never[]) => R, self: unknown, ...args: unknown[]): R {
  return apply(fn as (...args: unknown[]) => R, self, args);
}

/** Strings of a page array, empty ones dropped, joined by newlines. */
function joinLines(parts: unknown): string {
  return call(builtins.join, call(builtins.filter, parts, (part: unknown) => typeof part === 'string' && part !== ''), '\n');
}

function isElement(value: unknown): value is Element {
  if (typeof value !== 'object' || value === null || !builtins.nodeType) return false;
  try {
    return call(builtins.nodeType, value) === ELEMENT_NODE;
  } catch {
    return false; // not a node at all
  }
}

/** The page's own view of an object (Firefox content scripts see it through an Xray wrapper). */
function pageObject<T extends object>(value: T): T {
  return (value as T & { wrappedJSObject?: T }).wrappedJSObject ?? value;
}

function property(target: unknown, name: string): unknown {
  return typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[name] : undefined;
}

const readers: Record<BridgeEditor, Reader> = {
  codemirror(root, want) {
    const content = call(builtins.querySelector, root, '.cm-content') as Element | null;
    if (!content) return null;
    const page = pageObject(content);
    // CodeMirror 6 keeps its view on the content element: `cmTile.root.view` (6.39+), `cmView.view` before.
    const view = (property(property(property(page, 'cmTile'), 'root'), 'view') ?? property(property(page, 'cmView'), 'view')) as CodeMirrorView | undefined;
    if (!view?.state) return null;
    if (want === 'text') return view.state.doc.toString();
    return joinLines(call(builtins.map, view.state.selection.ranges, (range: { from: number; to: number }) => view.state.sliceDoc(range.from, range.to)));
  },
  monaco(root, want, win) {
    // Monaco hangs no instance on the DOM; pages that load it as a global expose them all.
    const monaco = property(pageObject(win), 'monaco');
    const getEditors = property(property(monaco, 'editor'), 'getEditors') as (() => MonacoEditor[]) | undefined;
    const holds = (outer: Element, inner: Element) => call(builtins.contains, outer, inner) as boolean;
    const editor = call(builtins.find, getEditors?.() ?? [], (candidate: MonacoEditor) => {
      const node = candidate.getContainerDomNode();
      return holds(node, root) || holds(root, node);
    }) as MonacoEditor | undefined;
    if (!editor) return null;
    if (want === 'text') return editor.getValue();
    const model = editor.getModel();
    return model ? joinLines(call(builtins.map, editor.getSelections() ?? [], (range: unknown) => model.getValueInRange(range))) : null;
  },
  ace(root, want) {
    const editor = property(property(pageObject(root), 'env'), 'editor') as AceEditor | undefined;
    if (!editor) return null;
    return want === 'text' ? editor.getValue() : editor.getSelectedText();
  },
};

function parseRequest(detail: unknown): BridgeRequest | null {
  if (typeof detail !== 'string') return null;
  try {
    const parsed: unknown = parse(detail);
    const editor = property(parsed, 'editor');
    const want = property(parsed, 'want');
    if ((editor === 'codemirror' || editor === 'monaco' || editor === 'ace') && (want === 'selection' || want === 'text')) return { editor, want };
  } catch {
    // Not ours.
  }
  return null;
}

/**
 * Answers bridge requests. A MAIN-world script has no extension context to outlive: after an
 * update a second copy may answer too, with the same text.
 */
export function serveBridge(win: Window): void {
  // On the window, in the capture phase, before any page script: the first listener to hear a request.
  call(builtins.addEventListener, win, BRIDGE_REQUEST, (event: Event) => {
    const request = builtins.detail ? parseRequest(call(builtins.detail, event)) : null;
    const root: unknown = call(builtins.composedPath, event)[0];
    if (!request || !isElement(root)) return;
    let text: string | null = null;
    try {
      text = readers[request.editor](root, request.want, win);
    } catch {
      text = null; // an editor version we do not know: the content script falls back to the DOM
    }
    if (text !== null) call(builtins.dispatchEvent, root, new builtins.CustomEvent(BRIDGE_REPLY, { detail: text }));
  }, { capture: true });
}
