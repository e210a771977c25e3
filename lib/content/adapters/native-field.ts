import type { EditorAdapter } from './types';

/** Input types that hold prose; others (email, url, number …) are never scripts. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

export type NativeField = HTMLTextAreaElement | HTMLInputElement;

export function isNativeTextField(element: Element): element is NativeField {
  if (element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
}

/** textarea, input[type=text|search]: the selection is in the field's value, not in the DOM. */
export const nativeField: EditorAdapter = {
  name: 'field',
  match: (element) => (isNativeTextField(element) ? element : null),
  selectedText(root) {
    const field = root as NativeField;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    return end > start ? field.value.slice(start, end) : '';
  },
  fullText: (root) => (root as NativeField).value,
};
