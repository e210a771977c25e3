import { join } from 'node:path';
import { calibrationFor, parseCalibrationFile, type Calibration } from '../lib/calibration/record';
import { InputError } from './errors';
import { dataDir, readJsonFile } from './file-store';

/** Where calibrations live: user data, not cache. */
export function calibrationsPath(env: NodeJS.ProcessEnv): string {
  return join(dataDir(env), 'calibrations.json');
}

export async function loadCalibrations(env: NodeJS.ProcessEnv): Promise<Calibration[]> {
  const raw = await readJsonFile(calibrationsPath(env));
  if (raw === undefined) return [];
  const parsed = parseCalibrationFile(raw);
  if (!parsed.ok) throw new InputError(`${calibrationsPath(env)} is ${parsed.error}; move it aside to start afresh`);
  return parsed.calibrations;
}

/** What `estimate --json` adds for a calibrated voice. */
export function calibrationSummary(calibrations: readonly Calibration[], voice: Parameters<typeof calibrationFor>[1]): { samples: number; error: number | null } | undefined {
  const found = calibrationFor(calibrations, voice);
  return found ? { samples: found.samples, error: found.error === null ? null : Math.round(found.error * 10_000) / 10_000 } : undefined;
}
