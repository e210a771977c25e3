/** AudioStack's public face: what code outside this folder may use. */
export { createAudioStackSources, DEFAULT_SECTION_CHARACTERS, voiceInfo, type AudioStackOptions } from './sources';
export { createAudioStackClient, type AudioStackClient } from './client';
/** The contract, written from audiostack.md: the local double answers through it and contract tests check both sides. */
export {
  envelopeSchema, errorBodySchema, metaSchema, predictDataSchema, predictRequestSchema, voiceSchema,
  type AudioStackVoice,
} from './schemas';
