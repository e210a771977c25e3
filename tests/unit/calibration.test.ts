import { describe, expect, it } from 'vitest';
import { Calibration, calibrationKey } from '@/lib/estimate/calibration';

describe('Calibration', () => {
  const key = calibrationKey('supertone', { voiceId: 'voice', language: 'en', model: 'sona_speech_1' });

  it('is neutral until it has seen enough speech', () => {
    const model = new Calibration();
    expect(model.factor(key)).toBe(1);
    model.observe(key, 1, 1.5);
    expect(model.factor(key)).toBe(1);
  });

  it('learns the ratio of API to local seconds', () => {
    const model = new Calibration();
    for (let i = 0; i < 10; i++) model.observe(key, 2, 2.4);
    expect(model.factor(key)).toBeCloseTo(1.2, 6);
    expect(model.samples(key)).toBe(10);
  });

  it('follows a change in the voice over time', () => {
    const model = new Calibration();
    for (let i = 0; i < 50; i++) model.observe(key, 2, 2.4);
    for (let i = 0; i < 200; i++) model.observe(key, 2, 1.8);
    expect(model.factor(key)).toBeCloseTo(0.9, 1);
  });

  it('keeps the factor in a sane range and ignores nonsense', () => {
    const model = new Calibration();
    for (let i = 0; i < 10; i++) model.observe(key, 1, 100);
    model.observe(key, Number.NaN, 3);
    model.observe(key, 3, -1);
    expect(model.factor(key)).toBe(2);
  });

  it('keys by vendor, voice, language, model and style, not by speed', () => {
    const base = { voiceId: 'voice', language: 'en', model: 'sona_speech_1' };
    const keys = [
      calibrationKey('supertone', base), calibrationKey('audiostack', base), calibrationKey('supertone', { ...base, voiceId: 'other' }),
      calibrationKey('supertone', { ...base, language: 'ko' }), calibrationKey('supertone', { ...base, model: 'sona_speech_2' }),
      calibrationKey('supertone', { ...base, style: 'happy' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads factors learned before sources as Supertone\'s (old keys had no vendor)', () => {
    const model = new Calibration({ 'voice|en|sona_speech_1': { api: 24, local: 20, n: 10 } });
    expect(model.factor(key)).toBeCloseTo(1.2, 9);
    expect(model.samples(key)).toBe(10);
  });

  it('measures its own error on each answer before learning from it', () => {
    const model = new Calibration();
    expect(model.error(key)).toBeUndefined();
    model.observe(key, 2, 2.4); // factor 1 then: 2 against 2.4 is 1/6 off
    expect(model.error(key)).toBeCloseTo(1 / 6, 9);
    for (let i = 0; i < 60; i++) model.observe(key, 2, 2.4);
    expect(model.error(key)).toBeLessThan(0.01); // learned: the figure now matches
  });

  it('round-trips through JSON', () => {
    const model = new Calibration();
    for (let i = 0; i < 5; i++) model.observe(key, 2, 2.2);
    const copy = new Calibration(JSON.parse(JSON.stringify(model.toJSON())));
    expect(copy.factor(key)).toBeCloseTo(model.factor(key), 9);
  });
});
