import type { CalibrationKey } from './record';

/** "voice · en · model · style · source", for lists. Apart from record.ts, so pages list calibrations without loading zod. */
export function describeKey(key: CalibrationKey): string {
  return [key.voiceId, key.language, key.model, key.style, key.source].filter(Boolean).join(' · ');
}
