import { spellOutNumbers } from '../text/spoken-numbers';
import { baseLanguage, languageDefaults } from './language-defaults';
import { countSpeech, secondsAtNormalSpeed, type SpeechFeatures, type VoiceParameters } from './speech-count';

export { secondsAtNormalSpeed, type SpeechFeatures, type VoiceParameters } from './speech-count';

/** The language's default voice (language-defaults.ts): what a voice is before any calibration. */
export function defaultParameters(language: string): VoiceParameters {
  const defaults = languageDefaults(language);
  return { secondsPerUnit: 1 / defaults.unitsPerSecond, pauses: { ...defaults.pauses } };
}

/**
 * The local duration model: numbers written as they are said ("1999" → "nineteen ninety-nine"),
 * so they count for what they take to say, then units and pauses counted (speech-count.ts).
 * `continues`: more speech follows this text (a slice of a longer one), so a pause at its end counts.
 */
export function speechFeatures(text: string, language: string, continues = false): SpeechFeatures {
  return countSpeech(spellOutNumbers(text, baseLanguage(language)), language, continues);
}

/** Seconds of `text` said by a voice at `speed`; `continues` as for speechFeatures. */
export function voiceSeconds(text: string, language: string, speed: number, voice: VoiceParameters, continues = false): number {
  return secondsAtNormalSpeed(speechFeatures(text, language, continues), voice) / speed;
}

/** The language's default voice, scaled by `factor`, at `speed`. */
export function localSeconds(text: string, language: string, speed: number, factor = 1): number {
  return voiceSeconds(text, language, speed, defaultParameters(language)) * factor;
}
