import type { SpendRule } from './rule-schema';

/* The schema lives apart (rule-schema.ts) so pages can list the rules without loading zod. */
export type { SpendRule } from './rule-schema';

/**
 * When ScriptMeter may spend a user's credits on predictions:
 * - ask (default): never on its own; the figure stays local and the UI offers "Exact · 0.25 credits";
 * - auto: on its own up to `dailyCap` credits a local day, across tabs, the popup and restarts;
 * - never: no paid call at all.
 */
export const SPEND_RULES = ['ask', 'auto', 'never'] as const;
export type SpendRuleKind = (typeof SPEND_RULES)[number];

export const MAX_DAILY_CAP = 10_000;

export const DEFAULT_SPEND_RULE: SpendRule = { rule: 'ask', dailyCap: 5 };
