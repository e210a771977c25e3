import { describe, expect, it } from 'vitest';
import { isSensitiveField } from '@/lib/content/sensitive';

/** Just what the check reads of an element. */
function field(tagName: string, attributes: Record<string, string> = {}): Element {
  return {
    tagName, id: attributes.id ?? '', type: attributes.type ?? 'text',
    getAttribute: (name: string) => attributes[name] ?? null,
  } as unknown as Element;
}

describe('isSensitiveField', () => {
  it('refuses passwords, payment cards and one-time codes', () => {
    expect(isSensitiveField(field('INPUT', { type: 'password' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { autocomplete: 'cc-number' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { autocomplete: 'cc-csc' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { autocomplete: 'one-time-code' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { autocomplete: 'section-login current-password' }))).toBe(true);
  });
  it('refuses fields whose name or id says what they hold', () => {
    expect(isSensitiveField(field('INPUT', { name: 'passphrase' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { id: 'user_password' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { name: 'otp' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { name: 'card-number' }))).toBe(true);
    expect(isSensitiveField(field('INPUT', { name: 'cvv' }))).toBe(true);
  });
  it('reads ordinary fields, even with words that merely contain "pass"', () => {
    expect(isSensitiveField(field('TEXTAREA', { name: 'script' }))).toBe(false);
    expect(isSensitiveField(field('INPUT', { name: 'passage' }))).toBe(false);
    expect(isSensitiveField(field('INPUT', { id: 'compass-notes' }))).toBe(false);
    expect(isSensitiveField(field('DIV', { contenteditable: 'true' }))).toBe(false);
  });
});
