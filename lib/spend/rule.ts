import { z } from 'zod';

/**
 * When ScriptMeter may spend a user's credits on predictions:
 * - ask (default): never on its own; the figure stays local and the UI offers "Exact · 0.25 credits";
 * - auto: on its own up to `dailyCap` credits a local day, across tabs, the popup and restarts;
 * - never: no paid call at all.
 */
export const SPEND_RULES = ['ask', 'auto', 'never'] as const;
export type SpendRuleKind = (typeof SPEND_RULES)[number];

export const MAX_DAILY_CAP = 10_000;

export const spendRuleSchema = z.object({
  rule: z.enum(SPEND_RULES),
  dailyCap: z.number({ error: 'The daily cap is a number of credits.' }).finite().nonnegative('The daily cap is 0 or more credits.').max(MAX_DAILY_CAP),
});
export type SpendRule = z.infer<typeof spendRuleSchema>;

export const DEFAULT_SPEND_RULE: SpendRule = { rule: 'ask', dailyCap: 5 };
