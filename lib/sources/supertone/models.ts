/** Supertone's model ids, apart from the schemas so rate tables can list them without loading zod. */
export const MODELS = [
  'sona_speech_1', 'sona_speech_2', 'sona_speech_2t', 'sona_speech_2_flash',
  'supertonic_api_1', 'sona_speech_3t', 'supertonic_api_3',
] as const;
