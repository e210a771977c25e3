import { languageSchema, modelSchema } from '../api/schemas';
import type { EstimateOptions, Estimator, VoiceParams } from '../estimate/estimator';
import type { SourceChoice, VoiceProfile } from '../sources/types';
import type { LineEstimator } from './estimate';

/** The estimator's voice for a profile; a language or model it does not know is said, not guessed. */
export function voiceParams(profile: VoiceProfile): VoiceParams {
  const language = languageSchema.safeParse(profile.language);
  if (!language.success) throw new Error(`Language "${profile.language}" is not one ScriptMeter can estimate.`);
  const model = modelSchema.safeParse(profile.model ?? 'sona_speech_1');
  if (!model.success) throw new Error(`Model "${profile.model ?? ''}" is not one ScriptMeter knows.`);
  return { voiceId: profile.voiceId, language: language.data, model: model.data, style: profile.style || undefined, speed: profile.speed };
}

/**
 * Lines go to the estimator of their voice's source; a source without one (no key, not built)
 * answers with `fallback`, whose figures are local and say why.
 */
export function lineEstimator(estimators: Partial<Record<SourceChoice, Estimator>>, fallback: Estimator, options: EstimateOptions = {}): LineEstimator {
  return (text, voice) => (estimators[voice.source] ?? fallback).estimate(text, voiceParams(voice), options);
}
