import { useEffect, useState } from 'preact/hooks';
import { fitVoice, type FitRow, type Observation, type VoiceFit } from '@/lib/calibration/fit';
import { calibratedNote } from '@/lib/calibration/basis-note';
import type { CalibrationSummary } from '@/lib/calibration/protocol';
import { describeKey } from '@/lib/calibration/describe-key';
import type { CalibrationKey } from '@/lib/calibration/record';
import { defaultParameters } from '@/lib/estimate/local-model';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { SOURCE_CHOICES, SPEED_MAX, SPEED_MIN, type SourceChoice } from '@/lib/sources/choices';
import { Field } from '../Field';
import { observeRenders, pairFiles, type RenderProblem } from './calibrate-renders';
import { CalibrationList } from './CalibrationList';

interface Profile {
  source: SourceChoice | '';
  voiceId: string;
  language: string;
  model: string;
  speed: string;
}

interface Measured {
  key: CalibrationKey;
  observations: Observation[];
  fit: VoiceFit;
  problems: RenderProblem[];
}

const percent = (error: number | null) => ((error ?? 0) * 100).toFixed(1);
const SECONDS_DIGITS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** Options → Calibrate a voice: renders measured in this page, fitted, saved through the background. */
export function CalibrateSection() {
  const { t, f } = useI18n();
  const seconds = (value: number) => t('est.seconds', { seconds: new Intl.NumberFormat(f.locale, SECONDS_DIGITS).format(value) });
  const [profile, setProfile] = useState<Profile>();
  const [mode, setMode] = useState<'pairs' | 'one'>('pairs');
  const [files, setFiles] = useState<File[]>([]);
  const [audio, setAudio] = useState<File>();
  const [script, setScript] = useState('');
  const [progress, setProgress] = useState<string>();
  const [measured, setMeasured] = useState<Measured>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [saved, setSaved] = useState<CalibrationSummary[]>([]);

  const refresh = () => sendToBackground('listCalibrations', {}).then(({ calibrations }) => setSaved(calibrations));
  useEffect(() => {
    // Starts from the voice in use; the fields appear once it is known, so nothing typed is overwritten.
    void sendToBackground('getSettings', {}).then((settings) =>
      setProfile({ source: '', voiceId: settings.voiceId, language: settings.language, model: settings.model, speed: '1' }));
    void refresh();
  }, []);

  if (!profile) return <section class="card" aria-labelledby="calibrate-title" aria-busy="true"><h2 id="calibrate-title">{t('cal.heading')}</h2></section>;
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setProfile({ ...profile, [key]: value });

  async function measure(event: Event) {
    event.preventDefault();
    if (!profile) return;
    setNotice(undefined);
    setMeasured(undefined);
    const speed = Number(profile.speed);
    if (!profile.voiceId.trim() || !/^[a-z]{2,3}([-_][a-z0-9]{2,8})?$/iu.test(profile.language.trim())) {
      setNotice({ ok: false, text: t('cal.needVoice') });
      return;
    }
    const paired = mode === 'pairs' ? pairFiles(files) : { items: audio && script.trim() ? [{ name: audio.name, audio, script }] : [], problems: [] };
    if (paired.items.length === 0 && paired.problems.length === 0) {
      setNotice({ ok: false, text: t('cal.needFiles') });
      return;
    }
    const language = profile.language.trim().toLowerCase();
    const total = paired.items.length;
    setProgress(t('cal.measuring', { done: 0, total }));
    const { observations, problems } = await observeRenders(paired.items, language, Number.isFinite(speed) ? speed : 1,
      (done) => setProgress(t('cal.measuring', { done, total })));
    setProgress(undefined);
    const key: CalibrationKey = {
      voiceId: profile.voiceId.trim(), language,
      ...(profile.model.trim() ? { model: profile.model.trim() } : {}),
      ...(profile.source ? { source: profile.source } : {}),
    };
    setMeasured({ key, observations, problems: [...paired.problems, ...problems], fit: fitVoice(observations, defaultParameters(language)) });
  }

  async function save() {
    if (!measured) return;
    const result = await sendToBackground('saveCalibration', { key: measured.key, observations: measured.observations });
    if (result.ok) {
      const basis = calibratedNote(t, { kind: 'calibrated', samples: result.calibration.samples, error: result.calibration.error ?? 0 }) ?? '';
      setNotice({ ok: true, text: t('cal.saved', { voice: describeKey(result.calibration.key), basis }) });
      await refresh();
    } else setNotice({ ok: false, text: t('cal.saveFailed', { error: result.error }) });
  }

  const note = (row: FitRow) => {
    if (row.flag?.reason === 'disagrees') return t('cal.flagDisagrees', { seconds: f.one(row.flag.expectedSeconds) });
    if (row.flag?.reason === 'no-speech') return t('cal.flagSilent');
    if (row.flag?.reason === 'no-text') return t('cal.flagNoText');
    return '';
  };

  return (
    <section class="card" aria-labelledby="calibrate-title">
      <h2 id="calibrate-title">{t('cal.heading')}</h2>
      <p class="hint">{t('cal.hint')}</p>
      <form id="calibrate-form" onSubmit={(e) => void measure(e)} novalidate>
        <Field id="cal-source" label={t('cal.source')}>
          {(c) => (
            <select {...c} value={profile.source} onChange={(e) => set('source', e.currentTarget.value as Profile['source'])}>
              <option value="">{t('cal.sourceAny')}</option>
              {SOURCE_CHOICES.filter((s) => s !== 'local').map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          )}
        </Field>
        <Field id="cal-voice" label={t('cal.voice')}>
          {(c) => <input {...c} type="text" spellcheck={false} value={profile.voiceId} onInput={(e) => set('voiceId', e.currentTarget.value)} />}
        </Field>
        <Field id="cal-language" label={t('cal.language')}>
          {(c) => <input {...c} type="text" spellcheck={false} size={8} value={profile.language} onInput={(e) => set('language', e.currentTarget.value)} />}
        </Field>
        <Field id="cal-model" label={t('cal.model')} hint={t('cal.modelHint')}>
          {(c) => <input {...c} type="text" spellcheck={false} value={profile.model} onInput={(e) => set('model', e.currentTarget.value)} />}
        </Field>
        <Field id="cal-speed" label={t('cal.speed')} hint={t('cal.speedHint')}>
          {(c) => <input {...c} type="number" step="0.05" min={SPEED_MIN} max={SPEED_MAX} value={profile.speed} onInput={(e) => set('speed', e.currentTarget.value)} />}
        </Field>
        <fieldset class="cal-mode">
          <label><input type="radio" name="cal-mode" id="cal-mode-pairs" checked={mode === 'pairs'} onChange={() => setMode('pairs')} /> {t('cal.modePairs')}</label>
          <label><input type="radio" name="cal-mode" id="cal-mode-one" checked={mode === 'one'} onChange={() => setMode('one')} /> {t('cal.modeOne')}</label>
        </fieldset>
        {mode === 'pairs' ? (
          <Field id="cal-files" label={t('cal.files')} hint={t('cal.filesHint')}>
            {(c) => <input {...c} type="file" multiple accept="audio/*,.txt,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.aac"
              onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} />}
          </Field>
        ) : (
          <>
            <Field id="cal-audio" label={t('cal.audio')} hint={t('cal.filesHint')}>
              {(c) => <input {...c} type="file" accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.aac" onChange={(e) => setAudio(e.currentTarget.files?.[0])} />}
            </Field>
            <Field id="cal-script" label={t('cal.script')}>
              {(c) => <textarea {...c} rows={4} value={script} onInput={(e) => setScript(e.currentTarget.value)} />}
            </Field>
          </>
        )}
        <div class="actions">
          <button type="submit" class="primary" id="cal-measure" disabled={progress !== undefined}>{t('cal.measure')}</button>
          <span class="hint" role="status">{progress}</span>
        </div>
      </form>
      {measured && (
        <div class="cal-result" id="cal-result">
          <p id="cal-summary">{measured.fit.used > 0 ? t('cal.summary', { used: measured.fit.used, error: percent(measured.fit.error) }) : t('cal.summaryNone')}</p>
          {measured.fit.rows.length > 0 && (
            <table class="cal-table">
              <thead><tr><th>{t('cal.render')}</th><th class="num">{t('cal.measured')}</th><th class="num">{t('cal.estimated')}</th><th>{t('cal.note')}</th></tr></thead>
              <tbody>
                {measured.fit.rows.map((row) => (
                  <tr key={row.id} class={row.used ? '' : 'left-out'}>
                    <td>{row.id}</td>
                    <td class="num">{seconds(row.measured)}</td>
                    <td class="num">{seconds(row.estimated)}</td>
                    <td>{note(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {measured.problems.length > 0 && (
            <ul class="cal-problems" id="cal-problems">
              {measured.problems.map((p) => <li key={p.name}><strong>{p.name}</strong>: {t(p.key, p.vars)}</li>)}
            </ul>
          )}
          {measured.fit.used > 0 && <div class="actions flush"><button type="button" class="primary" id="cal-save" onClick={() => void save()}>{t('cal.save')}</button></div>}
        </div>
      )}
      <p id="cal-notice" class={notice ? (notice.ok ? 'notice' : 'notice bad') : ''} role="status">{notice?.text}</p>
      <CalibrationList saved={saved} onChanged={refresh} onNotice={setNotice} />
    </section>
  );
}
