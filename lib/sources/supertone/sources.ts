import { ApiError } from '../errors';
import { languageSchema } from '../language-schema';
import type { AccountSource, DurationSource, Sources, UsageMinutes, UsageReports, VoiceInfo, VoiceProfile } from '../types';
import { createSupertoneClient, type SupertoneClient } from './client';
import { modelSchema, type UsageBucket } from './schemas';
import { classifySunset, createGoneMemo, pastShutdown, type GoneMemo } from './sunset';
import type { VendorHttpOptions } from '../http';

/** The API's limit per predict call. */
export const SUPERTONE_MAX_CHARACTERS = 300;
const PARALLEL = 4;

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.');
}

/**
 * Runs a call, turning a failure of Supertone's own (shut-down) endpoint into the sunset error; once
 * it is known gone, gives that error without asking again (see createGoneMemo).
 */
function guarded<T>(endpoint: string, route: 'voice' | 'account', gone: GoneMemo, call: () => Promise<T>): Promise<T> {
  const known = gone.known();
  if (known) return Promise.reject(known);
  return call().catch((error: unknown) => {
    const classified = classifySunset(asApiError(error), endpoint, route);
    gone.saw(classified);
    throw classified;
  });
}

function predictRequest(text: string, voice: VoiceProfile) {
  const language = languageSchema.safeParse(voice.language);
  if (!language.success) throw new ApiError('bad-request', `Supertone does not predict "${voice.language}": choose another language.`);
  const model = voice.model === undefined ? undefined : modelSchema.safeParse(voice.model);
  if (model && !model.success) throw new ApiError('bad-request', `Supertone has no model "${voice.model}".`);
  return { text, language: language.data, model: model?.data, style: voice.style, voice_settings: { speed: voice.speed } };
}

function durationSource(client: SupertoneClient, endpoint: string, gone: GoneMemo): DurationSource {
  return {
    specificationVersion: 'v1',
    vendor: 'supertone',
    creditsPerCall: 0, // predict-duration is free
    limits: () => ({ maxCharacters: SUPERTONE_MAX_CHARACTERS, parallel: PARALLEL, split: 'anywhere' }),
    cacheInputs: (voice) => ({ ...voice, source: 'supertone' }),
    warnings: () => [],
    voiceDetails: () => undefined,
    async predict(text, voice, signal) {
      const request = predictRequest(text, voice);
      const seconds = await guarded(endpoint, 'voice', gone, () => client.predictDuration(voice.voiceId, request, signal));
      return { seconds, warnings: [], meta: {} };
    },
  };
}

function bucketsToMinutes(buckets: readonly UsageBucket[]): UsageMinutes[] {
  return buckets.map((bucket) => ({
    start: Date.parse(bucket.starting_at),
    rows: bucket.results.map((row) => ({ minutes: row.minutes_used, voiceId: row.voice_id, voiceName: row.voice_name })),
  }));
}

function accountSource(client: SupertoneClient, endpoint: string, now: () => number, gone: GoneMemo): AccountSource {
  const usage: UsageReports = {
    daily: (from, to, signal) => guarded(endpoint, 'account', gone, async () =>
      bucketsToMinutes(await client.getUsage({ start: from, end: to, bucketWidth: 'day', breakdown: ['voice_id', 'voice_name'] }, signal))),
    hourly: (from, to, signal) => guarded(endpoint, 'account', gone, async () =>
      bucketsToMinutes(await client.getUsage({ start: from, end: to, bucketWidth: 'hour' }, signal))),
  };
  return {
    specificationVersion: 'v1',
    vendor: 'supertone',
    balanceCost: 0,
    voicesCost: 0,
    async balance(signal) {
      const { balance } = await guarded(endpoint, 'account', gone, () => client.getCredits(signal));
      return { balance, asOf: now(), meta: balance === null ? {} : { creditsRemaining: balance } };
    },
    async voices(signal) {
      const voices = await guarded(endpoint, 'account', gone, () => client.listVoices(signal));
      return voices.map((v): VoiceInfo => ({ id: v.voice_id, name: v.name, languages: v.language, styles: v.styles, models: v.models }));
    },
    usage,
  };
}

export interface SupertoneOptions extends VendorHttpOptions {
  now?: () => number;
}

/** Supertone (or any Supertone-compatible API) as a duration source and an account source. */
export function createSupertoneSources(options: SupertoneOptions): Sources {
  const now = options.now ?? Date.now;
  const client = createSupertoneClient(pastShutdown(options.baseUrl, now()) ? { ...options, retries: 0 } : options);
  const gone = createGoneMemo(now);
  return {
    duration: durationSource(client, options.baseUrl, gone),
    account: accountSource(client, options.baseUrl, now, gone),
  };
}
