import { describe, expect, it } from 'vitest';
import { formatClock, formatCredits } from '@/lib/format';

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
  });
});
