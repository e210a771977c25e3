import type { Model } from '../sources/supertone';
import { MODELS } from '../sources/supertone/models';

/**
 * Rate tables as data, each with where it came from and when it was taken, so the UI can show
 * provenance and users can override any figure. Nothing else in the code holds a rate.
 */

/** The day these tables were copied from their source documents (which carry no date themselves). */
const TAKEN_ON = '2026-11-22';

export interface TableSource {
  source: string;
  asOf: string;
  note?: string;
}

export const SUPERTONE_RATES: TableSource & { unit: 'credits per second'; perModel: Record<Model, number> } = {
  source: 'Supertone API documentation, “Credits” (credits are deducted per second of generated audio; predict_duration is free)',
  asOf: TAKEN_ON,
  note: 'The source gives no figure per second, so ScriptMeter assumes 1 credit per second for every model. Edit it to match your plan.',
  unit: 'credits per second',
  perModel: Object.fromEntries(MODELS.map((model) => [model, 1])) as Record<Model, number>,
};

export const AUDIOSTACK_PROVIDER_IDS = [
  'msnr', 'azure', 'cerevoice', 'deepzen', 'elevenlabs', 'google', 'ibm', 'polly', 'resemble', 'wellsaid', 'openai', 'playht',
] as const;
export type AudioStackProviderId = (typeof AUDIOSTACK_PROVIDER_IDS)[number];

export const AUDIOSTACK_VOICE_RATES: TableSource & {
  unit: 'credits per minute';
  providers: Record<AudioStackProviderId, { name: string; perMinute: number }>;
} = {
  source: 'AudioStack documentation, “Credits” — usage per voice provider per 1 minute of speech',
  asOf: TAKEN_ON,
  unit: 'credits per minute',
  providers: {
    msnr: { name: 'Aflorithmic Messner', perMinute: 1.5 },
    azure: { name: 'Azure by Microsoft', perMinute: 1 },
    cerevoice: { name: 'CereProc', perMinute: 1.2 },
    deepzen: { name: 'DeepZen', perMinute: 18 },
    elevenlabs: { name: 'Eleven Labs', perMinute: 9 },
    google: { name: 'Google', perMinute: 1 },
    ibm: { name: 'IBM', perMinute: 1.2 },
    polly: { name: 'Polly by Amazon', perMinute: 1 },
    resemble: { name: 'Resemble', perMinute: 9 },
    wellsaid: { name: 'WellSaid Labs', perMinute: 9 },
    openai: { name: 'OpenAI', perMinute: 1.5 },
    playht: { name: 'PlayHT', perMinute: 1.5 },
  },
};

export interface EndpointCredit {
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  credits: number;
}

export const AUDIOSTACK_ENDPOINT_CREDITS: TableSource & { rows: readonly EndpointCredit[] } = {
  source: 'AudioStack documentation, “Credits” — production credits per API route',
  asOf: TAKEN_ON,
  rows: [
    { route: '/content/script', method: 'POST', credits: 0.1 },
    { route: '/content/script', method: 'GET', credits: 0 },
    { route: '/content/script', method: 'PUT', credits: 0 },
    { route: '/content/script', method: 'DELETE', credits: 0 },
    { route: '/content/script/{id}', method: 'GET', credits: 0 },
    { route: '/content/script/{id}', method: 'DELETE', credits: 0 },
    { route: '/content/script/{id}/{version}', method: 'GET', credits: 0 },
    { route: '/content/script/{id}/{version}', method: 'DELETE', credits: 0 },
    { route: '/content/scripts', method: 'GET', credits: 0 },
    { route: '/content/scripts', method: 'DELETE', credits: 0 },
    { route: '/content/list_projects', method: 'GET', credits: 0 },
    { route: '/content/list_modules', method: 'GET', credits: 0 },
    { route: '/content/media/create-upload-url', method: 'POST', credits: 3 },
    { route: '/content/media', method: 'GET', credits: 0 },
    { route: '/content/media/{mediaId}', method: 'GET', credits: 0 },
    { route: '/content/media/{mediaId}', method: 'DELETE', credits: 0 },
    { route: '/speech/diction', method: 'GET', credits: 0 },
    { route: '/speech/diction/custom', method: 'GET', credits: 0 },
    { route: '/speech/diction/custom/item', method: 'PUT', credits: 2 },
    { route: '/speech/diction/custom/item', method: 'DELETE', credits: 0.5 },
    { route: '/speech/diction/custom/items', method: 'GET', credits: 0 },
    { route: '/speech/predict', method: 'POST', credits: 0.33 },
    { route: '/speech/tts', method: 'POST', credits: 0 },
    { route: '/speech/tts', method: 'GET', credits: 0 },
    { route: '/speech/tts/{speechId}', method: 'DELETE', credits: 0 },
    { route: '/speech/tts/{speechId}', method: 'GET', credits: 0 },
    { route: '/speech/tts/sync', method: 'POST', credits: 0.2 },
    { route: '/speech/tts/reduce', method: 'POST', credits: 1 },
    { route: '/speech/tts/annotate', method: 'POST', credits: 1 },
    { route: '/speech/voice', method: 'GET', credits: 0.2 },
    { route: '/speech/voice', method: 'POST', credits: 0.2 },
    { route: '/speech/voice/{name}', method: 'GET', credits: 0.2 },
    { route: '/voice/parameter', method: 'GET', credits: 0.2 },
    { route: '/production/sound/template', method: 'POST', credits: 20 },
    { route: '/production/sound/template', method: 'GET', credits: 2 },
    { route: '/production/sound/template', method: 'PUT', credits: 2 },
    { route: '/production/sound/template/{name}', method: 'DELETE', credits: 3 },
    { route: '/production/sound/parameter', method: 'GET', credits: 2 },
    { route: '/production/sound/segment', method: 'POST', credits: 5 },
    { route: '/production/mix', method: 'POST', credits: 5 },
    { route: '/production/mix/{productionId}', method: 'GET', credits: 1 },
    { route: '/production/mix/{productionId}', method: 'DELETE', credits: 1 },
    { route: '/production/mixes', method: 'GET', credits: 2 },
    { route: '/production/mix/presets', method: 'GET', credits: 1 },
    { route: '/deliver/encoder', method: 'POST', credits: 5 },
    { route: '/deliver/encoder/presets', method: 'GET', credits: 1 },
    { route: '/voice-cloning/users', method: 'POST', credits: 100 },
    { route: '/voice-cloning/users', method: 'GET', credits: 0 },
    { route: '/voice-cloning/users/{userId}', method: 'GET', credits: 0 },
    { route: '/voice-cloning/users/{userId}', method: 'PATCH', credits: 0.5 },
    { route: '/voice-cloning/users/{userId}', method: 'DELETE', credits: 10 },
    { route: '/voice-cloning/files', method: 'GET', credits: 0 },
    { route: '/voice-cloning/files/{userId}', method: 'DELETE', credits: 0 },
  ],
};

/**
 * What ScriptMeter's own AudioStack calls cost, from AudioStack's current pricing page, which is
 * newer than the seed's table above (/speech/predict 0.33 there, 0.25 here; the voice list 0.2
 * there). Paid calls are planned, consented to and counted at these figures; each answer's
 * envelope then says what was really charged.
 */
export const AUDIOSTACK_CALL_CREDITS: TableSource & {
  predict: number; voices: number; scripts: number;
} = {
  source: 'AudioStack pricing page (current), per API call',
  asOf: TAKEN_ON,
  note: 'GET /content/scripts carries the balance in its envelope and costs nothing; there is no balance endpoint.',
  predict: 0.25,
  voices: 0.25,
  scripts: 0,
};

/** The AudioStack calls one produced script goes through: script, TTS, mix, encode. */
export const PRODUCTION_PIPELINE: ReadonlyArray<{ label: string; route: string; method: EndpointCredit['method'] }> = [
  { label: 'Script', route: '/content/script', method: 'POST' },
  { label: 'Text to speech', route: '/speech/tts', method: 'POST' },
  { label: 'Mix', route: '/production/mix', method: 'POST' },
  { label: 'Encode', route: '/deliver/encoder', method: 'POST' },
];
