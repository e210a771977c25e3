import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { FieldErrors, Settings } from '@/lib/settings/schema';
import { Field } from '../Field';

type Rules = Settings['normalize'];
const RULES = ['tags', 'markdown', 'directions', 'speakerLabels'] as const satisfies ReadonlyArray<keyof Rules>;

interface Draft {
  paused: boolean;
  wholeFieldApi: boolean;
  disabledSites: string;
  normalize: Rules;
}

function toDraft(settings: Settings): Draft {
  return { ...settings.privacy, disabledSites: settings.privacy.disabledSites.join('\n'), normalize: settings.normalize };
}

/** Global pause, per-site list, whole-field API estimates, and the not-spoken rules. */
export function PrivacySection() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');

  useEffect(() => void sendToBackground('getSettings', {}).then((s) => setDraft(toDraft(s))), []);
  if (!draft) return <section class="card" aria-busy="true">…</section>;

  const update = (next: Draft) => { setDraft(next); setNotice(''); };

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const disabledSites = draft.disabledSites.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    const result = await sendToBackground('saveSettings', { patch: {
      privacy: { paused: draft.paused, wholeFieldApi: draft.wholeFieldApi, disabledSites },
      normalize: draft.normalize,
    } });
    if (result.ok) {
      setErrors({});
      setDraft(toDraft(result.settings));
      setNotice(t('common.saved'));
    } else {
      setErrors(result.errors);
      setNotice(t('common.notSaved'));
    }
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="privacy-title" novalidate>
      <h2 id="privacy-title">{t('privacy.heading')}</h2>
      <div class="checks">
        <label><input type="checkbox" id="paused" checked={draft.paused} onChange={(e) => update({ ...draft, paused: e.currentTarget.checked })} /> {t('privacy.paused')}</label>
        <label>
          <input type="checkbox" id="whole-field" aria-describedby="whole-field-hint" checked={draft.wholeFieldApi}
            onChange={(e) => update({ ...draft, wholeFieldApi: e.currentTarget.checked })} /> {t('privacy.wholeField')}
        </label>
        <p id="whole-field-hint" class="hint">{t('privacy.wholeFieldHint')}</p>
      </div>
      <Field id="disabled-sites" label={t('privacy.sites')} hint={t('privacy.sitesHint')} error={errors.privacy}>
        {(c) => <textarea {...c} rows={3} spellcheck={false} value={draft.disabledSites} onInput={(e) => update({ ...draft, disabledSites: e.currentTarget.value })} />}
      </Field>
      <fieldset class="checks" aria-describedby={errors.normalize ? 'rules-error' : undefined}>
        <legend>{t('privacy.rules')}</legend>
        {RULES.map((rule) => (
          <label key={rule}>
            <input type="checkbox" id={`rule-${rule}`} checked={draft.normalize[rule]}
              onChange={(e) => update({ ...draft, normalize: { ...draft.normalize, [rule]: e.currentTarget.checked } })} /> {t(`privacy.rule.${rule}`)}
          </label>
        ))}
        {errors.normalize && <p id="rules-error" class="error">{errors.normalize}</p>}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">{t('common.save')}</button>
        <span class={`notice ${Object.keys(errors).length ? 'bad' : ''}`} role="status">{notice}</span>
      </div>
    </form>
  );
}
