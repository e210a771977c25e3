import { z } from 'zod';

/**
 * Per-voice correction of the local model, learned from the API's own answers: the ratio of
 * API seconds to local seconds over what was observed. Old observations fade (weight DECAY per
 * new one) so a changed voice or model is picked up.
 */
const DECAY = 0.98;
const MIN_LOCAL_SECONDS = 3; // below this the ratio is noise
const FACTOR_RANGE = [0.5, 2] as const;
const MAX_KEYS = 200;
const ERROR_FADE = 0.9;

const entrySchema = z.object({
  api: z.number().nonnegative(),
  local: z.number().nonnegative(),
  n: z.number().int().nonnegative(),
  /** Relative error of the calibrated figure on each new answer before learning from it, averaged (fading as above). */
  err: z.number().nonnegative().optional(),
});
export const calibrationStateSchema = z.record(z.string(), entrySchema);
export type CalibrationState = z.infer<typeof calibrationStateSchema>;

export interface CalibrationVoice {
  voiceId: string;
  language: string;
  model?: string;
  style?: string;
}

/**
 * A learned factor belongs to the vendor that answered and to the voice, language, model and style
 * (styles change the pace). Not the speed: the local model divides by it already, so what is learned
 * at one speed holds at another.
 */
export function calibrationKey(vendor: string, voice: CalibrationVoice): string {
  return [vendor, voice.voiceId, voice.language, voice.model ?? '', voice.style ?? ''].join('|');
}

/** Keys from before sources ("voice|language|model") were learned from Supertone, without a style. */
function upgradeKey(key: string): string {
  const parts = key.split('|');
  if (parts.length !== 3) return key;
  const [voiceId = '', language = '', model = ''] = parts;
  return calibrationKey('supertone', { voiceId, language, model });
}

export class Calibration {
  private readonly entries: Map<string, z.infer<typeof entrySchema>>;

  constructor(state: CalibrationState = {}) {
    this.entries = new Map(Object.entries(state).map(([key, entry]) => [upgradeKey(key), entry]));
  }

  factor(key: string): number {
    const entry = this.entries.get(key);
    if (!entry || entry.local < MIN_LOCAL_SECONDS) return 1;
    return Math.min(FACTOR_RANGE[1], Math.max(FACTOR_RANGE[0], entry.api / entry.local));
  }

  /** `localSeconds` must be the uncalibrated local figure for the same text, voice settings and speed. */
  observe(key: string, localSeconds: number, apiSeconds: number): void {
    if (!(localSeconds > 0) || !(apiSeconds > 0)) return;
    const entry = this.entries.get(key) ?? { api: 0, local: 0, n: 0 };
    // Measured before learning from this answer: the error a user would have seen (out of sample).
    const miss = Math.abs(localSeconds * this.factor(key) - apiSeconds) / apiSeconds;
    const err = entry.err === undefined ? miss : entry.err * ERROR_FADE + miss * (1 - ERROR_FADE);
    this.entries.delete(key); // re-insert: Map order doubles as recency for eviction
    this.entries.set(key, { api: entry.api * DECAY + apiSeconds, local: entry.local * DECAY + localSeconds, n: entry.n + 1, err });
    if (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  samples(key: string): number {
    return this.entries.get(key)?.n ?? 0;
  }

  /** Typical relative error of the calibrated figure, once there are answers to measure it on. */
  error(key: string): number | undefined {
    return this.entries.get(key)?.err;
  }

  toJSON(): CalibrationState {
    return Object.fromEntries(this.entries);
  }
}
