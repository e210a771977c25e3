import { describe, expect, it } from 'vitest';
import type { Observation } from '@/lib/calibration/fit';
import { createLocalDurationModel, priorFromCharsPerSecond } from '@/lib/calibration/local-duration-model';
import { calibrate, calibrationFile, calibrationFor, mergeCalibrations, parseCalibrationFile, type CalibrationKey } from '@/lib/calibration/record';
import { defaultParameters, secondsAtNormalSpeed, speechFeatures, type VoiceParameters } from '@/lib/estimate/local-model';
import type { VoiceProfile } from '@/lib/sources/types';

const slowVoice: VoiceParameters = { secondsPerUnit: 0.1, pauses: { clause: 0.3, sentence: 0.6, paragraph: 1 } };
const texts = [
  'The morning train left at seven, and nobody was on it.', 'She counted the boxes twice. Then she counted them again.',
  'A short one.', 'Rain fell on the roofs of the old town, softly, for hours.', 'We will meet again in spring; bring the maps.',
  'Nothing in the report explained the delay.', 'He laughed, shook his head, and walked out into the cold.',
  'Every answer raised two new questions.', 'The river was high. The bridge was closed. We waited.',
  'Tickets cost twelve dollars at the door.',
];
const renders = (voice: VoiceParameters): Observation[] => texts.map((text, i) => {
  const features = speechFeatures(text, 'en');
  return { id: `r${i}.wav`, kind: 'render', features, seconds: secondsAtNormalSpeed(features, voice) / 1.25, speed: 1.25 };
});
const profile: VoiceProfile = { source: 'supertone', voiceId: 'v1', language: 'en', model: 'sona_speech_1', speed: 1 };

describe('calibrations as user data', () => {
  it('round-trips through the versioned file format and refuses a bad file with its reason', () => {
    const { calibration } = calibrate({ voiceId: 'v1', language: 'en' }, renders(slowVoice));
    const file = JSON.parse(JSON.stringify(calibrationFile([calibration])));
    expect(parseCalibrationFile(file)).toEqual({ ok: true, calibrations: [calibration] });
    expect(parseCalibrationFile({ ...file, version: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/not a ScriptMeter calibration file.*version/) });
    const broken = structuredClone(file);
    broken.calibrations[0].parameters.secondsPerUnit = -1;
    expect(parseCalibrationFile(broken)).toMatchObject({ ok: false, error: expect.stringContaining('calibrations.0.parameters.secondsPerUnit') });
    expect(parseCalibrationFile('nonsense').ok).toBe(false);
  });

  it('applies a calibration without a source to every source, and the most specific one first', () => {
    const make = (key: CalibrationKey) => calibrate(key, renders(slowVoice)).calibration;
    const any = make({ voiceId: 'v1', language: 'en' });
    const audiostackOnly = make({ voiceId: 'v1', language: 'en', source: 'audiostack' });
    const withModel = make({ voiceId: 'v1', language: 'en', model: 'sona_speech_1' });
    const list = [any, audiostackOnly, withModel];
    expect(calibrationFor(list, profile)).toBe(withModel);
    expect(calibrationFor(list, { ...profile, model: 'other' })).toBe(any);
    expect(calibrationFor(list, { ...profile, source: 'audiostack', model: undefined })).toBe(audiostackOnly);
    expect(calibrationFor(list, { ...profile, language: 'ko' })).toBeUndefined();
    expect(calibrationFor(list, { ...profile, voiceId: 'v2' })).toBeUndefined();
  });

  it('replaces a calibration of the same key on import, keeps the others', () => {
    const first = calibrate({ voiceId: 'v1', language: 'en' }, renders(slowVoice)).calibration;
    const other = calibrate({ voiceId: 'v2', language: 'en' }, renders(slowVoice)).calibration;
    const newer = { ...first, samples: 3, updatedAt: new Date(Date.parse(first.updatedAt) + 1000).toISOString() };
    expect(mergeCalibrations([first, other], [newer])).toEqual([newer, other]);
  });
});

describe('LocalDurationModel', () => {
  const text = 'A new line of script, never rendered before. It runs on.';

  it('uses the defaults until a calibration applies, then the calibrated voice, and says which', () => {
    const saved: ReturnType<typeof calibrate>['calibration'][] = [];
    const model = createLocalDurationModel({ calibrations: () => saved });
    const before = model.seconds(text, profile);
    expect(before).toBeCloseTo(secondsAtNormalSpeed(speechFeatures(text, 'en'), defaultParameters('en')), 10);
    expect(model.basis(profile)).toEqual({ kind: 'defaults' });
    saved.push(calibrate({ voiceId: 'v1', language: 'en' }, renders(slowVoice)).calibration);
    const truth = secondsAtNormalSpeed(speechFeatures(text, 'en'), slowVoice);
    expect(Math.abs(model.seconds(text, profile) - truth) / truth).toBeLessThan(0.03);
    expect(model.seconds(text, { ...profile, speed: 2 })).toBeCloseTo(model.seconds(text, profile) / 2, 10);
    expect(model.basis(profile)).toMatchObject({ kind: 'calibrated', samples: 10 });
  });

  it('learns a voice from vendor answers, and hands back what to persist', () => {
    let persisted = {};
    const model = createLocalDurationModel({ calibrations: () => [], onLearned: (state) => { persisted = state; } });
    for (const line of texts) model.learn(line, profile, secondsAtNormalSpeed(speechFeatures(line, 'en'), slowVoice), 'supertone');
    const truth = secondsAtNormalSpeed(speechFeatures(text, 'en'), slowVoice);
    expect(Math.abs(model.seconds(text, profile) - truth) / truth).toBeLessThan(0.03);
    const again = createLocalDurationModel({ calibrations: () => [], learned: persisted });
    expect(again.seconds(text, profile)).toBeCloseTo(model.seconds(text, profile), 10);
    // Answers sharpen the voice, but only renders are quoted as a calibration.
    expect(again.basis(profile)).toEqual({ kind: 'defaults' });
  });

  it("takes a vendor's characters per second as the prior", () => {
    const model = createLocalDurationModel({ calibrations: () => [], charsPerSecond: () => 10 });
    const characters = [...text].length;
    const pauses = secondsAtNormalSpeed({ ...speechFeatures(text, 'en'), units: 0.000001 }, defaultParameters('en'));
    expect(model.seconds(text, profile)).toBeCloseTo(characters / 10 + pauses, 3);
    expect(priorFromCharsPerSecond('en', 10, text).pauses).toEqual(defaultParameters('en').pauses);
  });

  it('says when a language has no speaking rate of its own (a mean of others), until the voice is calibrated', () => {
    const saved: ReturnType<typeof calibrate>['calibration'][] = [];
    const model = createLocalDurationModel({ calibrations: () => saved });
    expect(model.basis({ ...profile, language: 'pt-BR' })).toEqual({ kind: 'borrowed', language: 'pt-BR' });
    expect(model.basis({ ...profile, language: 'xx' })).toEqual({ kind: 'borrowed', language: 'xx' });
    expect(model.basis({ ...profile, language: 'de' })).toEqual({ kind: 'defaults' });
    // A vendor's own pace for the voice is no borrowed rate.
    expect(createLocalDurationModel({ calibrations: () => [], charsPerSecond: () => 14 }).basis({ ...profile, language: 'pt' })).toEqual({ kind: 'defaults' });
    saved.push(calibrate({ voiceId: 'v1', language: 'pt' }, renders(slowVoice)).calibration);
    expect(model.basis({ ...profile, language: 'pt' })).toMatchObject({ kind: 'calibrated', samples: 10 });
  });
});

describe('the calibration note', () => {
  it('reads "calibrated from 12 renders, ±4 %" in English, Korean and Japanese, and nothing for the defaults', async () => {
    const { calibratedNote } = await import('@/lib/calibration/basis-note');
    const { createI18n } = await import('@/lib/i18n');
    const basis = { kind: 'calibrated' as const, samples: 12, error: 0.038 };
    expect(calibratedNote(createI18n('en').t, basis)).toBe('calibrated from 12 renders, ±4 %');
    expect(calibratedNote(createI18n('ko').t, basis)).toBe('렌더링 12개로 보정, ±4%');
    expect(calibratedNote(createI18n('ja').t, basis)).toBe('レンダリング 12 件で補正、±4%');
    expect(calibratedNote(createI18n('en').t, { kind: 'defaults' })).toBeUndefined();
    expect(calibratedNote(createI18n('en').t, { kind: 'borrowed', language: 'pt' })).toBe('no speaking rate known for "pt": a mean of other languages until you calibrate this voice');
    expect(calibratedNote(createI18n('ko').t, { kind: 'borrowed', language: 'pt' })).toContain('"pt"');
  });
});
