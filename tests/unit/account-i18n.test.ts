import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { ja } from '@/lib/i18n/ja';
import { ko } from '@/lib/i18n/ko';
import { createI18n } from '@/lib/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI text in English, Korean and Japanese', () => {
  it.each([['ko', ko], ['ja', ja]] as const)('%s translates every message with the same placeholders', (_name, catalog) => {
    for (const [key, text] of Object.entries(en)) {
      const translated = catalog[key as keyof typeof en];
      expect(translated, key).toBeTruthy();
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and formats numbers in the locale', () => {
    expect(createI18n('en').t('bal.credits', { balance: createI18n('en').f.whole(12500) })).toBe('12,500 credits');
    expect(createI18n('ko').t('bal.credits', { balance: createI18n('ko').f.whole(12500) })).toBe('12,500 크레딧');
    expect(createI18n('ja').f.calendarDate('2026-11-22')).toBe('2026/11/22');
  });
});
