import type { Model } from '../sources/supertone';
import {
  AUDIOSTACK_ENDPOINT_CREDITS, AUDIOSTACK_PROVIDER_IDS, AUDIOSTACK_VOICE_RATES, PRODUCTION_PIPELINE, SUPERTONE_RATES,
  type AudioStackProviderId,
} from './tables';

export const PROVIDER_IDS = ['supertone', ...AUDIOSTACK_PROVIDER_IDS] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** How billed time is counted before the rate is applied. */
export const ROUNDING_RULES = ['prorate', 'second', 'minute'] as const;
export type RoundingRule = (typeof ROUNDING_RULES)[number];

export interface RateOverrides {
  supertone?: Partial<Record<Model, number>>;
  audiostack?: Partial<Record<AudioStackProviderId, number>>;
}

export interface ProviderRate {
  id: ProviderId;
  name: string;
  vendor: 'Supertone' | 'AudioStack';
  /** Figure as the source states it, with its unit. */
  rate: number;
  unit: 'second' | 'minute';
  overridden: boolean;
}

export function providerRates(model: Model, overrides: RateOverrides = {}): ProviderRate[] {
  const supertoneOverride = overrides.supertone?.[model];
  const supertone: ProviderRate = {
    id: 'supertone', name: 'Supertone', vendor: 'Supertone', unit: 'second',
    rate: supertoneOverride ?? SUPERTONE_RATES.perModel[model],
    overridden: supertoneOverride !== undefined,
  };
  return [supertone, ...AUDIOSTACK_PROVIDER_IDS.map((id) => audiostackRate(id, overrides))];
}

function audiostackRate(id: AudioStackProviderId, overrides: RateOverrides): ProviderRate {
  const override = overrides.audiostack?.[id];
  const { name, perMinute } = AUDIOSTACK_VOICE_RATES.providers[id];
  return { id, name, vendor: 'AudioStack', unit: 'minute', rate: override ?? perMinute, overridden: override !== undefined };
}

/** Credits a second of speech costs with `provider` (0 when the tables have no rate for it). */
export function creditsPerSecond(provider: ProviderId, model: Model, overrides: RateOverrides = {}): number {
  const rate = providerRates(model, overrides).find((candidate) => candidate.id === provider);
  if (!rate) return 0;
  return rate.unit === 'second' ? rate.rate : rate.rate / 60;
}

/** A vendor's provider name (an AudioStack voice's `provider`) as a rate-table id, if the tables know it. */
export function providerId(name: string | undefined): ProviderId | undefined {
  return PROVIDER_IDS.find((id) => id === name);
}

export function billedSeconds(seconds: number, rounding: RoundingRule): number {
  if (seconds <= 0) return 0;
  if (rounding === 'second') return Math.ceil(seconds);
  if (rounding === 'minute') return Math.ceil(seconds / 60) * 60;
  return seconds;
}

/** Rounded to 1/10000 credit to hide float noise, not to change the figure. */
function tidy(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function creditsFor(seconds: number, rate: ProviderRate, rounding: RoundingRule = 'prorate'): number {
  const billed = billedSeconds(seconds, rounding);
  return tidy(rate.unit === 'second' ? billed * rate.rate : (billed / 60) * rate.rate);
}

export function creditsByProvider(
  seconds: number, model: Model, overrides: RateOverrides = {}, rounding: RoundingRule = 'prorate',
): Record<ProviderId, number> {
  const entries = providerRates(model, overrides).map((rate) => [rate.id, creditsFor(seconds, rate, rounding)] as const);
  return Object.fromEntries(entries) as Record<ProviderId, number>;
}

/** Providers by cost for the given credits, cheapest first; ties keep table order. */
export function cheapestFirst(credits: Record<ProviderId, number>): Array<{ id: ProviderId; credits: number }> {
  return PROVIDER_IDS.map((id) => ({ id, credits: credits[id] })).sort((a, b) => a.credits - b.credits);
}

export interface PipelineEstimate {
  steps: Array<{ label: string; route: string; credits: number }>;
  total: number;
}

/** AudioStack production: fixed credits per pipeline call, plus the voice provider's credits for the speech. */
export function pipelineCredits(
  seconds: number, provider: AudioStackProviderId, overrides: RateOverrides = {}, rounding: RoundingRule = 'prorate',
): PipelineEstimate {
  const rate = audiostackRate(provider, overrides);
  const steps = PRODUCTION_PIPELINE.map(({ label, route, method }) => {
    const row = AUDIOSTACK_ENDPOINT_CREDITS.rows.find((r) => r.route === route && r.method === method);
    if (!row) throw new RangeError(`No credit figure for ${method} ${route}`);
    const speech = route === '/speech/tts' ? creditsFor(seconds, rate, rounding) : 0;
    return { label, route: `${method} ${route}`, credits: tidy(row.credits + speech) };
  });
  return { steps, total: tidy(steps.reduce((sum, step) => sum + step.credits, 0)) };
}
