import { creditsPerSecond, providerId, providerRates } from '../rates/credits';
import type { Settings } from '../settings/schema';
import type { VendorId, VoiceDirectory } from '../sources/types';

/**
 * The rate "≈ N min of speech left" is worked out at: the voice's own provider where the vendor
 * resells providers (its voices say which), else the vendor's own rate for the model. Unknown when
 * neither is in the tables (a reseller's voice list never fetched): then no minutes are shown
 * rather than a guess at another vendor's price.
 */
export function voiceRate(settings: Settings, vendor: VendorId | undefined, voices: VoiceDirectory): { creditsPerSecond: number; label: string } | undefined {
  if (!vendor) return undefined;
  const provider = providerId(voices.get(settings.voiceId)?.provider) ?? providerId(vendor);
  const rate = provider && providerRates(settings.model, settings.rateOverrides).find((r) => r.id === provider);
  if (!provider || !rate) return undefined;
  // A rate per second is per model (Supertone's table): name the model, as the voice section does.
  return { creditsPerSecond: creditsPerSecond(provider, settings.model, settings.rateOverrides), label: rate.unit === 'second' ? settings.model : rate.name };
}
