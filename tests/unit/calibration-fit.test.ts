import { describe, expect, it } from 'vitest';
import { fitVoice, type Observation } from '@/lib/calibration/fit';
import { defaultParameters, secondsAtNormalSpeed, type SpeechFeatures, type VoiceParameters } from '@/lib/estimate/local-model';

/** A voice whose true parameters we know, heard through renders with a little noise. */
const truth: VoiceParameters = { secondsPerUnit: 0.072, pauses: { clause: 0.18, sentence: 0.42, paragraph: 1.1 } };
const prior = defaultParameters('en');

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function renders(count: number, seed = 1, noise = 0.02): Observation[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const features: SpeechFeatures = {
      units: Math.round(80 + next() * 600), clauses: Math.floor(next() * 7), sentences: Math.floor(1 + next() * 6),
      paragraphs: next() < 0.4 ? Math.floor(1 + next() * 2) : 0,
    };
    const speed = [0.8, 1, 1.25, 1.5][Math.floor(next() * 4)] ?? 1;
    const seconds = (secondsAtNormalSpeed(features, truth) / speed) * (1 + (next() * 2 - 1) * noise);
    return { id: `render-${i}`, kind: 'render' as const, features, seconds, speed };
  });
}

function heldOutError(parameters: VoiceParameters): number {
  const test = renders(200, 99, 0);
  return test.reduce((sum, r) => sum + Math.abs(secondsAtNormalSpeed(r.features, parameters) / r.speed - r.seconds) / r.seconds, 0) / test.length;
}

describe('fitVoice with synthetic renders of known parameters', () => {
  it('recovers the rate and every pause weight from 30 renders at mixed speeds', () => {
    const fit = fitVoice(renders(30), prior);
    expect(fit.freeParameters).toBe(4);
    expect(fit.used).toBe(30);
    expect(fit.parameters.secondsPerUnit / truth.secondsPerUnit).toBeCloseTo(1, 1);
    expect(Math.abs(fit.parameters.pauses.sentence - truth.pauses.sentence)).toBeLessThan(0.12);
    expect(Math.abs(fit.parameters.pauses.paragraph - truth.pauses.paragraph)).toBeLessThan(0.3);
    expect(fit.error).toBeLessThan(0.03);
    expect(heldOutError(fit.parameters)).toBeLessThan(0.02);
  });

  it('frees fewer parameters with fewer renders, and still moves towards the voice', () => {
    const before = heldOutError(prior);
    const one = fitVoice(renders(1), prior);
    const five = fitVoice(renders(5), prior);
    expect(one.freeParameters).toBe(1);
    expect(five.freeParameters).toBe(2);
    // One factor: pauses move with the rate.
    expect(one.parameters.pauses.sentence / prior.pauses.sentence).toBeCloseTo(one.parameters.secondsPerUnit / prior.secondsPerUnit, 6);
    expect(heldOutError(one.parameters)).toBeLessThan(before);
    expect(heldOutError(five.parameters)).toBeLessThan(heldOutError(one.parameters));
  });

  it('shrinks towards the prior: a pause the renders never show stays at the default', () => {
    const noParagraphs = renders(20).map((r) => ({ ...r, features: { ...r.features, paragraphs: 0 }, seconds: secondsAtNormalSpeed({ ...r.features, paragraphs: 0 }, truth) / r.speed }));
    const fit = fitVoice(noParagraphs, prior);
    expect(fit.parameters.pauses.paragraph).toBeCloseTo(prior.pauses.paragraph, 6);
  });

  it('divides speed out: the same renders told at another speed give the same voice', () => {
    const atOne = renders(12).map((r) => ({ ...r, seconds: r.seconds * r.speed, speed: 1 }));
    const atTwo = atOne.map((r) => ({ ...r, seconds: r.seconds / 2, speed: 2 }));
    expect(fitVoice(atTwo, prior).parameters.secondsPerUnit).toBeCloseTo(fitVoice(atOne, prior).parameters.secondsPerUnit, 9);
  });

  it('flags a wrong pairing and a render of another voice, and leaves them out of the fit', () => {
    const good = renders(12);
    const swapped = { ...good[0]!, id: 'swapped', features: { units: 40, clauses: 0, sentences: 1, paragraphs: 0 } };
    const otherVoice = { ...good[1]!, id: 'other-voice', seconds: good[1]!.seconds * 1.6 };
    const fit = fitVoice([...good.slice(2), swapped, otherVoice], prior);
    const flagged = fit.rows.filter((row) => row.flag).map((row) => [row.id, row.flag?.reason]);
    expect(flagged).toEqual([['swapped', 'disagrees'], ['other-voice', 'disagrees']]);
    expect(fit.used).toBe(10);
    expect(fit.parameters.secondsPerUnit / truth.secondsPerUnit).toBeCloseTo(1, 1);
    const row = fit.rows.find((r) => r.id === 'swapped');
    expect(row?.flag).toEqual({ reason: 'disagrees', expectedSeconds: row?.estimated });
    expect(row!.estimated).toBeLessThan(row!.measured / 3);
  });

  it('with one or two renders flags only what no voice of the language could say', () => {
    const [a, b] = renders(2);
    const absurd = { ...b!, id: 'absurd', seconds: b!.seconds * 8 };
    const fit = fitVoice([a!, absurd], prior);
    expect(fit.rows.map((row) => row.flag?.reason)).toEqual([undefined, 'disagrees']);
    expect(fit.used).toBe(1);
  });

  it('flags silence and empty text with their own reasons', () => {
    const [a] = renders(1);
    const fit = fitVoice([
      { ...a!, id: 'silent', seconds: 0.05 },
      { ...a!, id: 'no-words', features: { units: 0, clauses: 0, sentences: 0, paragraphs: 0 } },
    ], prior);
    expect(fit.rows.map((row) => row.flag?.reason)).toEqual(['no-speech', 'no-text']);
    expect(fit.used).toBe(0);
    expect(fit.error).toBeNull();
    expect(fit.parameters).toEqual(prior);
  });

  it('reports a cross-validated error that falls as renders are added', () => {
    const errors = [3, 10, 30].map((n) => fitVoice(renders(n, 7), prior).error ?? 1);
    expect(errors[2]!).toBeLessThan(errors[0]!);
    expect(errors[2]!).toBeLessThan(0.03);
  });

  it('learns from vendor answers the same way as from renders', () => {
    const answers = renders(15, 3, 0.01).map((r) => ({ ...r, kind: 'answer' as const }));
    const fit = fitVoice(answers, prior);
    expect(fit.rows.every((row) => row.kind === 'answer' && row.used)).toBe(true);
    expect(heldOutError(fit.parameters)).toBeLessThan(0.02);
  });
});
