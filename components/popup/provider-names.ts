import type { Model } from '@/lib/sources/supertone';
import { providerRates, type ProviderId } from '@/lib/rates/credits';
import type { Settings } from '@/lib/settings/schema';

export function providerNames(model: Model, settings: Settings): Record<string, string> {
  return Object.fromEntries(providerRates(model, settings.rateOverrides).map((rate) => [rate.id, rate.name]));
}

export function providerName(id: ProviderId, model: Model, settings: Settings): string {
  return providerNames(model, settings)[id] ?? id;
}
