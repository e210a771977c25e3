import type { AudioStackVoice } from '@/lib/sources/audiostack';

/**
 * The double's voices, shaped as ../shared/api/audiostack.md lists them. Their section limits and
 * speaking rates differ, so tests see the client plan calls per voice; `legacy` is listed but not
 * among the voices predict supports.
 */
export const AUDIOSTACK_VOICES: readonly AudioStackVoice[] = [
  voice('sara', 'azure', 'en-US-SaraNeural', 'female', 'adult', { language: 'English', languageCode: 'en-US', accent: 'american', sectionCharacterLimit: 1_000, charsPerSecond: 14.6, providerFullName: 'Azure by Microsoft' }),
  voice('isaac', 'elevenlabs', 'pNInz6obpgDQGcFmaJgB', 'male', 'young adult', { language: 'English', languageCode: 'en-GB', accent: 'british', charsPerSecond: 13.4, isMultilingual: true, supportedLanguages: ['en', 'de', 'fr'] }),
  voice('joanna', 'polly', 'Joanna', 'female', 'adult', { language: 'English', languageCode: 'en-US', sectionCharacterLimit: 3_000, charsPerSecond: 15.2 }),
  voice('ava', 'wellsaid', 'ws-ava-27', 'female', 'adult', { language: 'English', languageCode: 'en-US', sectionCharacterLimit: 500, charsPerSecond: 12.8, supportedStyles: ['narration', 'promo'] }),
  voice('hana', 'google', 'ko-KR-Neural2-A', 'female', 'adult', { language: 'Korean', languageCode: 'ko-KR', sectionCharacterLimit: 1_000, charsPerSecond: 7.1 }),
  voice('legacy', 'msnr', 'msnr-legacy-1', 'male', 'senior', { language: 'English', languageCode: 'en-GB' }),
];

/** Aliases `POST /speech/predict` accepts. */
export const PREDICT_VOICES: readonly string[] = AUDIOSTACK_VOICES.map((v) => v.alias).filter((alias) => alias !== 'legacy');

/** The JS SDK's assumption for a voice that states no limit, enforced by the double as the real limit. */
export const DEFAULT_SECTION_LIMIT = 1_000;

/** The speaking rate of voices that state none. */
const DEFAULT_CHARS_PER_SECOND = 14;

export function findAudioStackVoice(alias: string): AudioStackVoice | undefined {
  return AUDIOSTACK_VOICES.find((v) => v.alias === alias);
}

export function sectionLimit(voice: AudioStackVoice): number {
  return voice.sectionCharacterLimit ?? DEFAULT_SECTION_LIMIT;
}

export function speakingRate(voice: AudioStackVoice): number {
  return voice.charsPerSecond ?? DEFAULT_CHARS_PER_SECOND;
}

function voice(
  alias: string, provider: string, voiceId: string, gender: string, ageBracket: string,
  extra: Partial<Omit<AudioStackVoice, 'charsPerSecond'>> & { charsPerSecond?: number },
): AudioStackVoice {
  return { alias, provider, voiceId, gender, ageBracket, type: 'public', tags: [], audioSample: `https://samples.example/${alias}.mp3`, ...extra };
}

/** A voice as the API sends it: `charsPerSecond` is a string there. */
export function wireVoice(voice: AudioStackVoice): Record<string, unknown> {
  return voice.charsPerSecond === undefined ? { ...voice } : { ...voice, charsPerSecond: voice.charsPerSecond.toFixed(1) };
}
