import type { LocalBasis, LocalDurationModel, VendorId, VoiceDirectory, VoiceProfile } from '../sources/types';
import { Calibration, calibrationKey } from './calibration';
import { localSeconds, measureSpeech } from './local-model';

/** Answers needed before a calibrated figure claims its measured error. */
const MIN_SAMPLES_FOR_BASIS = 3;

export interface CalibratedLocalModel extends LocalDurationModel {
  /** The learned factor for a voice: content scripts compute instant figures with it. */
  factor(voice: VoiceProfile): number;
}

export interface CalibratedLocalOptions {
  /** Vendor voice hints (AudioStack's charsPerSecond) that seed a voice's pace before any answer. */
  voices?: VoiceDirectory;
  /** Called after a vendor's answer taught the model something, so it can be saved. */
  onLearned?: () => void;
}

/**
 * The first local duration model: per-language speaking rates and pauses (local-model.ts), or the
 * vendor's own characters-per-second hint for the voice where there is one, corrected per voice by
 * the ratio of vendor answers to local figures (calibration.ts).
 */
export function createCalibratedLocalModel(calibration: Calibration, options: CalibratedLocalOptions = {}): CalibratedLocalModel {
  const vendorOf = (voice: VoiceProfile): VendorId | undefined => (voice.source === 'local' ? undefined : voice.source);
  const keyFor = (vendor: VendorId, voice: VoiceProfile) => calibrationKey(vendor, voice);

  /** The uncalibrated figure: what the factor multiplies and what answers are compared with. */
  function raw(text: string, voice: VoiceProfile): number {
    const hint = voice.source === 'local' ? undefined : options.voices?.get(voice.voiceId)?.charsPerSecond;
    if (hint === undefined) return localSeconds(text, voice.language, voice.speed);
    return measureSpeech(text).units === 0 ? 0 : text.trim().length / hint / voice.speed;
  }

  function factor(voice: VoiceProfile): number {
    const vendor = vendorOf(voice);
    return vendor === undefined ? 1 : calibration.factor(keyFor(vendor, voice));
  }

  return {
    factor,
    seconds: (text, voice) => raw(text, voice) * factor(voice),
    basis(voice): LocalBasis {
      const vendor = vendorOf(voice);
      if (vendor === undefined) return { kind: 'defaults' };
      const key = keyFor(vendor, voice);
      const samples = calibration.samples(key);
      const error = calibration.error(key);
      return samples >= MIN_SAMPLES_FOR_BASIS && error !== undefined ? { kind: 'calibrated', samples, error } : { kind: 'defaults' };
    },
    learn(text, voice, seconds, vendor) {
      calibration.observe(keyFor(vendor, voice), raw(text, voice), seconds);
      options.onLearned?.();
    },
  };
}
