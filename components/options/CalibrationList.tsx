import type { CalibrationSummary } from '@/lib/calibration/protocol';
import { describeKey } from '@/lib/calibration/describe-key';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { download } from '../download';

/** Saved calibrations, with delete, and the team file out and in. */
export function CalibrationList(props: { saved: CalibrationSummary[]; onChanged: () => Promise<void>; onNotice: (notice: { ok: boolean; text: string }) => void }) {
  const { t, f } = useI18n();

  async function exportAll() {
    if (props.saved.length === 0) {
      props.onNotice({ ok: false, text: t('cal.nothingToExport') });
      return;
    }
    const { file } = await sendToBackground('exportCalibrations', {});
    download('scriptmeter-calibrations.json', 'application/json', `${JSON.stringify(file, null, 2)}\n`);
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      props.onNotice({ ok: false, text: t('cal.importFailed', { error: 'not JSON' }) });
      return;
    }
    const result = await sendToBackground('importCalibrations', { file: parsed });
    props.onNotice(result.ok ? { ok: true, text: t('cal.imported', { count: result.imported }) } : { ok: false, text: t('cal.importFailed', { error: result.error }) });
    await props.onChanged();
  }

  return (
    <div class="cal-saved">
      <h3>{t('cal.list')}</h3>
      {props.saved.length === 0 ? <p class="hint" id="cal-none">{t('cal.none')}</p> : (
        <ul id="cal-list">
          {props.saved.map((c) => (
            <li key={describeKey(c.key)}>
              <span><strong>{describeKey(c.key)}</strong> · {t('cal.item', { samples: c.samples, error: ((c.error ?? 0) * 100).toFixed(1), date: f.calendarDate(c.updatedAt.slice(0, 10)) })}</span>
              <button type="button" onClick={() => void sendToBackground('deleteCalibration', { key: c.key }).then(props.onChanged)}>{t('cal.delete')}</button>
            </li>
          ))}
        </ul>
      )}
      <div class="actions flush">
        <button type="button" id="cal-export" onClick={() => void exportAll()}>{t('cal.export')}</button>
        <input id="cal-import" class="sr-only" type="file" accept="application/json,.json"
          onChange={(e) => { void importFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        <label class="button" for="cal-import">{t('cal.import')}</label>
      </div>
    </div>
  );
}
