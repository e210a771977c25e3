import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { SOURCE_SETTINGS } from '@/lib/settings/voice-profile';
import { watchSpendLedger } from '@/lib/spend/ledger-item';
import { SPEND_RULES } from '@/lib/spend/rule';
import { Field } from '../Field';
import { useManagedPolicy } from './managed';
import { SaveBar, useSettingsDraft } from './settings-section';

interface Draft {
  source: Settings['source'];
  rule: Settings['spend']['rule'];
  dailyCap: string;
}

const toDraft = (settings: Settings): Draft => ({ source: settings.source, rule: settings.spend.rule, dailyCap: String(settings.spend.dailyCap) });

/** Which source gives exact figures, and the rule for spending credits on them, with today's spend. */
export function SourceSection() {
  const { t, f } = useI18n();
  const { draft, setDraft, errors, notice, save } = useSettingsDraft(toDraft);
  const policy = useManagedPolicy();
  const [spent, setSpent] = useState<number>();
  const readSpent = () => void sendToBackground('spendStatus', {}).then((status) => setSpent(status.spentToday));
  // Follows the ledger: a figure bought in the popup or a voice list fetched shows here at once.
  useEffect(() => {
    readSpent();
    return watchSpendLedger(readSpent);
  }, []);
  if (!draft) return <section class="card" aria-busy="true">…</section>;

  const ruleLocked = policy.spend?.rule !== undefined;
  const capLocked = policy.spend?.dailyCap !== undefined;
  function submit(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const cap = draft.dailyCap.trim() === '' ? Number.NaN : Number(draft.dailyCap);
    void save({ source: draft.source, spend: { rule: draft.rule, dailyCap: cap } });
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="source-title" novalidate>
      <h2 id="source-title">{t('sources.heading')}</h2>
      <p class="hint section-lede">{t('sources.lede')}</p>
      <Field id="source" label={t('sources.source')} error={errors.source} hint={policy.source ? t('managed.byOrganisation') : undefined}>
        {(c) => (
          <select {...c} value={draft.source} disabled={policy.source !== undefined}
            onChange={(e) => setDraft({ ...draft, source: e.currentTarget.value as Draft['source'] })}>
            {SOURCE_SETTINGS.map((source) => <option key={source} value={source}>{t(`sources.source.${source}`)}</option>)}
          </select>
        )}
      </Field>
      <div class="field" role="radiogroup" aria-labelledby="spend-rule-label" aria-describedby="spend-rule-hint">
        <span class="group-label" id="spend-rule-label">{t('sources.rule')}</span>
        <div class="control">
          {SPEND_RULES.map((rule) => (
            <label key={rule} class="choice">
              <input type="radio" name="spend-rule" id={`spend-rule-${rule}`} value={rule} checked={draft.rule === rule} disabled={ruleLocked}
                onChange={() => setDraft({ ...draft, rule })} />
              {t(`sources.rule.${rule}`)}
            </label>
          ))}
          <p class="hint" id="spend-rule-hint">
            {ruleLocked && `${t('managed.byOrganisation')} `}
            <span id="spend-today">{spent === undefined ? '' : t('sources.spentToday', { credits: f.amount(spent) })}</span>
          </p>
        </div>
      </div>
      <Field id="spend-cap" label={t('sources.cap')} error={errors.spend} hint={capLocked ? t('managed.byOrganisation') : t('sources.capHint')}>
        {(c) => <input {...c} type="number" inputMode="decimal" min={0} step="0.25" value={draft.dailyCap} disabled={capLocked || draft.rule !== 'auto'}
          onInput={(e) => setDraft({ ...draft, dailyCap: e.currentTarget.value })} />}
      </Field>
      <SaveBar notice={notice} bad={Object.keys(errors).length > 0} />
    </form>
  );
}
