import { describe, expect, it } from 'vitest';
import { formatBalance, formatClock, formatCredits, groupThousands } from '@/lib/format';
import { createI18n } from '@/lib/i18n';

describe('format', () => {
  it('shows m:ss and h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(42)).toBe('0:42');
    expect(formatClock(83.4)).toBe('1:23');
    expect(formatClock(59.6)).toBe('1:00');
    expect(formatClock(3725)).toBe('1:02:05');
  });

  it('shows credits with at most two decimals', () => {
    expect(formatCredits(42)).toBe('42');
    expect(formatCredits(1.5)).toBe('1.5');
    expect(formatCredits(0.0712)).toBe('0.07');
    expect(formatCredits(12345.678)).toBe('12,345.68');
    expect(formatCredits(0.001)).toBe('0');
    expect(formatCredits(1234567.1)).toBe('1,234,567.1');
    expect(formatCredits(-1500.5)).toBe('-1,500.5');
  });

  it('formats like Intl (en) without paying for it', () => {
    for (const value of [0, 1, 9.999, 12.345, 999.995, 1000, 987654.321, 30_000, 1e9 + 0.5]) {
      expect(formatCredits(value)).toBe(value.toLocaleString('en', { maximumFractionDigits: 2 }));
    }
    expect(groupThousands(300_000)).toBe('300,000');
    expect(groupThousands(999)).toBe('999');
  });

  it('never shows a balance rounded up: 4,321.5 is not 4,322', () => {
    expect(formatBalance(4_321.5)).toBe('4,321.5');
    expect(formatBalance(99.999)).toBe('99.99');
    expect(formatBalance(12_500)).toBe('12,500');
    expect(formatBalance(0.29)).toBe('0.29');
    expect(formatBalance(-0.005)).toBe('-0.01');
    for (const locale of ['en', 'ko', 'ja'] as const) {
      const { f } = createI18n(locale);
      expect(f.balance(4_321.5)).toBe('4,321.5');
      expect(f.balance(4_321.999)).toBe('4,321.99');
      expect(f.wholeDown(12.9)).toBe('12');
    }
  });
});
