import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountView } from '@/lib/account/view';
import { webhookTarget } from '@/lib/account/webhook';
import { VENDOR_NAMES } from '@/lib/sources/defaults';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { Field } from '../Field';
import { usePageSettings } from '../page-settings';
import { alertsCheck } from './checks';
import { useManagedPolicy } from './managed';
import { SaveBar } from './settings-section';

type AlertSettings = Settings['alerts'];
type SubField = keyof AlertSettings;

interface Draft {
  lowBalance: string;
  spikeFactor: string;
  pollMinutes: string;
  expectedVoices: string;
  webhookUrl: string;
}

function toDraft(alerts: AlertSettings): Draft {
  return {
    lowBalance: alerts.lowBalance === null ? '' : String(alerts.lowBalance),
    spikeFactor: String(alerts.spikeFactor),
    pollMinutes: String(alerts.pollMinutes),
    expectedVoices: alerts.expectedVoices.join('\n'),
    webhookUrl: alerts.webhookUrl,
  };
}

const number = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
const lines = (raw: string) => raw.split(/[\n,]/).map((line) => line.trim()).filter(Boolean);

/** The draft as the settings' values, still unchecked. */
function valueOf(draft: Draft): AlertSettings {
  return {
    lowBalance: draft.lowBalance.trim() === '' ? null : number(draft.lowBalance),
    spikeFactor: number(draft.spikeFactor),
    pollMinutes: number(draft.pollMinutes),
    expectedVoices: lines(draft.expectedVoices),
    webhookUrl: draft.webhookUrl.trim(),
  };
}

/** Alert thresholds, the check interval, the expected voices and the optional webhook. */
export function AlertsSection() {
  const { t } = useI18n();
  const loaded = usePageSettings();
  const [saved, setSaved] = useState<AlertSettings | undefined>(loaded?.alerts);
  const [draft, setDraft] = useState<Draft | undefined>(() => loaded && toDraft(loaded.alerts));
  const [errors, setErrors] = useState<Partial<Record<SubField, string>>>({});
  const [notice, setNotice] = useState('');
  const managed = useManagedPolicy().alerts ?? {};
  const [account, setAccount] = useState<AccountView>();
  useEffect(() => void sendToBackground('accountStatus', {}).then(setAccount, () => undefined), []);

  if (!draft || !saved) return <section class="card" aria-busy="true">…</section>;

  const set = (key: keyof Draft, value: string) => { setDraft({ ...draft, [key]: value }); setNotice(''); };

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !saved) return;
    const value = valueOf(draft);
    // Loaded by now but for the quickest click: the permission below is asked without an await before it.
    const check = alertsCheck.loaded() ?? await alertsCheck.load();
    const found = check.alertErrors(value);
    const target = value.webhookUrl ? webhookTarget(value.webhookUrl) : undefined;
    if (target && !target.ok) found.webhookUrl = t('alertsOpt.webhookBad');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setNotice(t('common.notSaved'));
      return;
    }
    // Asked first, while the click still counts as the user's gesture.
    if (target?.ok && value.webhookUrl !== saved.webhookUrl) {
      const granted = await browser.permissions.request({ origins: [target.origin] }).catch(() => false);
      if (!granted) {
        setErrors({ webhookUrl: t('alertsOpt.webhookDenied', { host: target.host }) });
        setNotice(t('common.notSaved'));
        return;
      }
    }
    // Only the fields edited here are written: the background may have changed others meanwhile
    // (the expected voices it learns, or one accepted from the popup).
    const initial = toDraft(saved);
    const edited = (Object.keys(initial) as SubField[]).filter((key) => draft[key] !== initial[key]);
    const current = (await sendToBackground('getSettings', {})).alerts;
    const alerts = { ...current, ...Object.fromEntries(edited.map((key) => [key, value[key]])) };
    const result = await sendToBackground('saveSettings', { patch: { alerts } });
    if (result.ok) {
      setErrors({});
      setSaved(result.settings.alerts);
      setDraft(toDraft(result.settings.alerts));
      setNotice(t('common.saved'));
    } else {
      setErrors({ lowBalance: result.errors.alerts });
      setNotice(t('common.notSaved'));
    }
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="alerts-title" novalidate>
      <h2 id="alerts-title">{t('alertsOpt.heading')}</h2>
      <Field id="low-balance" label={t('alertsOpt.low')} hint={managed.lowBalance !== undefined ? t('managed.byOrganisation') : t('alertsOpt.lowHint')} error={errors.lowBalance}>
        {(c) => <input {...c} type="number" min="0" step="any" inputMode="numeric" value={draft.lowBalance} disabled={managed.lowBalance !== undefined} onInput={(e) => set('lowBalance', e.currentTarget.value)} />}
      </Field>
      <Field id="spike-factor" label={t('alertsOpt.spike')} hint={managed.spikeFactor !== undefined ? t('managed.byOrganisation') : t('alertsOpt.spikeHint')} error={errors.spikeFactor}>
        {(c) => <input {...c} type="number" min="1" step="0.5" inputMode="decimal" value={draft.spikeFactor} disabled={managed.spikeFactor !== undefined} onInput={(e) => set('spikeFactor', e.currentTarget.value)} />}
      </Field>
      <Field id="poll-minutes" label={t('alertsOpt.poll')} hint={managed.pollMinutes !== undefined ? t('managed.byOrganisation') : t('alertsOpt.pollHint')} error={errors.pollMinutes}>
        {(c) => <input {...c} type="number" min="5" step="5" inputMode="numeric" value={draft.pollMinutes} disabled={managed.pollMinutes !== undefined} onInput={(e) => set('pollMinutes', e.currentTarget.value)} />}
      </Field>
      {account?.vendor && !account.usageByVoice && <p class="hint" id="no-voice-usage">{t('spend.noVoiceUsage', { vendor: VENDOR_NAMES[account.vendor] })}</p>}
      <Field id="expected-voices" label={t('alertsOpt.expected')} hint={t('alertsOpt.expectedHint')} error={errors.expectedVoices}>
        {(c) => <textarea {...c} rows={4} spellcheck={false} value={draft.expectedVoices} onInput={(e) => set('expectedVoices', e.currentTarget.value)} />}
      </Field>
      <Field id="webhook-url" label={t('alertsOpt.webhook')} hint={t('alertsOpt.webhookHint')} error={errors.webhookUrl}>
        {(c) => <input {...c} type="url" placeholder="https://" value={draft.webhookUrl} onInput={(e) => set('webhookUrl', e.currentTarget.value)} />}
      </Field>
      <SaveBar notice={notice} bad={Object.keys(errors).length > 0} />
    </form>
  );
}
