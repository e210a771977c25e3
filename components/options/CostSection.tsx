import { useState } from 'preact/hooks';
import type { Model } from '@/lib/sources/supertone';
import { MODELS } from '@/lib/sources/supertone/models';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { PROVIDER_IDS, providerRates, ROUNDING_RULES } from '@/lib/rates/credits';
import { AUDIOSTACK_PROVIDER_IDS, AUDIOSTACK_VOICE_RATES, SUPERTONE_RATES, type AudioStackProviderId, type TableSource } from '@/lib/rates/tables';
import type { FieldErrors, Settings } from '@/lib/settings/schema';
import { Field } from '../Field';
import { usePageSettings } from '../page-settings';
import { useManagedPolicy } from './managed';
import { SaveBar } from './settings-section';
import { parseOptionalNumber } from './numbers';

type Cells = Record<string, string>;

interface Draft {
  provider: Settings['provider'];
  rounding: Settings['rounding'];
  supertone: Cells;
  audiostack: Cells;
}

const cells = (overrides: Partial<Record<string, number>> | undefined): Cells =>
  Object.fromEntries(Object.entries(overrides ?? {}).map(([id, value]) => [id, String(value)]));

function toDraft(settings: Settings): Draft {
  return {
    provider: settings.provider, rounding: settings.rounding,
    supertone: cells(settings.rateOverrides.supertone), audiostack: cells(settings.rateOverrides.audiostack),
  };
}

/** Only figures that differ from the table are kept as overrides; an empty cell means the table's figure. */
function overridesFrom(draft: Cells, defaults: Record<string, number>): { values: Record<string, number>; bad: string[] } {
  const values: Record<string, number> = {};
  const bad: string[] = [];
  for (const [id, raw] of Object.entries(draft)) {
    const parsed = parseOptionalNumber(raw);
    if (parsed === undefined) bad.push(id);
    else if (parsed !== null && parsed !== defaults[id]) values[id] = parsed;
  }
  return { values, bad };
}

const AUDIOSTACK_DEFAULTS = Object.fromEntries(AUDIOSTACK_PROVIDER_IDS.map((id) => [id, AUDIOSTACK_VOICE_RATES.providers[id].perMinute]));

/** Headline provider, rounding, and the rate tables with their source and date, editable and resettable. */
export function CostSection() {
  const { t } = useI18n();
  const loaded = usePageSettings();
  const [settings, setSettings] = useState<Settings | undefined>(loaded);
  const [draft, setDraft] = useState<Draft | undefined>(() => loaded && toDraft(loaded));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [bad, setBad] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const policy = useManagedPolicy();

  if (!draft || !settings) return <section class="card" aria-busy="true">…</section>;

  const update = (next: Draft) => { setDraft(next); setNotice(''); };

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const supertone = overridesFrom(draft.supertone, SUPERTONE_RATES.perModel);
    const audiostack = overridesFrom(draft.audiostack, AUDIOSTACK_DEFAULTS);
    const invalid = [...supertone.bad.map((id) => `supertone-${id}`), ...audiostack.bad.map((id) => `audiostack-${id}`)];
    setBad(invalid);
    if (invalid.length > 0) {
      setNotice(t('common.notSaved'));
      return;
    }
    const result = await sendToBackground('saveSettings', { patch: {
      provider: draft.provider, rounding: draft.rounding,
      rateOverrides: { supertone: supertone.values, audiostack: audiostack.values },
    } });
    if (result.ok) {
      setErrors({});
      setSettings(result.settings);
      setDraft(toDraft(result.settings));
      setNotice(t('common.saved'));
    } else {
      setErrors(result.errors);
      setNotice(t('common.notSaved'));
    }
  }

  const names = Object.fromEntries(providerRates(settings.model, settings.rateOverrides).map((rate) => [rate.id, rate.name]));
  return (
    <form class="card" onSubmit={save} aria-labelledby="cost-title" novalidate>
      <h2 id="cost-title">{t('cost.heading')}</h2>
      <Field id="provider" label={t('cost.provider')} hint={t('cost.providerHint')} error={errors.provider}>
        {(c) => (
          <select {...c} value={draft.provider} onChange={(e) => update({ ...draft, provider: e.currentTarget.value as Draft['provider'] })}>
            {PROVIDER_IDS.map((id) => <option key={id} value={id}>{names[id] ?? id}</option>)}
          </select>
        )}
      </Field>
      <Field id="rounding" label={t('cost.rounding')} error={errors.rounding} hint={policy.rounding ? t('managed.byOrganisation') : undefined}>
        {(c) => (
          <select {...c} value={draft.rounding} disabled={policy.rounding !== undefined} onChange={(e) => update({ ...draft, rounding: e.currentTarget.value as Draft['rounding'] })}>
            {ROUNDING_RULES.map((rule) => <option key={rule} value={rule}>{t(`cost.rounding.${rule}`)}</option>)}
          </select>
        )}
      </Field>
      <RateTable id="supertone" caption={t('cost.table.supertone')} source={SUPERTONE_RATES}
        rows={MODELS.map((model: Model) => ({ id: model, name: model, fallback: SUPERTONE_RATES.perModel[model] }))}
        values={draft.supertone} bad={bad} locked={policy.rates?.supertone} onChange={(values) => update({ ...draft, supertone: values })} />
      <RateTable id="audiostack" caption={t('cost.table.audiostack')} source={AUDIOSTACK_VOICE_RATES}
        rows={AUDIOSTACK_PROVIDER_IDS.map((id: AudioStackProviderId) => ({ id, name: AUDIOSTACK_VOICE_RATES.providers[id].name, fallback: AUDIOSTACK_DEFAULTS[id] ?? 0 }))}
        values={draft.audiostack} bad={bad} locked={policy.rates?.audiostack} onChange={(values) => update({ ...draft, audiostack: values })} />
      {errors.rateOverrides && <p class="error" role="alert">{errors.rateOverrides}</p>}
      <SaveBar notice={notice} bad={bad.length > 0 || Object.keys(errors).length > 0}>
        <button type="button" onClick={() => update({ ...draft, supertone: {}, audiostack: {} })}>{t('cost.resetAll')}</button>
      </SaveBar>
    </form>
  );
}

function RateTable(props: {
  id: string; caption: string; source: TableSource;
  rows: Array<{ id: string; name: string; fallback: number }>;
  values: Cells; bad: string[]; onChange: (values: Cells) => void;
  /** Rates the organisation's policy sets: shown, not editable. */
  locked?: Partial<Record<string, number>>;
}) {
  const { t, f } = useI18n();
  return (
    <div class="rate-table">
      <table>
        <caption>
          <strong>{props.caption}</strong>
          <span class="hint">{t('cost.source', { source: props.source.source, date: f.calendarDate(props.source.asOf) })}</span>
          {props.source.note && <span class="hint">{props.source.note}</span>}
        </caption>
        <thead>
          <tr><th scope="col">{t('cost.col.name')}</th><th scope="col">{t('cost.col.rate')}</th><th scope="col" class="num">{t('cost.col.default')}</th></tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const key = `${props.id}-${row.id}`;
            const invalid = props.bad.includes(key);
            const locked = props.locked?.[row.id] !== undefined;
            return (
              <tr key={row.id}>
                <th scope="row"><label for={`rate-${key}`}>{row.name}</label></th>
                <td>
                  <input id={`rate-${key}`} type="number" min="0" step="any" inputMode="decimal" class="rate"
                    value={props.values[row.id] ?? ''} placeholder={f.amount(row.fallback)} disabled={locked} title={locked ? t('managed.byOrganisation') : undefined}
                    aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `rate-${key}-error` : undefined}
                    onInput={(e) => props.onChange({ ...props.values, [row.id]: e.currentTarget.value })} />
                  {invalid && <span id={`rate-${key}-error`} class="error">{t('alertsOpt.numberBad')}</span>}
                </td>
                <td class="num">{f.amount(row.fallback)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
