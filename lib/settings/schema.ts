import { z } from 'zod';
import { PROVIDER_IDS, ROUNDING_RULES } from '../rates/credits';
import { AUDIOSTACK_PROVIDER_IDS } from '../rates/tables';
import { DEFAULT_ENDPOINTS } from '../sources/defaults';
import { checkEndpoint } from '../sources/endpoint';
import { languageSchema } from '../sources/language-schema';
import { MODELS, modelSchema } from '../sources/supertone';
import { SPEED_MAX, SPEED_MIN } from '../sources/types';
import { DEFAULT_SPEND_RULE } from '../spend/rule';
import { spendRuleSchema } from '../spend/rule-schema';
import { DEFAULT_NORMALIZE_OPTIONS } from '../text/normalize';
import { castSetting, scriptSetting } from '../script/settings';
import { SOURCE_SETTINGS } from './voice-profile';

const rate = z.number().finite().nonnegative().max(10_000);

export const endpointSchema = z.string().trim()
  .refine((value) => checkEndpoint(value).ok, { error: (issue) => { const r = checkEndpoint(String(issue.input)); return r.ok ? '' : r.error; } });

/** Each field carries its own default so a missing or broken field never costs the others. */
export const settingsFields = {
  /** Which source answers: a vendor, the local model, or 'auto' (the vendor whose key is set; v3). */
  source: z.enum(SOURCE_SETTINGS).default('auto'),
  /** Base URL per vendor (v3; v2 had one `endpoint`, Supertone's). */
  endpoints: z.object({
    supertone: endpointSchema,
    audiostack: endpointSchema,
  }).default({ ...DEFAULT_ENDPOINTS }),
  /** A Supertone voice id or an AudioStack voice alias. */
  voiceId: z.string().trim().max(100, 'A voice id is at most 100 characters.').regex(/^[\w.-]*$/, 'A voice id has only letters, digits, ., - and _.').default(''),
  language: languageSchema.default('en'),
  model: modelSchema.default('sona_speech_1'),
  style: z.string().trim().max(50, 'A style name is at most 50 characters.').default(''),
  speed: z.number({ error: 'Speed is a number.' }).min(SPEED_MIN, `Speed is at least ${SPEED_MIN}.`).max(SPEED_MAX, `Speed is at most ${SPEED_MAX}.`).default(1),
  provider: z.enum(PROVIDER_IDS).default('supertone'),
  rounding: z.enum(ROUNDING_RULES).default('prorate'),
  rateOverrides: z.object({
    supertone: z.partialRecord(z.enum(MODELS), rate).optional(),
    audiostack: z.partialRecord(z.enum(AUDIOSTACK_PROVIDER_IDS), rate).optional(),
  }).default({}),
  normalize: z.object({
    tags: z.boolean(), markdown: z.boolean(), directions: z.boolean(), speakerLabels: z.boolean(),
  }).default({ ...DEFAULT_NORMALIZE_OPTIONS }),
  /** When predictions that cost credits may be bought (v3). */
  spend: spendRuleSchema.default({ ...DEFAULT_SPEND_RULE }),
  /** Longer texts get a local figure: bounded work and bounded traffic for a stray select-all. */
  maxApiCharacters: z.number().int().min(300).max(1_000_000).default(30_000),
  /** Target for the "fits an N-second slot?" check. */
  slotSeconds: z.number().positive('A slot is longer than 0 seconds.').max(86_400).default(30),
  privacy: z.object({
    /** Global pause: no tooltip, no chip, nothing read. */
    paused: z.boolean(),
    /** Hostnames where ScriptMeter does nothing. */
    disabledSites: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(1_000),
    /** Whole-field figures from the API send the whole field: off unless the user turns it on. */
    wholeFieldApi: z.boolean(),
    /** Keep a log of answered estimates (figures and host, never the text) for export; v2. */
    keepHistory: z.boolean(),
  }).default({ paused: false, disabledSites: [], wholeFieldApi: false, keepHistory: true }),
  /** Speaker → voice for dialogue scripts (`*`: everyone else); lib/script/cast.ts. */
  cast: castSetting,
  /** What a screenplay's format leaves unspoken, and whether action is narrated; lib/script/rules.ts. */
  script: scriptSetting,
  alerts: z.object({
    /** Notify when the balance is at or below this many credits; null turns it off. */
    lowBalance: z.number().nonnegative().nullable(),
    /** Spend spike: today's minutes above this multiple of the median of the previous 7 days. */
    spikeFactor: z.number().min(1, 'The spike factor is at least 1.').max(100),
    pollMinutes: z.number().int().min(5, 'Poll at most every 5 minutes.').max(1_440),
    /** Voice ids expected in production usage; others raise an alert. */
    expectedVoices: z.array(z.string().trim().min(1).max(100)).max(500),
    /** Optional webhook receiving a JSON alert; '' for none. */
    webhookUrl: z.string().trim().max(2_000),
  }).default({ lowBalance: 500, spikeFactor: 3, pollMinutes: 30, expectedVoices: [], webhookUrl: '' }),
};

export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsField = keyof Settings;

/** Stored with the settings (WXT keeps it in `settings$`); lib/settings/migrations.ts brings older ones up. */
export const SETTINGS_VERSION = 3;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Reads whatever is stored, field by field: a bad field falls back to its default, the rest are kept. */
export function mergeWithDefaults(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(settingsFields)) {
    const parsed = schema.safeParse(record[field]);
    merged[field] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return settingsSchema.parse(merged);
}

export type FieldErrors = Partial<Record<SettingsField, string>>;

/** Checks a change before it is saved; nothing is saved when any field is wrong. */
export function validateSettings(candidate: unknown): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in settingsFields && !errors[field as SettingsField]) {
      errors[field as SettingsField] = issue.message;
    }
  }
  return { ok: false, errors };
}
