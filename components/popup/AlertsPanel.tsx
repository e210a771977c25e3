import { alertText } from '@/lib/account/alert-text';
import type { Alert } from '@/lib/account/alerts';
import { useI18n } from '@/lib/i18n/context';

/** Recent alerts, each saying why it fired; a new voice can be accepted into the expected set. */
export function AlertsPanel(props: { alerts: readonly Alert[]; now: number; onDismiss: (id: string) => void; onExpect: (voiceId: string, alertId: string) => void }) {
  const { t, f } = useI18n();
  return (
    <section class="panel" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.heading')}</h2>
      {props.alerts.length === 0 ? <p class="muted">{t('alerts.none')}</p> : (
        <ul class="alerts" id="alerts">
          {props.alerts.map((alert) => {
            const { title, reason } = alertText(alert, t, f);
            return (
              <li key={alert.id} class={`alert alert-${alert.kind}`} data-kind={alert.kind}>
                <p class="alert-title"><strong>{title}</strong> <time class="muted" dateTime={new Date(alert.at).toISOString()} title={f.dateTime(alert.at)}>{f.age(alert.at, props.now)}</time></p>
                <p>{reason}</p>
                <div class="alert-actions">
                  {alert.kind === 'new-voice' && alert.voiceIds.map((id) => (
                    <button type="button" key={id} onClick={() => props.onExpect(id, alert.id)}>
                      {t('alerts.expect')}{alert.voiceIds.length > 1 ? `: ${alert.names[id] ?? id}` : ''}
                    </button>
                  ))}
                  <button type="button" onClick={() => props.onDismiss(alert.id)}>{t('alerts.dismiss')}</button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
