import { unitFromHash } from './random';
import { DEFAULT_STYLE } from './voices';

/**
 * The double's duration model. Plausible, not the vendor's: its job is to be deterministic and
 * to react to every input a client sends, so tests can compute exact expected totals.
 */

export interface PredictBody {
  text: string;
  language: string;
  style?: string;
  model?: string;
  voice_settings?: { speed?: number };
}

/** Spoken characters per second (letters, digits and one per word gap); CJK scripts count each character. */
const CHARS_PER_SECOND: Readonly<Record<string, number>> = {
  en: 14.5, ko: 7, ja: 8, ar: 12, bg: 13.5, cs: 13.5, da: 14, de: 13.5, el: 13.5, es: 15.5, et: 13, fi: 13,
  fr: 15, hi: 12.5, hr: 13.5, hu: 13, id: 14, it: 15, lt: 13, lv: 13, nl: 14, pl: 13.5, pt: 15, ro: 14.5,
  ru: 13.5, sk: 13.5, sl: 13.5, sv: 14, tr: 13.5, uk: 13.5, vi: 12,
};
const FALLBACK_CHARS_PER_SECOND = 14;

/** Flash/turbo-style models speak a little faster. */
const MODEL_FACTOR: Readonly<Record<string, number>> = {
  sona_speech_1: 1, sona_speech_2: 0.98, sona_speech_2t: 0.97, sona_speech_2_flash: 0.92,
  supertonic_api_1: 0.95, sona_speech_3t: 1.02, supertonic_api_3: 0.94,
};
const DEFAULT_MODEL = 'sona_speech_1';

const STYLE_FACTOR: Readonly<Record<string, number>> = {
  neutral: 1, happy: 0.95, sad: 1.12, angry: 0.93, surprised: 0.97, whisper: 1.08, serene: 1.1, 'kind-default': 1.03, shouting: 0.96,
};

const PAUSE_SECONDS = { newline: 0.6, sentence: 0.5, clause: 0.25 } as const;
const SENTENCE_END = /[.!?。！？…]/u;
const CLAUSE_BREAK = /[,;:、，；：]/u;
const SPOKEN = /[\p{L}\p{N}\p{M}]/u;

export function hasSpokenText(text: string): boolean {
  return SPOKEN.test(text);
}

/** In [0.85, 1.15), fixed per voice id: voices differ in pace, reproducibly. */
export function voiceFactor(voiceId: string): number {
  return 0.85 + 0.3 * unitFromHash(`pace:${voiceId}`);
}

function pauseOf(char: string): number {
  if (char === '\n') return PAUSE_SECONDS.newline;
  if (SENTENCE_END.test(char)) return PAUSE_SECONDS.sentence;
  return CLAUSE_BREAK.test(char) ? PAUSE_SECONDS.clause : 0;
}

/**
 * Splits text into spoken characters and pauses. Each run of non-spoken characters between words
 * counts as one spoken character (the word gap) plus the longest pause it holds ("?!" pauses once);
 * a run before the first word is ignored, a run after the last one adds only its pause.
 */
export function analyseText(text: string): { spokenChars: number; pauseSeconds: number } {
  let spokenChars = 0;
  let pauseSeconds = 0;
  let gapPause = 0;
  let inGap = false;
  for (const char of text) {
    if (SPOKEN.test(char)) {
      if (inGap && spokenChars > 0) {
        spokenChars += 1;
        pauseSeconds += gapPause;
      }
      spokenChars += 1;
      inGap = false;
      gapPause = 0;
    } else {
      inGap = true;
      gapPause = Math.max(gapPause, pauseOf(char));
    }
  }
  if (inGap && spokenChars > 0) pauseSeconds += gapPause;
  return { spokenChars, pauseSeconds };
}

/**
 * duration = round2((spokenChars / rate[language] + pauses) × voiceFactor × modelFactor × styleFactor / speed)
 */
export function predictedDuration(voiceId: string, body: PredictBody): number {
  const { spokenChars, pauseSeconds } = analyseText(body.text);
  const rate = CHARS_PER_SECOND[body.language] ?? FALLBACK_CHARS_PER_SECOND;
  const model = MODEL_FACTOR[body.model ?? DEFAULT_MODEL] ?? 1;
  const style = STYLE_FACTOR[body.style ?? DEFAULT_STYLE] ?? 1;
  const speed = body.voice_settings?.speed ?? 1;
  const seconds = ((spokenChars / rate + pauseSeconds) * voiceFactor(voiceId) * model * style) / speed;
  return Math.round(seconds * 100) / 100;
}
