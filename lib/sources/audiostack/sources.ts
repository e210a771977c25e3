import { AUDIOSTACK_CALL_CREDITS } from '../../rates/tables';
import type { VendorHttpOptions } from '../http';
import type { AccountSource, CreditsMeta, DurationSource, Sources, VoiceDirectory, VoiceInfo, VoiceProfile } from '../types';
import { createAudioStackClient } from './client';
import type { AudioStackVoice } from './schemas';

/** The JS SDK's own assumption for a voice that states no section limit. */
export const DEFAULT_SECTION_CHARACTERS = 1_000;
/** AudioStack states no rate limit for predict and advises backing off on 429: stay modest. */
const PARALLEL = 2;

export function voiceInfo(voice: AudioStackVoice): VoiceInfo {
  const languages = [voice.languageCode ?? voice.language, ...(voice.supportedLanguages ?? [])].filter((l): l is string => Boolean(l));
  return {
    id: voice.alias,
    name: voice.providerFullName ? `${voice.alias} (${voice.providerFullName})` : voice.alias,
    languages: [...new Set(languages)],
    styles: voice.supportedStyles ?? [],
    models: [],
    provider: voice.provider,
    charsPerSecond: voice.charsPerSecond,
    sectionCharacterLimit: voice.sectionCharacterLimit,
  };
}

export interface AudioStackOptions extends VendorHttpOptions {
  now?: () => number;
  /** Told of every envelope's credits (answers and errors): the balance lives only there. */
  onMeta?: (meta: CreditsMeta, at: number) => void;
  /** Voices known without a call (the list cached when the user last asked for it). */
  voices?: VoiceDirectory;
}

/** AudioStack as a duration source (paid per call) and an account source (balance from envelopes). */
export function createAudioStackSources(options: AudioStackOptions): Sources {
  const now = options.now ?? Date.now;
  const prices = { predict: AUDIOSTACK_CALL_CREDITS.predict, voices: AUDIOSTACK_CALL_CREDITS.voices };
  const client = createAudioStackClient({ ...options, prices, onMeta: (meta) => options.onMeta?.(meta, now()) });
  const details = (alias: string) => options.voices?.get(alias);

  const duration: DurationSource = {
    specificationVersion: 'v1',
    vendor: 'audiostack',
    creditsPerCall: prices.predict,
    limits: (voice) => ({
      maxCharacters: details(voice.voiceId)?.sectionCharacterLimit ?? DEFAULT_SECTION_CHARACTERS,
      parallel: PARALLEL,
      split: 'sentence',
    }),
    // Predict takes the text and the alias only: one bought answer serves every speed and language setting.
    cacheInputs: (voice): VoiceProfile => ({ source: 'audiostack', voiceId: voice.voiceId, language: '*', speed: 1 }),
    warnings: (voice) => (voice.speed === 1 ? [] : [{ code: 'speed-not-input', speed: voice.speed }]),
    voiceDetails: details,
    async predict(text, voice, signal) {
      const answer = await client.predict(text, voice.voiceId, signal);
      return { seconds: answer.data.length / voice.speed, warnings: duration.warnings(voice), meta: answer.meta };
    },
  };

  const account: AccountSource = {
    specificationVersion: 'v1',
    vendor: 'audiostack',
    balanceCost: AUDIOSTACK_CALL_CREDITS.scripts,
    voicesCost: prices.voices,
    async balance(signal) {
      const { meta } = await client.scripts(signal);
      return { balance: meta.creditsRemaining, asOf: now(), meta };
    },
    async voices(signal) {
      return (await client.listVoices(signal)).data.map(voiceInfo);
    },
  };
  return { duration, account };
}
