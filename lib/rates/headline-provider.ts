import type { Settings } from '../settings/schema';
import type { VoiceDirectory, VoiceProfile } from '../sources/types';
import { providerId, type ProviderId } from './credits';

export interface HeadlineProvider {
  provider: ProviderId;
  /**
   * The voice's vendor resells other providers and its voice list does not say which one this voice
   * is (never fetched, or a voice id typed or imported that it does not list): `provider` is the
   * settings' choice, assumed, and the figure must say so.
   */
  assumed: boolean;
}

/**
 * The provider whose price heads a figure: for a vendor that resells providers, the voice's own
 * provider from the vendor's cached voice list, whatever set the voice (the picker, a typed id, a
 * settings file); else the user's headline provider.
 */
export function headlineProvider(settings: Settings, voice: VoiceProfile, voices: VoiceDirectory): HeadlineProvider {
  if (voice.source === 'local') return { provider: settings.provider, assumed: false };
  const listed = providerId(voices.get(voice.voiceId)?.provider);
  if (listed) return { provider: listed, assumed: false };
  // A vendor that bills as itself (it is a provider of its own) is never assumed.
  return { provider: settings.provider, assumed: providerId(voice.source) === undefined };
}
