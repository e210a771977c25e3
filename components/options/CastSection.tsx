import { useState } from 'preact/hooks';
import { LANGUAGES } from '@/lib/sources/languages';
import { useI18n } from '@/lib/i18n/context';
import type { CastEntry } from '@/lib/script/cast';
import { CAST_DEFAULT } from '@/lib/script/cast-default';
import { NARRATOR, SCRIPT_RULES, type ScriptRules } from '@/lib/script/rules';
import type { Settings } from '@/lib/settings/schema';
import { SOURCE_CHOICES } from '@/lib/sources/choices';
import { castParser } from './checks';
import { SaveBar, useSettingsDraft } from './settings-section';
import { VoicePicker } from './VoicePicker';

/** Sources a cast entry can choose; empty keeps the Voice section's. */
const CAST_SOURCES = ['', ...SOURCE_CHOICES] as const;

interface Row {
  /** Stable across edits, for keys and ids. */
  id: number;
  name: string;
  voice: string;
  language: string;
  speed: string;
  source: (typeof CAST_SOURCES)[number];
}

interface Draft {
  rows: Row[];
  narrateAction: boolean;
  rules: ScriptRules;
}

let nextRowId = 1;

function toRow(name: string, entry: CastEntry): Row {
  const source = CAST_SOURCES.find((s) => s !== '' && s === entry.source) ?? '';
  return { id: nextRowId++, name, voice: entry.voice ?? '', language: entry.language ?? '', speed: entry.speed === undefined ? '' : String(entry.speed), source };
}

function toDraft(settings: Settings): Draft {
  return { rows: Object.entries(settings.cast).map(([name, entry]) => toRow(name, entry)), ...settings.script };
}

/** The rows as a cast: empty fields left out, so they come from `*` and the Voice section. */
function castOf(rows: readonly Row[]): unknown {
  const cast: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    if (row.name.trim() === '') continue;
    const speed = row.speed.trim() === '' ? undefined : Number(row.speed);
    cast[row.name.trim()] = {
      ...(row.voice.trim() && { voice: row.voice.trim() }),
      ...(row.language && { language: row.language }),
      ...(speed !== undefined && { speed }),
      ...(row.source && { source: row.source }),
    };
  }
  return cast;
}

/**
 * The cast: a voice per speaker of a dialogue script (names match whatever their case; `*` is
 * everyone else), and how screenplays are read: which Fountain elements are not spoken, and
 * whether action lines are narrated.
 */
export function CastSection() {
  const { t, f } = useI18n();
  const { draft, setDraft, errors, notice, save } = useSettingsDraft(toDraft);
  const [problem, setProblem] = useState<string>();
  const [picking, setPicking] = useState<number>();
  if (!draft) return <section class="card" aria-busy="true">…</section>;

  const setRow = (id: number, patch: Partial<Row>) => setDraft({ ...draft, rows: draft.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
  const addRow = (name = '') => {
    const row: Row = { id: nextRowId++, name, voice: '', language: '', speed: '', source: '' };
    setDraft({ ...draft, rows: [...draft.rows, row] });
  };

  async function submit(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const parsed = (await castParser.load()).parseCast(castOf(draft.rows));
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    setProblem(undefined);
    void save({ cast: parsed.cast, script: { narrateAction: draft.narrateAction, rules: draft.rules } });
  }

  const error = problem ?? errors.cast;
  return (
    <form class="card" id="cast-section" onSubmit={submit} aria-labelledby="cast-title" novalidate>
      <h2 id="cast-title">{t('cast.heading')}</h2>
      <p class="hint">{t('cast.lede', { everyone: CAST_DEFAULT, narrator: NARRATOR })}</p>
      {draft.rows.length === 0 ? <p class="hint" id="cast-empty">{t('cast.empty')}</p> : (
        <table class="cast-table" id="cast-table" aria-describedby={error ? 'cast-error' : undefined}>
          <thead>
            <tr>
              <th scope="col">{t('cast.col.name')}</th>
              <th scope="col">{t('cast.col.voice')}</th>
              <th scope="col">{t('cast.col.language')}</th>
              <th scope="col">{t('cast.col.speed')}</th>
              <th scope="col">{t('cast.col.source')}</th>
              <th scope="col"><span class="sr-only">{t('cast.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((row) => (
              <tr key={row.id}>
                <td><input type="text" class="cast-name" aria-label={t('cast.col.name')} value={row.name} onInput={(e) => setRow(row.id, { name: e.currentTarget.value })} /></td>
                <td>
                  <div class="inline">
                    <input type="text" class="cast-voice" spellcheck={false} aria-label={t('cast.voiceOf', { name: row.name })} placeholder={t('cast.inherit')}
                      value={row.voice} onInput={(e) => setRow(row.id, { voice: e.currentTarget.value })} />
                    <button type="button" aria-expanded={picking === row.id} aria-label={t('cast.pickFor', { name: row.name })}
                      onClick={() => setPicking(picking === row.id ? undefined : row.id)}>{t('cast.pick')}</button>
                  </div>
                </td>
                <td>
                  <select aria-label={t('cast.languageOf', { name: row.name })} value={row.language} onChange={(e) => setRow(row.id, { language: e.currentTarget.value })}>
                    <option value="">{t('cast.inherit')}</option>
                    {LANGUAGES.map((code) => <option key={code} value={code}>{f.language(code)}</option>)}
                  </select>
                </td>
                <td><input type="number" class="cast-speed" step="0.05" min="0.5" max="2" inputMode="decimal" aria-label={t('cast.speedOf', { name: row.name })}
                  placeholder="–" title={row.speed ? undefined : t('cast.inherit')} value={row.speed} onInput={(e) => setRow(row.id, { speed: e.currentTarget.value })} /></td>
                <td>
                  <select aria-label={t('cast.sourceOf', { name: row.name })} value={row.source} onChange={(e) => setRow(row.id, { source: e.currentTarget.value as Row['source'] })}>
                    {CAST_SOURCES.map((source) => <option key={source} value={source}>{source === '' ? t('cast.inherit') : t(`cast.source.${source}`)}</option>)}
                  </select>
                </td>
                <td><button type="button" class="cast-remove" aria-label={t('cast.removeOf', { name: row.name })}
                  onClick={() => setDraft({ ...draft, rows: draft.rows.filter((r) => r.id !== row.id) })}>{t('cast.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {picking !== undefined && (
        <VoicePicker chosen={draft.rows.find((row) => row.id === picking)?.voice ?? ''} languageName={f.language}
          onChoose={(voice) => { setRow(picking, { voice: voice.id }); setPicking(undefined); }} />
      )}
      {error && <p class="error" id="cast-error" role="alert">{error}</p>}
      <div class="actions flush">
        <button type="button" id="cast-add" onClick={() => addRow()}>{t('cast.add')}</button>
        {!draft.rows.some((row) => row.name.trim() === CAST_DEFAULT) && <button type="button" onClick={() => addRow(CAST_DEFAULT)}>{t('cast.addDefault')}</button>}
      </div>
      <fieldset class="checks">
        <legend>{t('cast.screenplays')}</legend>
        <label>
          <input type="checkbox" id="narrate-action" checked={draft.narrateAction} onChange={(e) => setDraft({ ...draft, narrateAction: e.currentTarget.checked })} /> {t('cast.narrate', { narrator: NARRATOR })}
        </label>
        {SCRIPT_RULES.map((rule) => (
          <label key={rule}>
            <input type="checkbox" id={`script-rule-${rule}`} checked={draft.rules[rule]}
              onChange={(e) => setDraft({ ...draft, rules: { ...draft.rules, [rule]: e.currentTarget.checked } })} /> {t(`script.rule.${rule}`)}
          </label>
        ))}
      </fieldset>
      <SaveBar notice={notice} bad={error !== undefined} />
    </form>
  );
}
