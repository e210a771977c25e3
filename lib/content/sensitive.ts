/**
 * Fields whose contents are never read: passwords, payment cards, one-time codes. Judged by
 * type, autocomplete tokens and, for pages that label nothing, by the field's name or id.
 */
const SENSITIVE_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code|cc-[a-z-]+)\b/i;
const SENSITIVE_NAME = /pass(word|wd|code|phrase)|(^|[^a-z])(pin|otp|cvc|cvv)([^a-z]|$)|one.?time.?(code|pass)|card.?(number|num|no)\b|(^|[^a-z])cc.?(num|number)/i;

export function isSensitiveField(element: Element): boolean {
  if (element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'password') return true;
  const autocomplete = element.getAttribute('autocomplete') ?? '';
  if (SENSITIVE_AUTOCOMPLETE.test(autocomplete)) return true;
  const label = `${element.getAttribute('name') ?? ''} ${element.id}`;
  return SENSITIVE_NAME.test(label);
}
