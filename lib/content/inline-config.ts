import type { Language } from '../sources/languages';
import type { VoiceParameters } from '../estimate/speech-count';
import type { ProviderId } from '../rates/credits';
import type { InlineWords } from './inline-words';
import type { PaidOffer } from '../spend/offer-token';

/**
 * What a content script needs to know, from the background, to show figures on a page.
 * Types only: content scripts must not ship zod or the rate tables.
 */
export interface InlineConfig {
  /** False when ScriptMeter is paused or this site is disabled: nothing is read or shown. */
  active: boolean;
  /** Whole-field figures may come from the API (they send the whole field). */
  wholeFieldApi: boolean;
  /** Above this many characters the background answers locally anyway, so nothing is sent. */
  maxApiCharacters: number;
  provider: ProviderId;
  /**
   * The local model's inputs, so the first figure needs no round trip: the voice as calibrated (or
   * the language's defaults), and what it rests on ("calibrated from 12 renders, ±4 %").
   */
  local: { language: Language; speed: number; parameters: VoiceParameters; calibrated?: string };
  /** Credits for the chosen provider: billed seconds × perSecond, billed in steps of `quantum` seconds (0: prorated). */
  billing: { perSecond: number; quantum: 0 | 1 | 60 };
  /** What the tooltip and chip say, in the user's language. */
  words: InlineWords;
}

/** A figure as shown: where it came from decides the mark beside it. */
export interface Figure {
  seconds: number;
  credits: number;
  source: 'local' | 'api' | 'cache' | 'mixed';
  /** Why the figure is local, or what went wrong, in plain words. */
  note?: string;
  /** A dialogue's figure: how many voices its cast used. */
  voices?: number;
  /** The exact figure costs credits and was not bought: the background's signed offer to buy it. */
  offer?: PaidOffer;
  /** Credits the predictions behind this figure cost (0 or absent: none). */
  spent?: number;
}
