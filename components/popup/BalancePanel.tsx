import type { AccountView } from '@/lib/account/view';
import { useI18n } from '@/lib/i18n/context';
import { browser } from 'wxt/browser';
import { SunsetNotice } from '../SunsetNotice';

/** Balance with its time, minutes of speech left, and a plain state for no key, a rejected key or offline. */
export function BalancePanel(props: { view?: AccountView; refreshing: boolean; onRefresh: () => void; now: number }) {
  const { t, f } = useI18n();
  const { view } = props;
  const balance = view?.balance;
  const figure = typeof balance?.balance === 'number' ? balance.balance : undefined;
  const openOptions = (
    <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('common.openOptions')}</button>
  );

  let body;
  if (!balance || balance.status === 'unknown') body = <p class="muted">{t('bal.unknown')}</p>;
  else if (balance.status === 'no-key') body = <p>{t('bal.noKey')} {openOptions}</p>;
  else if (balance.status === 'rejected') body = <p class="problem">{t('bal.rejected')} {openOptions}</p>;
  else if (balance.cause === 'sunset' && figure === undefined) body = <SunsetNotice action={openOptions} />;
  else {
    const offline = balance.status === 'offline';
    const sunset = offline && balance.cause === 'sunset';
    body = (
      <>
        {sunset && <SunsetNotice action={openOptions} />}
        {offline && !sunset && (
          <p class="problem">
            {figure !== undefined && balance.asOf !== undefined
              ? t('bal.offline', { error: balance.error ?? '', age: f.age(balance.asOf, props.now) })
              : t('bal.offlineNever', { error: balance.error ?? '' })}
          </p>
        )}
        {figure === undefined && !offline && <p>{t('bal.none')}</p>}
        {figure !== undefined && (
          <>
            <p class={`balance ${view?.low ? 'low' : ''} ${offline ? 'stale' : ''}`}>
              <span id="balance-figure">{t('bal.credits', { balance: f.balance(figure) })}</span>
              {balance.asOf !== undefined && <span class="muted"> {t('bal.asOf', { time: f.time(balance.asOf) })}</span>}
            </p>
            {view?.minutesLeft !== null && view?.minutesLeft !== undefined && (
              <p id="minutes-left">{t('bal.minutesLeft', { minutes: f.wholeDown(view.minutesLeft), model: view.model })}</p>
            )}
            {view?.low && view.lowThreshold !== null && <p class="warning">{t('bal.low', { threshold: f.whole(view.lowThreshold) })}</p>}
          </>
        )}
      </>
    );
  }

  return (
    <section class="panel" aria-labelledby="balance-title">
      <div class="panel-head">
        <h2 id="balance-title">{t('bal.heading')}</h2>
        {balance?.status !== 'no-key' && (
          <button type="button" id="refresh" onClick={props.onRefresh} disabled={props.refreshing}>
            {props.refreshing ? t('bal.refreshing') : view && view.refreshCost > 0 ? t('bal.refreshCost', { credits: f.amount(view.refreshCost) }) : t('bal.refresh')}
          </button>
        )}
      </div>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
