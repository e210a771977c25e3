import { SOURCE_CHOICES } from '../sources/choices';
import type { SourceChoice, VendorId, VoiceProfile } from '../sources/types';
import type { Settings } from './schema';

/** What the settings store: a source, or 'auto'. */
export const SOURCE_SETTINGS = ['auto', ...SOURCE_CHOICES] as const;
export type SourceSetting = (typeof SOURCE_SETTINGS)[number];

/** Which vendors have a key saved: the background knows this, the settings do not. */
export type KeysSet = Readonly<Record<VendorId, boolean>>;

/**
 * The source 'auto' stands for. Settings never hold keys, so the choice is made where the keys are
 * read: the vendor whose key is set; Supertone when both are (its predictions are free, so 'auto'
 * never turns into spending credits); the local model when none is. That is why 'auto' is the
 * default and what v2 settings migrate to: a user who had a Supertone key keeps Supertone, and a
 * fresh install without a key works locally, each with nothing to set.
 */
export function resolveSource(setting: SourceSetting, keys: KeysSet): SourceChoice {
  if (setting !== 'auto') return setting;
  if (keys.supertone) return 'supertone';
  return keys.audiostack ? 'audiostack' : 'local';
}

/** The voice profile in effect: the settings' voice with its source resolved. */
export function voiceProfile(settings: Settings, keys: KeysSet): VoiceProfile {
  return {
    source: resolveSource(settings.source, keys),
    voiceId: settings.voiceId,
    language: settings.language,
    model: settings.model,
    style: settings.style || undefined,
    speed: settings.speed,
  };
}
