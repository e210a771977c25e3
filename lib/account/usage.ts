import type { UsageMinutes } from '../sources/types';
import type { UsageDay, UsageSummary } from './usage-schema';

/* The schema lives apart so the popup can use these helpers without loading zod. */
export type { UsageDay, UsageSummary } from './usage-schema';

/** Usage rows without a voice id still count towards the day's total under this key. */
export const UNKNOWN_VOICE = '(unknown)';

const round = (minutes: number) => Math.round(minutes * 1e4) / 1e4;

export function summarizeUsage(dayBuckets: readonly UsageMinutes[], hourBuckets: readonly UsageMinutes[], fetchedAt: number): UsageSummary {
  const voiceNames: Record<string, string> = {};
  const days = [...dayBuckets].sort(byStart).map((bucket) => {
    const byVoice: Record<string, number> = {};
    for (const row of bucket.rows) {
      const id = row.voiceId ?? UNKNOWN_VOICE;
      byVoice[id] = round((byVoice[id] ?? 0) + row.minutes);
      if (row.voiceId && row.voiceName) voiceNames[row.voiceId] = row.voiceName;
    }
    return { start: new Date(bucket.start).toISOString(), minutes: round(sumMinutes(bucket)), byVoice };
  });
  const hours = [...hourBuckets].sort(byStart).map((bucket) => ({ start: new Date(bucket.start).toISOString(), minutes: round(sumMinutes(bucket)) }));
  return { days, hours, voiceNames, fetchedAt };
}

function sumMinutes(bucket: UsageMinutes): number {
  return bucket.rows.reduce((sum, row) => sum + row.minutes, 0);
}

function byStart(a: UsageMinutes, b: UsageMinutes): number {
  return a.start - b.start;
}

/** The last `count` days, oldest first. */
export function lastDays(summary: UsageSummary, count: number): UsageDay[] {
  return summary.days.slice(-count);
}

/** Voices by minutes used over the given days, most used first. */
export function topVoices(days: readonly UsageDay[], names: Record<string, string>, limit = 5) {
  const totals = new Map<string, number>();
  for (const day of days) {
    for (const [id, minutes] of Object.entries(day.byVoice)) totals.set(id, (totals.get(id) ?? 0) + minutes);
  }
  return [...totals.entries()]
    .map(([voiceId, minutes]) => ({ voiceId, name: names[voiceId], minutes: round(minutes) }))
    .filter((voice) => voice.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || a.voiceId.localeCompare(b.voiceId))
    .slice(0, limit);
}

export function totalMinutes(days: readonly { minutes: number }[]): number {
  return round(days.reduce((sum, day) => sum + day.minutes, 0));
}

/** Start of the local day `daysAgo` days before `now`, as the start of a usage query. */
export function localDayStart(now: Date, daysAgo = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
}

const HOUR_MS = 3_600_000;

/**
 * Today's 24 hours, from the first hour bucket's start, with hours still to come at zero: the
 * chart keeps the same scale and shape all day instead of stretching the hours so far.
 */
export function hoursOfDay(hours: UsageSummary['hours'], dayStart: number): Array<{ start: number; minutes: number }> {
  const byStart = new Map(hours.map((hour) => [Date.parse(hour.start), hour.minutes]));
  const first = hours.length > 0 ? Date.parse(hours[0]!.start) : dayStart;
  return Array.from({ length: 24 }, (_, i) => ({ start: first + i * HOUR_MS, minutes: byStart.get(first + i * HOUR_MS) ?? 0 }));
}
