import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '@/lib/sources/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter(' 120 ', now)).toBe(120);
  });

  it('reads an HTTP date as seconds from now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('rejects garbage and absent values', () => {
    for (const value of ['soon', '-5', '1e3', '', 'NaN', '12 seconds', null, undefined]) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
