import { describe, expect, it } from 'vitest';
import { localSecondsSliced } from '@/lib/content/measure';
import { defaultParameters } from '@/lib/estimate/local-model';
import { countSpeech, secondsAtNormalSpeed } from '@/lib/estimate/speech-count';
import { englishScript } from '../fixtures/scripts';

/** The page's own local model: digits counted as units (the content script ships no number words). */
const pageSeconds = (text: string, voice = defaultParameters('en')) => secondsAtNormalSpeed(countSpeech({ text, digits: 0 }, 'en'), voice);

const model = { language: 'en', speed: 1, parameters: defaultParameters('en') };

/** A pause that only counts. */
function counting() {
  const state = { pauses: 0 };
  return { state, pause: async () => { state.pauses++; } };
}

describe('localSecondsSliced', () => {
  it('answers small texts without yielding', async () => {
    const { state, pause } = counting();
    // A budget no one slice spends even on a loaded machine (the default, 4 ms, sometimes was under `npm test`).
    const seconds = await localSecondsSliced('Short and sweet.', model, { pause, budgetMs: 1_000 });
    expect(seconds).toBeCloseTo(pageSeconds('Short and sweet.'), 10);
    expect(state.pauses).toBe(0);
  });

  it('adds up large texts a slice at a time, to the same figure', async () => {
    const text = englishScript(60_000);
    const { state, pause } = counting();
    const seconds = await localSecondsSliced(text, model, { pause, budgetMs: 0 });
    expect(state.pauses).toBeGreaterThanOrEqual(10);
    expect(seconds! / pageSeconds(text)).toBeCloseTo(1, 3);
  });

  it('yields only once its time budget is spent, and once more before the caller draws', async () => {
    const text = englishScript(60_000);
    const { state, pause } = counting();
    await localSecondsSliced(text, model, { pause, budgetMs: 60_000 });
    expect(state.pauses).toBe(0);
    const slow = counting();
    await localSecondsSliced('Short and sweet.', model, { pause: slow.pause, budgetMs: 0 });
    expect(slow.state.pauses).toBe(1);
  });

  it('estimates huge texts from spread samples, within 2 %, at the cost of a small one', async () => {
    for (const size of [256 * 1024, 2 * 1024 * 1024]) {
      const text = englishScript(size);
      const { state, pause } = counting();
      const seconds = await localSecondsSliced(text, model, { pause, budgetMs: 0 });
      expect(state.pauses).toBeLessThanOrEqual(16);
      expect(Math.abs(seconds! / pageSeconds(text) - 1)).toBeLessThan(0.02);
    }
  });

  it('stops when the figure is no longer wanted', async () => {
    let wanted = true;
    const seconds = await localSecondsSliced(englishScript(60_000), model, { pause: async () => { wanted = false; }, stillWanted: () => wanted, budgetMs: 0 });
    expect(seconds).toBeNull();
  });
});
