import { describe, expect, it } from 'vitest';
import { createConfigClient } from '@/lib/content/config-client';
import { createEstimateClient } from '@/lib/content/estimate-client';
import { produceFigure, type LocalMeasure } from '@/lib/content/figures';
import type { Figure, InlineConfig } from '@/lib/content/inline-config';
import { defaultParameters } from '@/lib/estimate/local-model';
import { countSpeech, secondsAtNormalSpeed } from '@/lib/estimate/speech-count';
import { englishScript } from '../fixtures/scripts';
import { testContext } from '../fixtures/schedule-context';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';

/** The page's own local model: digits counted as units (the content script ships no number words). */
const pageSeconds = (text: string, voice = defaultParameters('en')) => secondsAtNormalSpeed(countSpeech({ text, digits: 0 }, 'en'), voice);

const config: InlineConfig = {
  active: true, wholeFieldApi: false, maxApiCharacters: 30_000, provider: 'supertone',
  local: { language: 'en', speed: 1, parameters: defaultParameters('en') }, billing: { perSecond: 1, quantum: 0 }, words: ENGLISH_INLINE_WORDS,
};
const deps = () => ({ ctx: testContext(), config: createConfigClient('example.com'), estimates: createEstimateClient() });

/** The figures shown for `text`, and the measurement produceFigure reports. */
async function figuresFor(text: string, earlier?: LocalMeasure): Promise<{ shown: Figure[]; measured: LocalMeasure | undefined }> {
  const shown: Figure[] = [];
  const measured = await produceFigure(deps(), config, text, { mayAsk: false, earlier, sink: { stale: () => false, show: (figure) => shown.push(figure) } });
  return { shown, measured };
}

describe('produceFigure', () => {
  const big = englishScript(200_000);

  it('measures a text and reports the measurement', async () => {
    const { shown, measured } = await figuresFor(big);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.source).toBe('local');
    expect(shown[0]!.note).toBe('Text longer than 30,000 characters: approximate local estimate.');
    expect(shown[0]!.seconds / pageSeconds(big)).toBeCloseTo(1, 1);
    expect(measured).toEqual({ length: big.length, seconds: shown[0]!.seconds });
  });

  it('scales a text too long for the API from an earlier measurement of nearly the same length', async () => {
    // A made-up earlier figure: what is shown comes from it, not from measuring the text.
    const earlier = { length: big.length - 1_000, seconds: 10_000 };
    const { shown, measured } = await figuresFor(big, earlier);
    expect(shown[0]!.seconds).toBeCloseTo(10_000 * (big.length / earlier.length), 6);
    expect(measured).toBeUndefined();
  });

  it('measures again when the length moved on, or when the API may see the text', async () => {
    const moved = await figuresFor(big, { length: Math.round(big.length * 0.9), seconds: 10_000 });
    expect(moved.shown[0]!.seconds / pageSeconds(big)).toBeCloseTo(1, 1);
    const small = englishScript(20_000);
    const sendable = await figuresFor(small, { length: small.length, seconds: 10_000 });
    expect(sendable.shown[0]!.seconds).toBeCloseTo(pageSeconds(small), 6);
  });

  it('measures with the calibrated voice and says so beside the reason', async () => {
    const voice = { secondsPerUnit: 0.1, pauses: { clause: 0.2, sentence: 0.4, paragraph: 0.8 } };
    const calibrated = { ...config, local: { ...config.local, parameters: voice, calibrated: 'calibrated from 6 renders, ±3 %' } };
    const shown: Figure[] = [];
    const text = englishScript(40_000);
    await produceFigure(deps(), calibrated, text, { mayAsk: false, sink: { stale: () => false, show: (figure) => shown.push(figure) } });
    expect(shown[0]!.note).toBe('Text longer than 30,000 characters: approximate local estimate. · calibrated from 6 renders, ±3 %');
    expect(shown[0]!.seconds).toBeCloseTo(pageSeconds(text, voice), 6);
  });
});
