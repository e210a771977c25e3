import { z } from 'zod';
import type { CreditsMeta } from '../types';

/**
 * AudioStack's requests and answers, written from ../shared/api/audiostack.md (there is no OpenAPI
 * file). One set: the client parses with these, the local double answers through them, and the
 * contract tests check both sides against them. Fields marked inferred (I) in the sheet are read
 * defensively.
 */

/** `POST /speech/predict`: text and a voice alias, nothing else (no speed, no language). */
export const predictRequestSchema = z.object({
  text: z.string().min(1),
  voice: z.string().min(1).max(200),
}).strict();
export type PredictRequest = z.infer<typeof predictRequestSchema>;

/** Credits are numbers; a numeric string is accepted (the sheet types `charsPerSecond` as one). */
const numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite());

/** The envelope's metadata, as the sheet gives it. */
export const metaSchema = z.object({
  version: z.string().optional(),
  requestId: z.string().optional(),
  creditsUsed: numeric.pipe(z.number().nonnegative()).optional(),
  creditsRemaining: numeric.nullable().optional(),
});

const recordSchema = z.record(z.string(), z.unknown());

/**
 * Credits from an envelope, each field on its own: an odd `requestId` must not cost us the balance,
 * and a missing or null `creditsRemaining` stays unknown (never 0). Both spellings are read: `meta`
 * and, in newer services, `metadata`.
 */
export function readMeta(body: unknown): CreditsMeta {
  const record = recordSchema.safeParse(body);
  if (!record.success) return {};
  const raw = recordSchema.safeParse(record.data.meta ?? record.data.metadata);
  if (!raw.success) return {};
  const used = metaSchema.shape.creditsUsed.safeParse(raw.data.creditsUsed);
  const remaining = metaSchema.shape.creditsRemaining.safeParse(raw.data.creditsRemaining);
  const meta: CreditsMeta = {};
  if (used.success && used.data !== undefined) meta.creditsUsed = used.data;
  if (remaining.success && remaining.data !== undefined && remaining.data !== null) meta.creditsRemaining = remaining.data;
  return meta;
}

/** Every JSON answer: `{ data, message, warnings, errors, meta | metadata }`. */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    data,
    message: z.string().optional(),
    warnings: z.array(z.unknown()).optional(),
    errors: z.array(z.unknown()).optional(),
    meta: metaSchema.optional(),
    metadata: metaSchema.optional(),
  });
}

/** An absurd length is a broken answer: no section of a script takes an hour. */
const MAX_SECTION_SECONDS = 3600;

export const predictDataSchema = z.object({
  /** Seconds (documented so in the JS SDK). */
  length: z.number().finite().nonnegative().max(MAX_SECTION_SECONDS),
  /** Undocumented; probably the fit of their model. */
  r2: z.number().optional(),
});

export const voiceSchema = z.object({
  alias: z.string().min(1),
  provider: z.string().min(1),
  voiceId: z.string(),
  gender: z.string(),
  ageBracket: z.string(),
  type: z.string(),
  providerFullName: z.string().optional(),
  language: z.string().optional(),
  languageCode: z.string().optional(),
  accent: z.string().optional(),
  tags: z.array(z.string()).optional(),
  supportedLanguages: z.array(z.string()).optional(),
  isMultilingual: z.boolean().optional(),
  sectionCharacterLimit: numeric.pipe(z.number().int().min(20).max(1_000_000)).optional(),
  /** A string in the API ("14.2"). */
  charsPerSecond: numeric.pipe(z.number().positive().max(100)).optional(),
  audioSample: z.string().optional(),
  supportedStyles: z.array(z.string()).optional(),
});
export type AudioStackVoice = z.infer<typeof voiceSchema>;

/** The list as sent; each voice is checked on its own, so one odd voice does not cost the others. */
export const voiceListDataSchema = z.object({ voices: z.array(z.unknown()) });

/** `GET /content/scripts`: only its envelope matters here (the balance). */
export const scriptsDataSchema = z.unknown();

/** Error bodies: `{ message, errors }` or `details` (a string or a list). */
export const errorBodySchema = z.object({
  message: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
  details: z.union([z.string(), z.array(z.unknown())]).optional(),
});

/** The vendor's words from an error body, and what its envelope says about credits. */
export function readAudioStackEnvelope(body: unknown): { message?: string; meta: CreditsMeta } {
  const meta = readMeta(body);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { meta };
  const { message, errors, details } = parsed.data;
  const firstText = (list: unknown[] | undefined) => list?.find((item): item is string => typeof item === 'string');
  const said = [message, firstText(errors), typeof details === 'string' ? details : firstText(details)].filter((part): part is string => Boolean(part));
  return { message: said.length > 0 ? [...new Set(said)].join(': ') : undefined, meta };
}
