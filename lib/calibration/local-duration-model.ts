import { z } from 'zod';
import { hasOwnRate } from '../estimate/language-defaults';
import { defaultParameters, secondsAtNormalSpeed, speechFeatures, type VoiceParameters } from '../estimate/local-model';
import type { LocalBasis, LocalDurationModel, VendorId, VoiceDirectory, VoiceProfile } from '../sources/types';
import { fitVoice, type Observation } from './fit';
import { calibrationFor, FEATURES_VERSION, observationSchema, type Calibration } from './record';

/** Vendor answers kept per voice: enough for a stable fit, small enough to store. */
const MAX_ANSWERS = 100;
const MAX_VOICES = 50;

export const learnedAnswersSchema = z.record(z.string().max(400), z.array(observationSchema).max(MAX_ANSWERS));
export type LearnedAnswers = z.infer<typeof learnedAnswersSchema>;

export interface LocalModelOptions {
  /** The user's calibrations (from renders or imported); read on every call, so saves apply at once. */
  calibrations: () => readonly Calibration[];
  /** Vendor answers learned so far, as persisted. */
  learned?: LearnedAnswers;
  /** Called after an answer was learned, with the state to persist. */
  onLearned?: (learned: LearnedAnswers) => void;
  /** A vendor's own speaking rate for a voice (AudioStack's charsPerSecond), used as the prior. */
  charsPerSecond?: (voice: VoiceProfile) => number | undefined;
}

function answersKey(voice: VoiceProfile): string {
  return [voice.source, voice.voiceId, voice.language.toLowerCase(), voice.model ?? '', voice.style ?? ''].join('|');
}

/** A vendor's voice list as the model's `charsPerSecond` option. */
export function paceFrom(directory: VoiceDirectory | undefined): (voice: VoiceProfile) => number | undefined {
  return (voice) => (voice.source === 'local' ? undefined : directory?.get(voice.voiceId)?.charsPerSecond);
}

/**
 * The prior from a vendor's characters-per-second figure: the rate that makes this text's speech
 * (pauses apart) take characters ÷ charsPerSecond.
 */
export function priorFromCharsPerSecond(language: string, charsPerSecond: number, text: string): VoiceParameters {
  const defaults = defaultParameters(language);
  const units = speechFeatures(text, language).units;
  const characters = [...text.replace(/\s+/gu, ' ').trim()].length;
  if (!(charsPerSecond > 0) || units === 0 || characters === 0) return defaults;
  return { ...defaults, secondsPerUnit: characters / (charsPerSecond * units) };
}

interface Fitted {
  parameters: VoiceParameters;
  basis: LocalBasis;
}

export interface CalibratedLocalModel extends LocalDurationModel {
  /** The voice as the model sees it, for content scripts' instant figures. */
  parameters(voice: VoiceProfile): VoiceParameters;
  learned(): LearnedAnswers;
}

export function createLocalDurationModel(options: LocalModelOptions): CalibratedLocalModel {
  const answers = new Map<string, Observation[]>(Object.entries(options.learned ?? {}));
  const fits = new Map<string, { calibration: Calibration | undefined; answers: number; prior: VoiceParameters; fitted: Fitted }>();

  function fitted(voice: VoiceProfile, text: string): Fitted {
    const calibration = calibrationFor(options.calibrations(), voice);
    const heard = answers.get(answersKey(voice)) ?? [];
    const cps = options.charsPerSecond?.(voice);
    const prior = cps ? priorFromCharsPerSecond(voice.language, cps, text) : defaultParameters(voice.language);
    const key = answersKey(voice);
    const known = fits.get(key);
    // The prior only matters without renders or answers; with them the fit is what counts.
    if (known && known.calibration === calibration && known.answers === heard.length && (calibration || heard.length > 0 || !cps)) return known.fitted;
    // The basis is the user's calibration (renders): answers sharpen the voice but are no renders to
    // quote, so a voice learned from answers alone still shows as the defaults' approximation.
    const basis: LocalBasis = calibration ? basisOf(calibration.samples, calibration.error, voice.language) : cps ? { kind: 'defaults' } : defaultsFor(voice.language);
    let parameters: VoiceParameters;
    if (heard.length === 0 || (calibration && calibration.featuresVersion !== FEATURES_VERSION)) {
      parameters = calibration?.parameters ?? prior;
    } else {
      parameters = fitVoice([...(calibration?.observations ?? []), ...heard], prior).parameters;
    }
    const result: Fitted = { parameters, basis };
    fits.set(key, { calibration, answers: heard.length, prior, fitted: result });
    return result;
  }

  return {
    seconds(text, voice) {
      return secondsAtNormalSpeed(speechFeatures(text, voice.language), fitted(voice, text).parameters) / voice.speed;
    },
    basis(voice) {
      return fitted(voice, '').basis;
    },
    parameters(voice) {
      return fitted(voice, '').parameters;
    },
    learn(text, voice, seconds, vendor: VendorId) {
      const features = speechFeatures(text, voice.language);
      if (features.units === 0 || !(seconds > 0)) return;
      const key = answersKey(voice);
      const list = answers.get(key) ?? [];
      answers.delete(key); // re-insert: Map order doubles as recency for eviction
      answers.set(key, [...list, { id: vendor, kind: 'answer' as const, features, seconds, speed: voice.speed }].slice(-MAX_ANSWERS));
      if (answers.size > MAX_VOICES) answers.delete(answers.keys().next().value ?? '');
      options.onLearned?.(Object.fromEntries(answers));
    },
    learned: () => Object.fromEntries(answers),
  };
}

function defaultsFor(language: string): LocalBasis {
  return hasOwnRate(language) ? { kind: 'defaults' } : { kind: 'borrowed', language };
}

function basisOf(samples: number, error: number | null, language: string): LocalBasis {
  return samples > 0 && error !== null ? { kind: 'calibrated', samples, error } : defaultsFor(language);
}
