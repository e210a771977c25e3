import type { UsageDay } from './usage';
import { UNKNOWN_VOICE } from './usage';

function voicesIn(days: readonly UsageDay[]): Set<string> {
  const ids = new Set<string>();
  for (const day of days) {
    for (const [id, minutes] of Object.entries(day.byVoice)) if (minutes > 0 && id !== UNKNOWN_VOICE) ids.add(id);
  }
  return ids;
}

/** The expected set learned from history: every voice used before today. */
export function learnExpectedVoices(days: readonly UsageDay[]): string[] {
  return [...voicesIn(days.slice(0, -1))].sort();
}

/** Voices in the usage that are neither expected nor already reported, in a stable order. */
export function newVoices(days: readonly UsageDay[], expected: readonly string[], alreadyReported: readonly string[]): string[] {
  const known = new Set([...expected, ...alreadyReported]);
  return [...voicesIn(days)].filter((id) => !known.has(id)).sort();
}
