import { LANGUAGES } from '../lib/sources/languages';
import { MODELS } from '../lib/sources/supertone';
import { SPEED_MAX, SPEED_MIN, type SourceChoice, type VoiceProfile } from '../lib/sources/types';
import { UsageError } from './errors';
import { numberOption, oneOf } from './options';

/** The voice flags `estimate` and `lines` share, for parseOptions. */
export const VOICE_OPTIONS = {
  voice: { type: 'string' }, language: { type: 'string' }, model: { type: 'string' }, style: { type: 'string' }, speed: { type: 'string' },
} as const;

export interface VoiceFlags {
  voice?: string;
  language?: string;
  model?: string;
  style?: string;
  speed?: string;
}

/** The voice profile the flags describe, checked (exit 2 naming the flag). */
export function voiceFromFlags(values: VoiceFlags, source: SourceChoice = 'supertone'): VoiceProfile {
  const speed = values.speed === undefined ? 1 : numberOption('--speed', values.speed);
  if (speed < SPEED_MIN || speed > SPEED_MAX) throw new UsageError(`--speed must be between ${SPEED_MIN} and ${SPEED_MAX} (got ${values.speed})`);
  return {
    source,
    voiceId: values.voice ?? '',
    language: oneOf('--language', values.language ?? 'en', LANGUAGES),
    model: oneOf('--model', values.model ?? 'sona_speech_1', MODELS),
    style: values.style,
    speed,
  };
}
