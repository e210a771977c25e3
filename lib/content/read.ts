import { findEditor } from './adapters';
import { isNativeTextField } from './adapters/native-field';
import { caretOffset } from './caret';
import type { EditorAdapter } from './adapters/types';
import { deepFocus, documentOf, frameOffset, pinInto, selectionOf, shiftRect, visiblePart } from './dom';
import { viewportOf } from './viewport';
import { isSensitiveField } from './sensitive';

export interface Editor {
  adapter: EditorAdapter;
  root: Element;
}

export interface SelectionRead {
  text: string;
  /** Where to point, in top-level viewport coordinates; recomputed as the page scrolls. */
  anchor: () => DOMRect | null;
}

export interface Point {
  x: number;
  y: number;
}

/** The focused editor, unless it is a field that must never be read. */
export function focusedEditor(doc: Document): { editor: Editor | null; sensitive: boolean; root: Document | ShadowRoot } {
  const focus = deepFocus(doc);
  if (!focus.element) return { editor: null, sensitive: false, root: focus.root };
  if (isSensitiveField(focus.element)) return { editor: null, sensitive: true, root: focus.root };
  const editor = findEditor(focus.element);
  return { editor, sensitive: editor !== null && isSensitiveField(editor.root), root: focus.root };
}

/**
 * The end corner of a range: the caret box where it ends. Measuring only the end keeps a 10 MB
 * selection as cheap as a word.
 */
function rangeEnd(range: Range): DOMRect | null {
  const end = range.cloneRange();
  end.collapse(false);
  const rect = end.getClientRects()[0] ?? null;
  return rect ? shiftRect(rect, frameOffset(documentOf(range.startContainer))) : null;
}

/**
 * Points at a spot in an element that has no text range to measure (fields, editors drawing their
 * own selection): where the pointer was released, else `offset()` (a field's caret), else the
 * element's visible bottom-left. Measured once, then moved with the element.
 */
export function elementAnchor(element: Element, pointer: Point | null, offset: () => Point | null = () => null): () => DOMRect | null {
  const frame = () => frameOffset(element.ownerDocument);
  let relative: Point | null | undefined;
  if (pointer) {
    const start = shiftRect(element.getBoundingClientRect(), frame());
    relative = { x: pointer.x - start.left, y: pointer.y - start.top };
  }
  return () => {
    const rect = shiftRect(element.getBoundingClientRect(), frame());
    relative ??= offset();
    if (relative) {
      // A caret scrolled out of the field's view is pinned to the field's edge.
      const x = Math.min(Math.max(relative.x, 0), rect.width);
      const y = Math.min(Math.max(relative.y, 0), rect.height);
      return new DOMRect(rect.left + x, rect.top + y, 0, 0);
    }
    const view = element.ownerDocument.defaultView;
    const bottom = Math.min(rect.bottom, view ? view.innerHeight + frame().y : rect.bottom);
    return new DOMRect(rect.left, Math.max(rect.top, bottom - 1), 0, 0);
  };
}

/** Above this many characters a page selection is read from its text nodes, not laid out as text. */
const LAYOUT_TEXT_LIMIT = 1_000_000;

/** The selected stretch of each text node in `range`, in document order, without copying it. */
function* selectedTextParts(range: Range): Generator<{ data: string; start: number; end: number }> {
  const walker = documentOf(range.startContainer).createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  let node: Node | null = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer : walker.nextNode();
  for (; node && range.comparePoint(node, 0) <= 0; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const data = (node as Text).data;
    yield { data, start: node === range.startContainer ? range.startOffset : 0, end: node === range.endContainer ? range.endOffset : data.length };
  }
}

/**
 * The selected text. `Selection.toString()` follows layout (line breaks between blocks) but costs a
 * long task on megabytes of page text; beyond LAYOUT_TEXT_LIMIT the text nodes' data is joined
 * instead. The selection's length is counted first without copying, and stops at the limit.
 */
function rangeText(selection: Selection, range: Range): string {
  let length = 0;
  for (const part of selectedTextParts(range)) {
    length += part.end - part.start;
    if (length > LAYOUT_TEXT_LIMIT) break;
  }
  if (length <= LAYOUT_TEXT_LIMIT) return selection.toString();
  return Array.from(selectedTextParts(range), (part) => part.data.slice(part.start, part.end)).join('\n');
}

export interface ReadOptions {
  /** Where the pointer was released, in top-level viewport coordinates. */
  pointer?: Point | null;
  /** Where a hidden copy of a field may be laid out to find its caret (our shadow root). */
  mirror?: () => Element | null;
}

/** What the user has selected now, or null: nothing, only whitespace, or a field never read. */
export function readSelection(doc: Document, options: ReadOptions = {}): SelectionRead | null {
  const { editor, sensitive, root } = focusedEditor(doc);
  if (sensitive) return null;
  const fromModel = editor ? editor.adapter.selectedText(editor.root) : null;
  const selection = selectionOf(root);
  const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
  const text = fromModel ?? (range ? rangeText(selection!, range) : '');
  if (!/\S/.test(text)) return null;
  const element = editor?.root ?? (root.nodeType === root.DOCUMENT_NODE ? (root as Document).documentElement : (root as ShadowRoot).host);
  const field = editor && isNativeTextField(editor.root) ? editor.root : null;
  const mirror = options.mirror;
  const caret = field && mirror ? () => { const parent = mirror(); return parent ? caretOffset(field, parent) : null; } : undefined;
  const fallback = elementAnchor(element, options.pointer ?? null, caret);
  const end = range ? () => rangeEnd(range) ?? fallback() : fallback;
  // In an editor, a selection running out of view (select-all in a long script) is pointed at from the editor's visible edge.
  const anchor = editor ? () => {
    const point = end();
    const visible = point && visiblePart(shiftRect(editor.root.getBoundingClientRect(), frameOffset(editor.root.ownerDocument)), viewportOf(doc));
    return point && visible ? pinInto(point, visible) : point;
  } : end;
  return { text, anchor };
}

/** The focused editor's whole text, for the chip, the command and the popup. */
export function readFocusedText(doc: Document): { text: string; editor: Editor } | null {
  const { editor, sensitive } = focusedEditor(doc);
  if (!editor || sensitive) return null;
  return { text: editor.adapter.fullText(editor.root), editor };
}
