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

/** The page's own view of an object (Firefox content scripts see it through an Xray wrapper). */
function pageObject<T extends object>(value: T): T {
  return (value as T & { wrappedJSObject?: T }).wrappedJSObject ?? value;
}

function property(target: unknown, name: string): unknown {
  return typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[name] : undefined;
}

const readers: Record<BridgeEditor, Reader> = {
  codemirror(root, want) {
    const content = root.querySelector('.cm-content');
    if (!content) return null;
    const page = pageObject(content);
    // CodeMirror 6 keeps its view on the content element: `cmTile.root.view` (6.39+), `cmView.view` before.
    const view = (property(property(property(page, 'cmTile'), 'root'), 'view') ?? property(property(page, 'cmView'), 'view')) as CodeMirrorView | undefined;
    if (!view?.state) return null;
    if (want === 'text') return view.state.doc.toString();
    return view.state.selection.ranges.map((range) => view.state.sliceDoc(range.from, range.to)).filter(Boolean).join('\n');
  },
  monaco(root, want, win) {
    // Monaco hangs no instance on the DOM; pages that load it as a global expose them all.
    const monaco = property(pageObject(win), 'monaco');
    const getEditors = property(property(monaco, 'editor'), 'getEditors') as (() => MonacoEditor[]) | undefined;
    const editor = getEditors?.().find((candidate) => candidate.getContainerDomNode().contains(root) || root.contains(candidate.getContainerDomNode()));
    if (!editor) return null;
    if (want === 'text') return editor.getValue();
    const model = editor.getModel();
    return model ? (editor.getSelections() ?? []).map((range) => model.getValueInRange(range)).filter(Boolean).join('\n') : null;
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
    const parsed: unknown = JSON.parse(detail);
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
  win.document.addEventListener(BRIDGE_REQUEST, (event) => {
    const request = parseRequest((event as CustomEvent<unknown>).detail);
    const root = event.composedPath()[0];
    if (!request || !(root instanceof (win as Window & typeof globalThis).Element)) return;
    let text: string | null = null;
    try {
      text = readers[request.editor](root, request.want, win);
    } catch {
      text = null; // an editor version we do not know: the content script falls back to the DOM
    }
    if (text !== null) root.dispatchEvent(new CustomEvent(BRIDGE_REPLY, { detail: text }));
  }, { capture: true });
}
