import type { Translate } from '../i18n';
import type { LocalBasis } from '../sources/types';

/** "calibrated from 12 renders, ±4 %" in the user's language; nothing for the defaults. */
export function calibratedNote(t: Translate, basis: LocalBasis): string | undefined {
  if (basis.kind !== 'calibrated') return undefined;
  const error = Math.max(1, Math.round(basis.error * 100));
  return basis.samples === 1 ? t('cal.basisOne', { error }) : t('cal.basis', { samples: basis.samples, error });
}
