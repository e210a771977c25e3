import { storage } from 'wxt/utils/storage';
import type { Handlers } from '../background/router';
import type { CalibrationProtocol, CalibrationSummary } from './protocol';
import { calibrate, calibrationFile, mergeCalibrations, parseCalibrationFile, sameKey, type Calibration } from './record';

/** Calibrations are user data: kept in extension storage, written only by the background. */
const calibrationsItem = storage.defineItem<unknown>('local:calibrations', { fallback: null });

export interface CalibrationStore {
  all(): Promise<Calibration[]>;
  replace(calibrations: Calibration[]): Promise<void>;
  /** Watched by the engine, so a new calibration applies to the next figure. */
  onChange(listener: (calibrations: Calibration[]) => void): void;
}

export function calibrationStore(): CalibrationStore {
  const read = (raw: unknown): Calibration[] => {
    if (raw === null || raw === undefined) return [];
    const parsed = parseCalibrationFile(raw);
    return parsed.ok ? parsed.calibrations : [];
  };
  return {
    all: async () => read(await calibrationsItem.getValue()),
    replace: (calibrations) => calibrationsItem.setValue(calibrationFile(calibrations)),
    onChange: (listener) => { calibrationsItem.watch((raw) => listener(read(raw))); },
  };
}

export function summarize(calibration: Calibration): CalibrationSummary {
  const { key, samples, rejected, error, updatedAt } = calibration;
  return { key, samples, rejected, error, updatedAt };
}

type CalibrationHandlers = Pick<Handlers, keyof CalibrationProtocol>;

export function calibrationHandlers(store: CalibrationStore): CalibrationHandlers {
  return {
    listCalibrations: async () => ({ calibrations: (await store.all()).map(summarize) }),
    saveCalibration: async ({ key, observations }) => {
      const { calibration, fit } = calibrate(key, observations);
      if (fit.used === 0) return { ok: false as const, error: 'none of the renders could be used' };
      await store.replace(mergeCalibrations(await store.all(), [calibration]));
      return { ok: true as const, calibration: summarize(calibration), fit };
    },
    deleteCalibration: async ({ key }) => {
      await store.replace((await store.all()).filter((c) => !sameKey(c.key, key)));
      return { ok: true as const };
    },
    exportCalibrations: async () => ({ file: calibrationFile(await store.all()) }),
    importCalibrations: async ({ file }) => {
      const parsed = parseCalibrationFile(file);
      if (!parsed.ok) return { ok: false as const, error: parsed.error };
      await store.replace(mergeCalibrations(await store.all(), parsed.calibrations));
      return { ok: true as const, imported: parsed.calibrations.length };
    },
  };
}
