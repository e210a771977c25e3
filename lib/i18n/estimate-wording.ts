import { waitText, type ApiError, type ApiErrorKind } from '../sources/errors';
import { SUPERTONE_SHUTDOWN_DATE } from '../sources/supertone';
import type { EstimateWording } from '../estimate/wording';
import type { I18n, MessageKey } from './index';

const ERROR_KEYS: Record<Exclude<ApiErrorKind, 'aborted'>, MessageKey> = {
  'auth': 'apiError.auth',
  'forbidden': 'apiError.forbidden',
  'credits': 'apiError.credits',
  'not-found': 'apiError.notFound',
  'conflict': 'apiError.conflict',
  'sunset': 'apiError.sunset',
  'bad-request': 'apiError.badRequest',
  'rate-limit': 'apiError.rateLimit',
  'timeout': 'apiError.timeout',
  'server': 'apiError.server',
  'network': 'apiError.network',
  'bad-response': 'apiError.badResponse',
  'redirect': 'apiError.redirect',
};

/**
 * An API error in the user's language. English keeps the client's own sentence, which carries the
 * most detail (the vendor's words, the exact cause); the translations say the kind and what to do.
 */
export function apiErrorText(error: ApiError, { locale, t }: I18n): string {
  if (locale === 'en' || error.kind === 'aborted') return error.message;
  const text = t(ERROR_KEYS[error.kind], { status: error.status ?? '', vendor: error.details.vendorName ?? 'API', date: SUPERTONE_SHUTDOWN_DATE });
  return error.retryAfterSeconds === undefined ? text : `${text} ${t('apiError.retryIn', { wait: waitText(error.retryAfterSeconds) })}`;
}

export function estimateWording(i18n: I18n): EstimateWording {
  const { t, f } = i18n;
  return {
    noKey: t('estimate.noKey'),
    noVoice: t('estimate.noVoice'),
    localChosen: t('estimate.localChosen'),
    tooLong: (max) => t('estimate.tooLong', { max: f.whole(max) }),
    costs: (credits) => t('estimate.costs', { credits: f.amount(credits) }),
    error: (error) => apiErrorText(error, i18n),
    warning: (warning) => t('estimate.speedNotInput', { speed: f.amount(warning.speed) }),
    chargeUnknown: (calls, each) => t('estimate.chargeUnknown', { calls: f.whole(calls), credits: f.amount(each) }),
  };
}
