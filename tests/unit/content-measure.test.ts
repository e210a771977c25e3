import { describe, expect, it } from 'vitest';
import { localSecondsSliced } from '@/lib/content/measure';
import { localSeconds } from '@/lib/estimate/local-model';
import { englishScript } from '../fixtures/scripts';

const model = { language: 'en' as const, speed: 1, factor: 1 };

describe('localSecondsSliced', () => {
  it('answers small texts without yielding', async () => {
    let pauses = 0;
    const seconds = await localSecondsSliced('Short and sweet.', model, async () => { pauses++; });
    expect(seconds).toBeCloseTo(localSeconds('Short and sweet.', 'en', 1), 10);
    expect(pauses).toBe(0);
  });

  it('adds up large texts a slice at a time, to the same figure', async () => {
    const text = englishScript(100_000);
    let pauses = 0;
    const seconds = await localSecondsSliced(text, model, async () => { pauses++; });
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(seconds! / localSeconds(text, 'en', 1)).toBeCloseTo(1, 3);
  });

  it('estimates huge texts from spread samples, within 2 %, in a bounded number of slices', async () => {
    const text = englishScript(2 * 1024 * 1024);
    let pauses = 0;
    const seconds = await localSecondsSliced(text, model, async () => { pauses++; });
    expect(pauses).toBeLessThanOrEqual(16);
    expect(Math.abs(seconds! / localSeconds(text, 'en', 1) - 1)).toBeLessThan(0.02);
  });

  it('stops when the figure is no longer wanted', async () => {
    let wanted = true;
    const seconds = await localSecondsSliced(englishScript(100_000), model, async () => { wanted = false; }, () => wanted);
    expect(seconds).toBeNull();
  });
});
