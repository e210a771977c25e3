import { useEffect, useState } from 'preact/hooks';
import { HISTORY_CAP } from '@/lib/history/cap';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { Field } from '../Field';
import { useManagedPolicy } from './managed';
import { SaveBar, useSettingsDraft } from './settings-section';

type Rules = Settings['normalize'];
const RULES = ['tags', 'markdown', 'directions', 'speakerLabels'] as const satisfies ReadonlyArray<keyof Rules>;

interface Draft {
  paused: boolean;
  wholeFieldApi: boolean;
  keepHistory: boolean;
  disabledSites: string;
  normalize: Rules;
}

function toDraft(settings: Settings): Draft {
  return { ...settings.privacy, disabledSites: settings.privacy.disabledSites.join('\n'), normalize: settings.normalize };
}

/** Global pause, per-site list, whole-field API estimates, the estimate history, and the not-spoken rules. */
export function PrivacySection() {
  const { t, f } = useI18n();
  const managedSites = useManagedPolicy().disabledSites ?? [];
  // The list shows the sites in effect; a save keeps only the user's own (lib/settings/managed.ts).
  const { draft, setDraft, errors, notice, save } = useSettingsDraft(toDraft);
  if (!draft) return <section class="card" aria-busy="true">…</section>;

  function submit(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const disabledSites = draft.disabledSites.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    void save({ privacy: { paused: draft.paused, wholeFieldApi: draft.wholeFieldApi, keepHistory: draft.keepHistory, disabledSites }, normalize: draft.normalize });
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="privacy-title" novalidate>
      <h2 id="privacy-title">{t('privacy.heading')}</h2>
      <div class="checks">
        <label><input type="checkbox" id="paused" checked={draft.paused} onChange={(e) => setDraft({ ...draft, paused: e.currentTarget.checked })} /> {t('privacy.paused')}</label>
        <label>
          <input type="checkbox" id="whole-field" aria-describedby="whole-field-hint" checked={draft.wholeFieldApi}
            onChange={(e) => setDraft({ ...draft, wholeFieldApi: e.currentTarget.checked })} /> {t('privacy.wholeField')}
        </label>
        <p id="whole-field-hint" class="hint">{t('privacy.wholeFieldHint')}</p>
        <label>
          <input type="checkbox" id="keep-history" aria-describedby="keep-history-hint" checked={draft.keepHistory}
            onChange={(e) => setDraft({ ...draft, keepHistory: e.currentTarget.checked })} /> {t('privacy.keepHistory')}
        </label>
        <p id="keep-history-hint" class="hint">{t('privacy.keepHistoryHint', { cap: f.whole(HISTORY_CAP) })}</p>
        <HistoryCount />
      </div>
      <Field id="disabled-sites" label={t('privacy.sites')} error={errors.privacy}
        hint={managedSites.length > 0 ? `${t('privacy.sitesHint')} ${t('managed.sites', { sites: managedSites.join(', ') })}` : t('privacy.sitesHint')}>
        {(c) => <textarea {...c} rows={3} spellcheck={false} value={draft.disabledSites} onInput={(e) => setDraft({ ...draft, disabledSites: e.currentTarget.value })} />}
      </Field>
      <fieldset class="checks" aria-describedby={errors.normalize ? 'rules-error' : undefined}>
        <legend>{t('privacy.rules')}</legend>
        {RULES.map((rule) => (
          <label key={rule}>
            <input type="checkbox" id={`rule-${rule}`} checked={draft.normalize[rule]}
              onChange={(e) => setDraft({ ...draft, normalize: { ...draft.normalize, [rule]: e.currentTarget.checked } })} /> {t(`privacy.rule.${rule}`)}
          </label>
        ))}
        {errors.normalize && <p id="rules-error" class="error">{errors.normalize}</p>}
      </fieldset>
      <SaveBar notice={notice} bad={Object.keys(errors).length > 0} />
    </form>
  );
}

/** How many estimates the history holds, and the button that empties it at once. */
function HistoryCount() {
  const { t, f } = useI18n();
  const [count, setCount] = useState<number>();
  const [cleared, setCleared] = useState(false);
  useEffect(() => void sendToBackground('listHistory', {}).then(({ rows }) => setCount(rows.length)), []);

  async function clear() {
    await sendToBackground('clearHistory', {});
    setCount(0);
    setCleared(true);
  }

  return (
    <div class="history-count">
      <span id="history-count" class="hint" role="status">
        {cleared ? t('privacy.historyCleared') : count === undefined ? '' : t('privacy.historyCount', { count: f.whole(count) })}
      </span>
      <button type="button" id="clear-history" onClick={() => void clear()} disabled={!count}>{t('privacy.clearHistory')}</button>
    </div>
  );
}
