import type { Translate } from '../i18n';
import type { LocalBasis } from '../sources/types';

/**
 * "calibrated from 12 renders, ±4 %", or that the language has no speaking rate of its own, in the
 * user's language; nothing for a language's own defaults.
 */
export function calibratedNote(t: Translate, basis: LocalBasis): string | undefined {
  if (basis.kind === 'borrowed') return t('cal.basisBorrowed', { language: basis.language });
  if (basis.kind !== 'calibrated') return undefined;
  const error = Math.max(1, Math.round(basis.error * 100));
  return basis.samples === 1 ? t('cal.basisOne', { error }) : t('cal.basis', { samples: basis.samples, error });
}
