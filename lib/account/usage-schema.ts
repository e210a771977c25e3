import { z } from 'zod';

/** Usage reduced to what the popup draws and the alerts read; persisted, so checked on load. */
export const usageSummarySchema = z.object({
  /** One entry per day bucket, oldest first; the last is today (so far). */
  days: z.array(z.object({
    start: z.string(),
    minutes: z.number().nonnegative(),
    byVoice: z.record(z.string(), z.number().nonnegative()),
  })),
  /** Today's hour buckets, oldest first. */
  hours: z.array(z.object({ start: z.string(), minutes: z.number().nonnegative() })),
  voiceNames: z.record(z.string(), z.string()),
  fetchedAt: z.number(),
});
export type UsageSummary = z.infer<typeof usageSummarySchema>;
export type UsageDay = UsageSummary['days'][number];
