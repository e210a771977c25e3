import type { Alert } from './alerts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Host permissions the manifest may ask for at run time: any https host, or this machine. */
export const WEBHOOK_PERMISSION_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * Checks a webhook address and gives the host permission pattern to ask for. Alerts leave the
 * browser, so plain http is allowed only to this machine.
 */
export function webhookTarget(raw: string): { ok: true; url: string; origin: string; host: string } | { ok: false } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false };
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password) return { ok: false };
  // Match patterns carry no port: permission for the host covers every port on it.
  return { ok: true, url: url.href, origin: `${url.protocol}//${url.hostname}/*`, host: url.host };
}

export interface WebhookPayload {
  source: 'scriptmeter';
  kind: Alert['kind'];
  title: string;
  message: string;
  at: string;
  details: Record<string, unknown>;
}

/** The JSON a monitoring tool receives: the alert's words plus its figures. */
export function webhookPayload(alert: Alert, text: { title: string; reason: string }): WebhookPayload {
  const { kind, id: _id, at, ...details } = alert;
  return { source: 'scriptmeter', kind, title: text.title, message: text.reason, at: new Date(at).toISOString(), details };
}
