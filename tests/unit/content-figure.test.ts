import { describe, expect, it } from 'vitest';
import { figureText, sourceMark } from '@/lib/content/figure-text';
import type { InlineConfig } from '@/lib/content/inline-config';
import { creditsFor, localFigure } from '@/lib/content/local-figure';
import { defaultParameters, voiceSeconds } from '@/lib/estimate/local-model';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';

const config: InlineConfig = {
  active: true, wholeFieldApi: false, maxApiCharacters: 30_000, provider: 'supertone',
  local: { language: 'en', speed: 1, parameters: defaultParameters('en') }, billing: { perSecond: 1, quantum: 0 }, words: ENGLISH_INLINE_WORDS,
};

describe('inline figures', () => {
  it('reads as the product shows it everywhere', () => {
    expect(figureText({ seconds: 42, credits: 42, source: 'api' }, ENGLISH_INLINE_WORDS)).toBe('≈ 0:42 · 42 credits');
    expect(figureText({ seconds: 83.4, credits: 1, source: 'local' }, ENGLISH_INLINE_WORDS)).toBe('≈ 1:23 · 1 credit');
    expect(figureText({ seconds: 30, credits: 0.75, source: 'local' }, ENGLISH_INLINE_WORDS)).toBe('≈ 0:30 · 0.75 credits');
  });

  it('marks which figure is shown', () => {
    expect(sourceMark({ seconds: 1, credits: 1, source: 'api' }, ENGLISH_INLINE_WORDS).label).toBe('API');
    expect(sourceMark({ seconds: 1, credits: 1, source: 'cache' }, ENGLISH_INLINE_WORDS).label).toBe('API');
    expect(sourceMark({ seconds: 1, credits: 1, source: 'local', note: 'No API key: approximate local estimate.' }, ENGLISH_INLINE_WORDS))
      .toEqual({ label: 'approx.', title: 'No API key: approximate local estimate.' });
    expect(sourceMark({ seconds: 1, credits: 1, source: 'mixed' }, ENGLISH_INLINE_WORDS).label).toBe('mixed');
  });

  it('prices billed seconds in the provider\'s steps', () => {
    expect(creditsFor(41.2, { perSecond: 1, quantum: 0 })).toBe(41.2);
    expect(creditsFor(41.2, { perSecond: 1, quantum: 1 })).toBe(42);
    expect(creditsFor(41.2, { perSecond: 9 / 60, quantum: 60 })).toBe(9);
    expect(creditsFor(0, { perSecond: 9 / 60, quantum: 60 })).toBe(0);
  });

  it('gives the page the same local figure as the engine\'s model', () => {
    const text = 'A line of narration, read at a calm pace. Then another one!';
    const voice = { secondsPerUnit: 0.08, pauses: { clause: 0.2, sentence: 0.4, paragraph: 0.9 } };
    const figure = localFigure(voiceSeconds(text, 'en', 1.25, voice), { ...config, local: { language: 'en', speed: 1.25, parameters: voice } });
    expect(figure.seconds).toBeCloseTo(voiceSeconds(text, 'en', 1.25, voice), 10);
    expect(figure.source).toBe('local');
  });
});
