import type { UsageRecord } from './usage-data';
import { formatRfc3339, utcDate } from './time';

/** Aggregations of usage records into the two vendor response shapes. */

export const BREAKDOWN_KEYS = ['voice_id', 'voice_name', 'api_key', 'model'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

export interface UsageResult {
  voice_id?: string;
  voice_name?: string;
  api_key?: string;
  model?: string;
  minutes_used: number;
}

export interface UsageBucket {
  starting_at: string;
  ending_at: string;
  results: UsageResult[];
}

export interface BucketQuery {
  startMs: number;
  endMs: number;
  offsetMinutes: number;
  bucketMs: number;
  breakdown: readonly BreakdownKey[];
  first: number;
  count: number;
}

/** Sums of float minutes would show 0.30000000000000004; six decimals keep them exact enough and readable. */
function roundMinutes(minutes: number): number {
  return Math.round(minutes * 1e6) / 1e6;
}

export function bucketCount(startMs: number, endMs: number, bucketMs: number): number {
  return Math.ceil((endMs - startMs) / bucketMs);
}

function groupResults(records: readonly UsageRecord[], breakdown: readonly BreakdownKey[]): UsageResult[] {
  if (breakdown.length === 0) return [{ minutes_used: roundMinutes(records.reduce((sum, r) => sum + r.minutes, 0)) }];
  const groups = new Map<string, UsageResult>();
  for (const record of records) {
    const key = JSON.stringify(breakdown.map((k) => record[k]));
    const group = groups.get(key) ?? { ...Object.fromEntries(breakdown.map((k) => [k, record[k]])), minutes_used: 0 };
    group.minutes_used += record.minutes;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ ...group, minutes_used: roundMinutes(group.minutes_used) }));
}

/** Buckets [first, first+count) of the range; they start at start_time and the last one is cut at end_time. */
export function usageBuckets(records: readonly UsageRecord[], q: BucketQuery): UsageBucket[] {
  const total = bucketCount(q.startMs, q.endMs, q.bucketMs);
  const buckets: UsageBucket[] = [];
  for (let i = q.first; i < Math.min(total, q.first + q.count); i++) {
    const from = q.startMs + i * q.bucketMs;
    const to = Math.min(from + q.bucketMs, q.endMs);
    const inBucket = records.filter((r) => r.at.getTime() >= from && r.at.getTime() < to);
    buckets.push({
      starting_at: formatRfc3339(from, q.offsetMinutes),
      ending_at: formatRfc3339(to, q.offsetMinutes),
      results: groupResults(inBucket, q.breakdown),
    });
  }
  return buckets;
}

export interface VoiceUsageRow {
  date: string;
  voice_id: string;
  name: string;
  style?: string;
  language?: string;
  total_minutes_used: number;
  model: string;
}

/** One row per UTC date, voice, style, language and model, for records in [fromMs, toMs). */
export function voiceUsageRows(records: readonly UsageRecord[], fromMs: number, toMs: number): VoiceUsageRow[] {
  const rows = new Map<string, VoiceUsageRow>();
  for (const r of records) {
    const t = r.at.getTime();
    if (t < fromMs || t >= toMs) continue;
    const date = utcDate(t);
    const key = JSON.stringify([date, r.voice_id, r.style, r.language, r.model]);
    const row = rows.get(key) ?? { date, voice_id: r.voice_id, name: r.voice_name, style: r.style, language: r.language, total_minutes_used: 0, model: r.model };
    row.total_minutes_used += r.minutes;
    rows.set(key, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => ({ ...row, total_minutes_used: roundMinutes(row.total_minutes_used) }));
}
