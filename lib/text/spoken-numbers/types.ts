/** A written number, date, time or amount, parsed once so each language only has to say it. */
export type CurrencyCode = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'KRW';

export type NumberExpression =
  | { kind: 'integer'; value: number; digits: string }
  | { kind: 'decimal'; whole: number; fraction: string }
  | { kind: 'year'; value: number }
  | { kind: 'ordinal'; value: number }
  | { kind: 'percent'; whole: number; fraction: string }
  | { kind: 'money'; currency: CurrencyCode; whole: number; cents: number }
  | { kind: 'time'; hours: number; minutes: number }
  | { kind: 'date'; year: number; month: number; day: number };

/** How one language reads numbers aloud. */
export interface NumberSpeaker {
  /** Thousands separator in written numbers of this language ("1,200" in English, "1.200" in Spanish). */
  readonly grouping: ',' | '.';
  say(expression: NumberExpression, context: { before: string; after: string }): string;
}
