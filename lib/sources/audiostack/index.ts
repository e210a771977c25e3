/** AudioStack's public face: what code outside this folder may use. */
export { createAudioStackSources, DEFAULT_SECTION_CHARACTERS, voiceInfo, type AudioStackOptions } from './sources';
export { createAudioStackClient, type AudioStackClient } from './client';
