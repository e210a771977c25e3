import { describe, expect, it } from 'vitest';
import { SLICE, localSecondsSliced } from '@/lib/content/measure';
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
    const text = englishScript(5 * SLICE);
    let pauses = 0;
    const seconds = await localSecondsSliced(text, model, async () => { pauses++; });
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(seconds!).toBeCloseTo(localSeconds(text, 'en', 1), 0);
  });

  it('stops when the figure is no longer wanted', async () => {
    let wanted = true;
    const seconds = await localSecondsSliced(englishScript(3 * SLICE), model, async () => { wanted = false; }, () => wanted);
    expect(seconds).toBeNull();
  });
});
