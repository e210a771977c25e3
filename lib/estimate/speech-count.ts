import type { SpokenText } from '../text/spoken-numbers/spoken-text';
import type { PauseWeights } from './language-defaults';

/**
 * The local duration model's arithmetic: seconds = units × secondsPerUnit + the pauses between
 * stretches of speech, divided by speed. Only pauses *between* words count: punctuation at the
 * very start or end of a text is silence before or after the speech, which a render's measured
 * length leaves out too. What numbers become before counting is the caller's (local-model.ts says
 * them as words; the content script, which must stay small, counts their digits).
 */
export interface SpeechFeatures {
  /** Letters (alphabetic scripts), characters (Chinese, Japanese) or syllable blocks (Korean). */
  units: number;
  clauses: number;
  sentences: number;
  paragraphs: number;
}

/** What one voice is, for the model: its speaking rate and its pauses (at speed 1). */
export interface VoiceParameters {
  secondsPerUnit: number;
  pauses: PauseWeights;
}

/** Languages whose unit is a character or syllable block rather than a letter ("ja", "zh-CN", "cmn" …). */
const SYLLABIC = /^(?:ja|ko|zh|cmn|yue)(?![a-z])/iu;
/**
 * Units of a CJK character, a letter and a digit, in syllabic and in alphabetic languages. Our own
 * rough weights for text in another script: a letter is about a third of a syllable, a CJK
 * character about three letters. A digit left unspoken counts as a short number word.
 */
const WEIGHTS = { syllabic: [1, 1 / 3, 1.5], alphabetic: [3, 1, 3.5] } as const;

const TOKEN =
  /([ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ])|([\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Hang}ー])|(\p{L})|(\p{N}+(?:[.,:]\p{N}+)*)|(\n[^\S\n]*\n)|([.!?…。！？؟।॥\n])|([,;:、，；：،؛—–])/gu;

const NONE = 0;
const CLAUSE = 1;
const SENTENCE = 2;
const PARAGRAPH = 3;

/** `continues`: more speech follows this text (a slice of a longer one), so a pause at its end counts. */
export function countSpeech(spoken: SpokenText, language: string, continues = false): SpeechFeatures {
  const [character, letter, digit] = WEIGHTS[SYLLABIC.test(language.trim()) ? 'syllabic' : 'alphabetic'];
  const features: SpeechFeatures = { units: spoken.digits * digit, clauses: 0, sentences: 0, paragraphs: 0 };
  let pending = NONE;
  let spokenYet = features.units > 0;
  const speak = (units: number) => {
    if (pending === CLAUSE) features.clauses += 1;
    else if (pending === SENTENCE) features.sentences += 1;
    else if (pending === PARAGRAPH) features.paragraphs += 1;
    pending = NONE;
    spokenYet = true;
    features.units += units;
  };
  for (const match of spoken.text.matchAll(TOKEN)) {
    if (match[1] !== undefined) continue; // a small kana is part of the mora before it
    if (match[2] !== undefined) speak(character);
    else if (match[3] !== undefined) speak(letter);
    // A number left in digits ("4.50" too: its point is no sentence end) counts a short word per digit.
    else if (match[4] !== undefined) speak(match[4].replace(/\D/gu, '').length * digit);
    else if (!spokenYet) continue;
    else if (match[5] !== undefined) pending = PARAGRAPH;
    else if (match[6] !== undefined) pending = Math.max(pending, SENTENCE);
    else if (match[7] !== undefined) pending = Math.max(pending, CLAUSE);
  }
  if (continues && spokenYet) speak(0);
  return features;
}

/** Seconds at speed 1; divide by the speed for any other. */
export function secondsAtNormalSpeed(features: SpeechFeatures, voice: VoiceParameters): number {
  if (features.units === 0) return 0;
  return features.units * voice.secondsPerUnit + features.clauses * voice.pauses.clause
    + features.sentences * voice.pauses.sentence + features.paragraphs * voice.pauses.paragraph;
}
