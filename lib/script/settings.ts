import { z } from 'zod';
import { castSchema } from './cast';
import { DEFAULT_SCRIPT_RULES, SCRIPT_RULES, type ScriptRule } from './rules';

/**
 * The dialogue settings, added to lib/settings/schema.ts with their defaults: stored settings
 * without them read as an empty cast and every rule on, so no migration is needed.
 */
export const castSetting = castSchema.default({});

export const scriptSetting = z.object({
  rules: z.object(Object.fromEntries(SCRIPT_RULES.map((rule) => [rule, z.boolean()])) as Record<ScriptRule, z.ZodBoolean>),
  /** Fountain action lines are read by the cast's Narrator instead of left out. */
  narrateAction: z.boolean(),
}).default({ rules: { ...DEFAULT_SCRIPT_RULES }, narrateAction: false });
