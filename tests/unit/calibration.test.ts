import { describe, expect, it } from 'vitest';
import { Calibration, calibrationKey } from '@/lib/estimate/calibration';

describe('Calibration', () => {
  const key = calibrationKey('voice', 'en', 'sona_speech_1');

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

  it('round-trips through JSON', () => {
    const model = new Calibration();
    for (let i = 0; i < 5; i++) model.observe(key, 2, 2.2);
    const copy = new Calibration(JSON.parse(JSON.stringify(model.toJSON())));
    expect(copy.factor(key)).toBeCloseTo(model.factor(key), 9);
  });
});
