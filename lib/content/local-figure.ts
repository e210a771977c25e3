import type { Figure, InlineConfig } from './inline-config';

export function creditsFor(seconds: number, billing: InlineConfig['billing']): number {
  const billed = billing.quantum > 0 && seconds > 0 ? Math.ceil(seconds / billing.quantum) * billing.quantum : seconds;
  return Math.round(billed * billing.perSecond * 10_000) / 10_000;
}

/** A figure from the page's own local model, priced for the chosen provider. */
export function localFigure(seconds: number, config: InlineConfig, note?: string): Figure {
  return { seconds, credits: creditsFor(seconds, config.billing), source: 'local', note };
}
