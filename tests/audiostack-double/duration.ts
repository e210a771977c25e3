import type { AudioStackVoice } from '@/lib/sources/audiostack';
import { analyseText } from '../api-double/duration';
import { speakingRate } from './voices';

/**
 * The double's duration model: spoken characters at the voice's own rate plus pauses at punctuation
 * and line ends, rounded to milliseconds. Deterministic, so tests can compute exact totals; there is
 * no speed, as the real predict takes none.
 *
 * length = round3(spokenChars / charsPerSecond(voice) + pauses)
 */
export function predictedLength(voice: AudioStackVoice, text: string): number {
  const { spokenChars, pauseSeconds } = analyseText(text);
  return Math.round((spokenChars / speakingRate(voice) + pauseSeconds) * 1000) / 1000;
}
