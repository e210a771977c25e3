import { z } from 'zod';
import { defaultParameters, type VoiceParameters } from '../estimate/local-model';
import { sourceChoiceSchema, type VoiceProfile } from '../sources/types';
import { fitVoice, type Observation, type VoiceFit } from './fit';

/**
 * A calibration is user data: a voice's fitted parameters and the numbers it was fitted from
 * (features and seconds, never the script's text). One file format for the command line and the
 * extension, so a team shares one calibration and a file moves between them.
 */
export const CALIBRATION_FILE_FORMAT = 'scriptmeter-calibrations';
export const CALIBRATION_FILE_VERSION = 1;
/** Bumped when speechFeatures counts differently: stored features of another version are not refitted. */
export const FEATURES_VERSION = 1;

const count = z.number().finite().nonnegative().max(1e7);
const featuresSchema = z.object({ units: count, clauses: count, sentences: count, paragraphs: count }).strict();

export const observationSchema = z.object({
  id: z.string().max(300),
  kind: z.enum(['render', 'answer']),
  features: featuresSchema,
  seconds: z.number().finite().nonnegative().max(36_000),
  speed: z.number().finite().min(0.25).max(4),
}).strict();

/**
 * Who a calibration belongs to: the voice id and language, and the model and style when given.
 * Without a source it applies to that voice id whatever the source.
 */
export const calibrationKeySchema = z.object({
  voiceId: z.string().trim().min(1).max(100),
  language: z.string().trim().toLowerCase().min(2).max(12),
  model: z.string().trim().min(1).max(60).optional(),
  style: z.string().trim().min(1).max(50).optional(),
  source: sourceChoiceSchema.optional(),
}).strict();
export type CalibrationKey = z.infer<typeof calibrationKeySchema>;

const parametersSchema = z.object({
  secondsPerUnit: z.number().finite().positive().max(10),
  pauses: z.object({ clause: count.max(30), sentence: count.max(30), paragraph: count.max(30) }).strict(),
}).strict();

export const calibrationSchema = z.object({
  key: calibrationKeySchema,
  parameters: parametersSchema,
  /** Renders (and answers) the fit used, and those left out. */
  samples: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Cross-validated mean absolute error, a fraction; null when nothing could be used. */
  error: z.number().finite().nonnegative().nullable(),
  featuresVersion: z.number().int().positive(),
  /** ISO time of the fit. */
  updatedAt: z.string().max(40),
  observations: z.array(observationSchema).max(1000),
}).strict();
export type Calibration = z.infer<typeof calibrationSchema>;

export const calibrationFileSchema = z.object({
  format: z.literal(CALIBRATION_FILE_FORMAT),
  version: z.literal(CALIBRATION_FILE_VERSION),
  calibrations: z.array(calibrationSchema).max(2000),
}).strict();
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;

/** The fit as stored, with every observation kept so a later merge or refit can use them. */
export function calibrationFrom(key: CalibrationKey, observations: Observation[], fit: VoiceFit, now = new Date()): Calibration {
  return {
    key, parameters: fit.parameters, samples: fit.used, rejected: observations.length - fit.used, error: fit.error,
    featuresVersion: FEATURES_VERSION, updatedAt: now.toISOString(), observations: observations.filter((_, i) => fit.rows[i]?.used),
  };
}

export function calibrate(key: CalibrationKey, observations: Observation[], prior: VoiceParameters = defaultParameters(key.language)): { calibration: Calibration; fit: VoiceFit } {
  const fit = fitVoice(observations, prior);
  return { calibration: calibrationFrom(key, observations, fit), fit };
}

export function sameKey(a: CalibrationKey, b: CalibrationKey): boolean {
  return a.voiceId === b.voiceId && a.language === b.language && a.model === b.model && a.style === b.style && a.source === b.source;
}

/** Adds or replaces (same key) calibrations; the newest fit of a key wins. */
export function mergeCalibrations(existing: Calibration[], incoming: Calibration[]): Calibration[] {
  const merged = [...existing];
  for (const calibration of incoming) {
    const at = merged.findIndex((c) => sameKey(c.key, calibration.key));
    if (at < 0) merged.push(calibration);
    else if ((merged[at]?.updatedAt ?? '') <= calibration.updatedAt) merged[at] = calibration;
  }
  return merged;
}

/** The calibration that applies to a profile: same voice and language; the most specific that fits. */
export function calibrationFor(calibrations: readonly Calibration[], voice: Pick<VoiceProfile, 'voiceId' | 'language' | 'model' | 'style' | 'source'>): Calibration | undefined {
  const language = voice.language.toLowerCase();
  let best: Calibration | undefined;
  let bestScore = -1;
  for (const calibration of calibrations) {
    const { key } = calibration;
    if (key.voiceId !== voice.voiceId || key.language !== language) continue;
    if ((key.source && key.source !== voice.source) || (key.model && key.model !== voice.model) || (key.style && key.style !== voice.style)) continue;
    const score = Number(Boolean(key.source)) * 4 + Number(Boolean(key.model)) * 2 + Number(Boolean(key.style));
    if (score > bestScore || (score === bestScore && best && calibration.updatedAt > best.updatedAt)) {
      best = calibration;
      bestScore = score;
    }
  }
  return best;
}

export function calibrationFile(calibrations: Calibration[]): CalibrationFile {
  return { format: CALIBRATION_FILE_FORMAT, version: CALIBRATION_FILE_VERSION, calibrations };
}

/** Reads an imported file; a bad one is refused whole, with the first problem named. */
export function parseCalibrationFile(raw: unknown): { ok: true; calibrations: Calibration[] } | { ok: false; error: string } {
  const parsed = calibrationFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, calibrations: parsed.data.calibrations };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `not a ScriptMeter calibration file (${issue?.message ?? 'invalid'}${where})` };
}
