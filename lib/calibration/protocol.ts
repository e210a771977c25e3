import { z } from 'zod';
import { emptyRequest } from '../messages/empty-request';
import type { VoiceFit } from './fit';
import { calibrationKeySchema, observationSchema, type CalibrationKey } from './record';

/** A stored calibration as the options page lists it. */
export interface CalibrationSummary {
  key: CalibrationKey;
  samples: number;
  rejected: number;
  error: number | null;
  updatedAt: string;
}

/**
 * Calibration messages, part of the one protocol map (lib/messages/protocol.ts extends this).
 * Extension pages only; only the background writes calibrations. Renders travel as numbers
 * (features and seconds), never as audio or script text.
 */
export interface CalibrationProtocol {
  listCalibrations: { request: Record<string, never>; response: { calibrations: CalibrationSummary[] } };
  /** Fits again in the background from the observations, and stores the result. */
  saveCalibration: {
    request: { key: CalibrationKey; observations: z.infer<typeof observationSchema>[] };
    response: { ok: true; calibration: CalibrationSummary; fit: VoiceFit } | { ok: false; error: string };
  };
  deleteCalibration: { request: { key: CalibrationKey }; response: { ok: true } };
  /** The versioned file, for download (the same format as `scriptmeter calibrations export`). */
  exportCalibrations: { request: Record<string, never>; response: { file: unknown } };
  importCalibrations: { request: { file: unknown }; response: { ok: true; imported: number } | { ok: false; error: string } };
}

export const calibrationRequestSchemas = {
  listCalibrations: emptyRequest,
  saveCalibration: z.object({ key: calibrationKeySchema, observations: z.array(observationSchema).min(1).max(500) }).strict(),
  deleteCalibration: z.object({ key: calibrationKeySchema }).strict(),
  exportCalibrations: emptyRequest,
  // Checked against the file schema by the handler, which names the problem.
  importCalibrations: z.object({ file: z.unknown() }).strict(),
} satisfies Record<keyof CalibrationProtocol, z.ZodType>;
