import { z } from 'zod';
import { MAX_DAILY_CAP, SPEND_RULES } from './rule';

export const spendRuleSchema = z.object({
  rule: z.enum(SPEND_RULES),
  dailyCap: z.number({ error: 'The daily cap is a number of credits.' }).finite().nonnegative('The daily cap is 0 or more credits.').max(MAX_DAILY_CAP),
});
export type SpendRule = z.infer<typeof spendRuleSchema>;
