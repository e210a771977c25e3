import { formatCredits } from '../format';
import { en } from '../i18n/en';
import { translateWith } from '../i18n/translate';
import type { ApiError } from '../sources/errors';
import type { SourceWarning } from '../sources/types';

/**
 * The sentences an estimate carries to the user (why a figure is local, what went wrong, what a
 * figure allows for). The background passes them in the user's language (lib/i18n/estimate-wording.ts);
 * the command line uses English.
 */
export interface EstimateWording {
  noKey: string;
  noVoice: string;
  /** The user chose the local model as the source. */
  localChosen: string;
  tooLong(maxCharacters: number): string;
  /** The exact figure costs credits not (yet) consented to. */
  costs(credits: number): string;
  error(error: ApiError): string;
  warning(warning: SourceWarning): string;
  /** Paid calls whose charge no envelope told: counted at the table's price. */
  chargeUnknown(calls: number, creditsEach: number): string;
}

const t = translateWith(en);

/** English, from the same catalog as the UI; numbers without Intl (the client's own messages for errors). */
export const ENGLISH_WORDING: EstimateWording = {
  noKey: t('estimate.noKey'),
  noVoice: t('estimate.noVoice'),
  localChosen: t('estimate.localChosen'),
  tooLong: (max) => t('estimate.tooLong', { max: max.toLocaleString('en') }),
  costs: (credits) => t('estimate.costs', { credits: formatCredits(credits) }),
  error: (error) => error.message,
  warning: (warning) => t('estimate.speedNotInput', { speed: warning.speed }),
  chargeUnknown: (calls, each) => t('estimate.chargeUnknown', { calls, credits: formatCredits(each) }),
};
