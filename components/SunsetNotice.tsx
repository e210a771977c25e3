import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { watchAccountState } from '@/lib/account/state-item';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { SUPERTONE_SHUTDOWN_DATE } from '@/lib/sources/supertone/sunset';
import './sunset-notice.css';

/** Supertone's shutdown said plainly, with what to do instead (popup, options). */
export function SunsetNotice(props: { action?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="sunset-notice" id="sunset-notice" role="status">
      <p class="sunset-title"><strong>{t('sunset.heading')}</strong></p>
      <p>{t('apiError.sunset', { date: SUPERTONE_SHUTDOWN_DATE })}</p>
      <p class="sunset-local">{t('sunset.local')} {props.action}</p>
    </div>
  );
}

/** The notice on a page of its own (options) while the account checks find Supertone's endpoint gone. */
export function AccountSunsetNotice() {
  const [gone, setGone] = useState(false);
  useEffect(() => {
    const load = () => void sendToBackground('accountStatus', {}).then((view) => setGone(view.balance.cause === 'sunset'), () => undefined);
    load();
    return watchAccountState(load);
  }, []);
  return gone ? <SunsetNotice /> : null;
}
