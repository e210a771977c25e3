import { browser } from 'wxt/browser';
import { alertText } from '../account/alert-text';
import type { Alert } from '../account/alerts';
import type { BadgeView } from '../account/badge';
import { webhookPayload, webhookTarget } from '../account/webhook';
import type { I18n } from '../i18n';

/** MV3 has `action`, Firefox MV2 `browserAction`; both have the same badge calls. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

export async function showBadge(view: BadgeView): Promise<void> {
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ text: view.text }),
    button.setBadgeBackgroundColor({ color: view.color }),
    button.setTitle({ title: view.title }),
  ]);
}

export async function notifyText(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}

export async function notify(alert: Alert, i18n: I18n): Promise<void> {
  const { title, reason } = alertText(alert, i18n.t, i18n.f);
  await notifyText(alert.id, `${i18n.t('app.name')}: ${title}`, reason);
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs the alert as JSON when the user gave a webhook and the browser granted its host.
 * Alerts always go out in English: a monitoring tool should not depend on the browser's language.
 */
export async function postWebhook(url: string, alert: Alert, english: I18n, fetcher: typeof fetch = fetch): Promise<void> {
  const target = webhookTarget(url);
  if (!target.ok) return;
  const allowed = await browser.permissions.contains({ origins: [target.origin] }).catch(() => false);
  if (!allowed) return;
  const payload = webhookPayload(alert, alertText(alert, english.t, english.f));
  await fetcher(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    redirect: 'error',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
}
