import { z } from 'zod';
import type { VoiceDirectory, VoiceInfo } from './types';
import { vendorIdSchema } from './types';

/** A vendor's voice list as kept between sessions (listing may cost credits: it is asked for only on request). */
export const voiceInfoSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(300),
  languages: z.array(z.string().max(20)).max(200),
  styles: z.array(z.string().max(100)).max(200),
  models: z.array(z.string().max(100)).max(100),
  provider: z.string().max(60).optional(),
  charsPerSecond: z.number().positive().max(100).optional(),
  sectionCharacterLimit: z.number().int().positive().optional(),
}) satisfies z.ZodType<VoiceInfo>;

export const voiceCatalogSchema = z.partialRecord(vendorIdSchema, z.object({
  voices: z.array(voiceInfoSchema).max(20_000),
  /** When the list was fetched (ms). */
  fetchedAt: z.number(),
}));
export type VoiceCatalog = z.infer<typeof voiceCatalogSchema>;

/** Looks voices up by id; an empty directory when the list was never fetched. */
export function voiceDirectory(voices: readonly VoiceInfo[] = []): VoiceDirectory {
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  return { get: (id) => byId.get(id) };
}
