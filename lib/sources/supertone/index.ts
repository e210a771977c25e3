/** Supertone's public face: what code outside this folder may use. */
export { createSupertoneSources, SUPERTONE_MAX_CHARACTERS, type SupertoneOptions } from './sources';
export { createSupertoneClient, dateWindows, type SupertoneClient } from './client';
export { MODELS, modelSchema, type Model } from './schemas';
export { SUNSET_MESSAGE, SUPERTONE_SHUTDOWN_DATE } from './sunset';
