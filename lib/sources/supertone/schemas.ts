import { z } from 'zod';
import { languageSchema } from '../language-schema';
import { SPEED_MAX, SPEED_MIN } from '../types';
import { MODELS } from './models';

/** Response and request shapes from the vendor contract (tests/contract/supertone-openapi.json). */

export { MODELS };
export const modelSchema = z.enum(MODELS);
export type Model = z.infer<typeof modelSchema>;

export const predictRequestSchema = z.object({
  text: z.string().min(1).max(300),
  language: languageSchema,
  style: z.string().min(1).optional(),
  model: modelSchema.optional(),
  voice_settings: z.object({ speed: z.number().min(SPEED_MIN).max(SPEED_MAX) }).optional(),
});
export type PredictRequest = z.infer<typeof predictRequestSchema>;

/** An absurd duration is a broken answer, not a long script: 300 characters never take an hour. */
const MAX_PIECE_SECONDS = 3600;
export const predictResponseSchema = z.object({
  duration: z.number().finite().nonnegative().max(MAX_PIECE_SECONDS),
});

export const creditsResponseSchema = z.object({
  balance: z.number().finite().nullable(),
});
export type Credits = z.infer<typeof creditsResponseSchema>;

export const voiceSchema = z.object({
  voice_id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  age: z.string(),
  gender: z.string(),
  use_case: z.string(),
  use_cases: z.array(z.string()),
  language: z.array(z.string()),
  styles: z.array(z.string()),
  models: z.array(z.string()),
  thumbnail_image_url: z.string().optional(),
});
export type Voice = z.infer<typeof voiceSchema>;

export const voiceListResponseSchema = z.object({
  items: z.array(voiceSchema),
  total: z.number(),
  next_page_token: z.string().nullable().optional(),
});

export const BREAKDOWNS = ['voice_id', 'voice_name', 'api_key', 'model'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const usageResultSchema = z.object({
  voice_id: z.string().optional(),
  voice_name: z.string().optional(),
  api_key: z.string().optional(),
  model: z.string().optional(),
  minutes_used: z.number().finite().nonnegative(),
});
export const usageBucketSchema = z.object({
  starting_at: z.string(),
  ending_at: z.string(),
  results: z.array(usageResultSchema),
});
export type UsageBucket = z.infer<typeof usageBucketSchema>;

export const usageResponseSchema = z.object({
  data: z.array(usageBucketSchema),
  next_page_token: z.string().nullable().optional(),
  total: z.number(),
});

export const voiceUsageRowSchema = z.object({
  date: z.string(),
  voice_id: z.string(),
  name: z.string().optional(),
  style: z.string().optional(),
  language: z.string().optional(),
  total_minutes_used: z.number().finite().nonnegative(),
  model: z.string().optional(),
});
export type VoiceUsageRow = z.infer<typeof voiceUsageRowSchema>;
export const voiceUsageResponseSchema = z.object({ usages: z.array(voiceUsageRowSchema) });

/** The vendor's error body; read leniently since it only feeds the message. */
export const vendorErrorSchema = z.object({
  message: z.union([z.string(), z.object({ message: z.string().optional() })]).optional(),
});

/** The vendor's words from an error body; Supertone reports no credits in it. */
export function readSupertoneError(body: unknown): { message?: string } {
  const parsed = vendorErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const { message } = parsed.data;
  return { message: typeof message === 'string' ? message : message?.message };
}
