import type { Format } from '../i18n/format';
import type { Translate } from '../i18n';
import type { Alert } from './alerts';
import { MIN_BASELINE_MINUTES } from './spike';

/** An alert's title and the reason it fired, in the UI's language. */
export function alertText(alert: Alert, t: Translate, f: Format): { title: string; reason: string } {
  // Credits are counted in quarters (a predict call is 0.25): one decimal would misstate them.
  const figure = alert.kind === 'spike' && alert.unit === 'credits' ? f.amount : f.one;
  switch (alert.kind) {
    case 'low-balance':
      return {
        title: t('alert.low.title'),
        reason: t('alert.low.reason', { balance: f.balance(alert.balance), threshold: f.whole(alert.threshold) }),
      };
    case 'spike':
      return {
        title: t('alert.spike.title'),
        reason: t(alert.unit === 'credits' ? 'alert.spikeCredits.reason' : 'alert.spike.reason', {
          today: figure(alert.today), median: figure(alert.median), factor: f.one(alert.factor),
          limit: figure(alert.factor * Math.max(alert.median, MIN_BASELINE_MINUTES)),
        }),
      };
    case 'new-voice': {
      const voices = alert.voiceIds.map((id) => (alert.names[id] ? `${alert.names[id]} (${id})` : id)).join(', ');
      return { title: t('alert.voice.title'), reason: t('alert.voice.reason', { voices }) };
    }
  }
}
