import { useState } from 'preact/hooks';
import { usageCsv } from '@/lib/account/csv';
import { historyCsv } from '@/lib/history/csv';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { download } from '../download';
import { settingsFiles } from './checks';

/** Settings out and in (never the key), and usage and the estimate history as CSV. */
export function BackupSection(props: { onImported: () => void }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  async function exportSettings() {
    const [{ settingsFile }, settings] = await Promise.all([settingsFiles.load(), sendToBackground('getSettings', {})]);
    download('scriptmeter-settings.json', 'application/json', settingsFile(settings));
  }

  async function importSettings(file: File | undefined) {
    if (!file) return;
    const [{ readSettingsFile }, text] = await Promise.all([settingsFiles.load(), file.text()]);
    const settings = readSettingsFile(text);
    if (!settings) {
      setNotice({ ok: false, text: t('backup.importFailed', { error: t('backup.notJson') }) });
      return;
    }
    const result = await sendToBackground('saveSettings', { patch: settings });
    if (result.ok) {
      setNotice({ ok: true, text: t('backup.imported') });
      props.onImported();
    } else {
      const fields = Object.entries(result.errors).map(([field, message]) => `${field}: ${message}`).join('; ');
      setNotice({ ok: false, text: t('backup.importFailed', { error: fields }) });
    }
  }

  async function exportUsage() {
    const { usage } = await sendToBackground('accountStatus', {});
    if (!usage) {
      setNotice({ ok: false, text: t('backup.noUsage') });
      return;
    }
    download('scriptmeter-usage.csv', 'text/csv', usageCsv(usage));
  }

  async function exportEstimates() {
    const { rows } = await sendToBackground('listHistory', {});
    if (rows.length === 0) {
      setNotice({ ok: false, text: t('backup.noEstimates') });
      return;
    }
    setNotice(undefined);
    download('scriptmeter-estimates.csv', 'text/csv', historyCsv(rows));
  }

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.heading')}</h2>
      <p class="hint">{t('backup.hint')}</p>
      <div class="actions flush">
        <button type="button" id="export-settings" onClick={() => void exportSettings()}>{t('backup.export')}</button>
        <input id="import-settings" class="sr-only" type="file" accept="application/json,.json"
          onChange={(e) => { void importSettings(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        <label class="button" for="import-settings">{t('backup.import')}</label>
        <button type="button" id="export-usage" onClick={() => void exportUsage()}>{t('backup.usage')}</button>
        <button type="button" id="export-estimates" onClick={() => void exportEstimates()}>{t('backup.estimates')}</button>
      </div>
      <p id="backup-result" class={notice ? (notice.ok ? 'notice' : 'notice bad') : ''} role="status">{notice?.text}</p>
    </section>
  );
}
