import { hash32, seededRandom } from './random';
import { VOICES, type Voice } from './voices';
import { DAY_MS, utcDate } from './time';

/** Usage records behind /v1/usage and /v1/voice-usage, and the synthetic default set. */

export interface UsageRecord {
  at: Date;
  voice_id: string;
  voice_name: string;
  model: string;
  /** A masked label, as a dashboard would show it, never a real key. */
  api_key: string;
  minutes: number;
  style?: string;
  language?: string;
}

export type UsageRecordInput = Omit<UsageRecord, 'at'> & { at: Date | string };

export function toUsageRecord(input: UsageRecordInput): UsageRecord {
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw new Error(`usage record: bad time ${String(input.at)}`);
  return { ...input, at };
}

const DEFAULT_DAYS = 45;
const KEY_LABELS = ['sup_****3f9a', 'sup_****c1d0'];

function pick<T>(items: readonly T[], random: () => number, fallback: T): T {
  return items[Math.floor(random() * items.length)] ?? fallback;
}

/** A few voices used on most days, seeded by the calendar date so a fixed clock gives fixed data. */
export function defaultUsage(now: Date): UsageRecord[] {
  const voices = [0, 1, 4, 7].map((i) => VOICES[i]).filter((v): v is Voice => v !== undefined);
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const records: UsageRecord[] = [];
  for (let daysAgo = DEFAULT_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const dayStart = today - daysAgo * DAY_MS;
    for (const voice of voices) {
      const random = seededRandom(hash32(`${utcDate(dayStart)}/${voice.voice_id}`));
      if (random() > 0.6) continue;
      const at = new Date(dayStart + Math.floor(random() * DAY_MS));
      if (at > now) continue;
      records.push({
        at,
        voice_id: voice.voice_id,
        voice_name: voice.name,
        model: pick(voice.models, random, 'sona_speech_1'),
        api_key: pick(KEY_LABELS, random, 'sup_****3f9a'),
        minutes: Math.round((0.05 + random() * 2.95) * 100) / 100,
        style: pick(voice.styles, random, 'neutral'),
        language: pick(['ko', 'en', 'ja'], random, 'en'),
      });
    }
  }
  return records;
}
