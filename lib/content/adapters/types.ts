/** One kind of editor: how to find it around a focused element and read its text. */
export interface EditorAdapter {
  name: string;
  /** The editor's root element around `element`, or null when this adapter does not handle it. */
  match(element: Element): Element | null;
  /** The selected text as the editor knows it; null means "use the DOM selection". */
  selectedText(root: Element): string | null;
  /** The editor's whole text. */
  fullText(root: Element): string;
}
