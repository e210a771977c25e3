import { z } from 'zod';
import { sourceChoiceSchema, SPEED_MAX, SPEED_MIN, type VoiceProfile } from '../sources/types';
import { CAST_DEFAULT } from './cast-default';
import { speakerKey } from './lines';

export const MAX_CAST = 200;

/**
 * One speaker's voice. Any field left out comes from the default entry (`*`), then from the
 * settings (or the command line's flags). `voice` is the vendor's voice id or alias.
 */
export const castEntrySchema = z.object({
  source: sourceChoiceSchema.optional(),
  voice: z.string().trim().max(100, 'A voice id is at most 100 characters.').regex(/^[\w.-]*$/, 'A voice id has only letters, digits, ., - and _.').optional(),
  language: z.string().trim().min(2, 'A language is a code like "en".').max(12).optional(),
  model: z.string().trim().max(60).optional(),
  style: z.string().trim().max(50).optional(),
  speed: z.number({ error: 'Speed is a number.' }).min(SPEED_MIN, `Speed is at least ${SPEED_MIN}.`).max(SPEED_MAX, `Speed is at most ${SPEED_MAX}.`).optional(),
}).strict();
export type CastEntry = z.infer<typeof castEntrySchema>;

const castName = z.string().trim().min(1, 'A speaker needs a name.').max(40, 'A speaker name is at most 40 characters.');

/** Speaker name → voice; names are unique case-insensitively. */
export const castSchema = z.record(castName, castEntrySchema)
  .refine((cast) => Object.keys(cast).length <= MAX_CAST, { error: `A cast has at most ${MAX_CAST} speakers.` })
  .superRefine((cast, context) => {
    const seen = new Set<string>();
    for (const name of Object.keys(cast)) {
      const key = speakerKey(name);
      if (seen.has(key)) context.addIssue({ code: 'custom', message: `"${name}" is in the cast twice (names match whatever their case).`, path: [name] });
      seen.add(key);
    }
  });
export type Cast = z.infer<typeof castSchema>;

/** Who reads a line: the cast entry it came from (null: the default voice, not cast) and the voice. */
export interface CastMember {
  /** The cast name as written in the cast, `*`, or null when neither applies. */
  entry: string | null;
  profile: VoiceProfile;
  /** The cast chose the source: the line is priced at that vendor's provider. */
  sourceChosen: boolean;
}

function apply(profile: VoiceProfile, entry: CastEntry | undefined): VoiceProfile {
  if (!entry) return profile;
  return {
    ...profile,
    ...(entry.source !== undefined && { source: entry.source }),
    ...(entry.voice !== undefined && { voiceId: entry.voice }),
    ...(entry.language !== undefined && { language: entry.language }),
    ...(entry.model !== undefined && { model: entry.model }),
    ...(entry.style !== undefined && { style: entry.style }),
    ...(entry.speed !== undefined && { speed: entry.speed }),
  };
}

export interface CastLookup {
  /** Cast names in speakerKey form (for parsing: a tag naming a cast member is a speaker). */
  keys: ReadonlySet<string>;
  member(speaker: string | null): CastMember;
}

/** Looks speakers up case-insensitively; `base` is the voice in the settings or flags. */
export function castLookup(cast: Cast, base: VoiceProfile): CastLookup {
  const byKey = new Map<string, [string, CastEntry]>();
  for (const [name, entry] of Object.entries(cast)) if (name !== CAST_DEFAULT) byKey.set(speakerKey(name), [name, entry]);
  const fallback = cast[CAST_DEFAULT];
  const defaultProfile = apply(base, fallback);
  const members = new Map<string, CastMember>();
  return {
    keys: new Set(byKey.keys()),
    member(speaker) {
      const key = speaker === null ? '' : speakerKey(speaker);
      const known = members.get(key);
      if (known) return known;
      const own = byKey.get(key);
      const member: CastMember = own
        ? { entry: own[0], profile: apply(defaultProfile, own[1]), sourceChosen: (own[1].source ?? fallback?.source) !== undefined }
        : { entry: fallback ? CAST_DEFAULT : null, profile: defaultProfile, sourceChosen: fallback?.source !== undefined };
      members.set(key, member);
      return member;
    },
  };
}

/** A cast file or stored cast, explained when it is wrong: "ANNA.speed: Speed is at most 2." */
export function parseCast(value: unknown): { ok: true; cast: Cast } | { ok: false; error: string } {
  const parsed = castSchema.safeParse(value);
  if (parsed.success) return { ok: true, cast: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') ?? '';
  return { ok: false, error: `${where ? `${where}: ` : ''}${issue?.message ?? 'not a cast'}` };
}
