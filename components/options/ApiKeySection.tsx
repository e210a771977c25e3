import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { Field } from '../Field';

/** The key is write-only here: once saved, only its last four characters are ever shown. */
export function ApiKeySection() {
  const { t, f } = useI18n();
  const [status, setStatus] = useState<{ set: boolean; hint: string }>();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const [test, setTest] = useState<{ ok: boolean; text: string }>();
  const [testing, setTesting] = useState(false);

  const refresh = () => sendToBackground('keyStatus', {}).then(setStatus);
  useEffect(() => void refresh(), []);

  async function save(event: Event) {
    event.preventDefault();
    const result = await sendToBackground('setApiKey', { key: draft });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setDraft('');
    setTest(undefined);
    setNotice(t('key.savedNotice'));
    await refresh();
  }

  async function remove() {
    await sendToBackground('clearApiKey', {});
    setTest(undefined);
    setNotice(t('key.removedNotice'));
    await refresh();
  }

  async function testConnection() {
    setTesting(true);
    const result = await sendToBackground('testConnection', {});
    setTesting(false);
    if (result.ok) {
      setTest({ ok: true, text: result.balance === null ? t('key.testOkNone') : t('key.testOk', { balance: f.whole(result.balance) }) });
    } else {
      setTest({ ok: false, text: result.noKey ? t('key.testNoKey') : t('key.testFailed', { error: result.error }) });
    }
  }

  const hint = status?.set ? t('key.saved', { hint: status.hint }) : t('key.none');
  return (
    <form class="card" onSubmit={save} aria-labelledby="key-title">
      <h2 id="key-title">{t('key.heading')}</h2>
      <Field id="api-key" label={t('key.label')} hint={hint} error={error}>
        {(control) => (
          <input {...control} type="password" autocomplete="off" spellcheck={false} value={draft}
            placeholder={status?.set ? t('key.placeholderSaved', { hint: status.hint }) : t('key.placeholder')}
            onInput={(e) => setDraft(e.currentTarget.value)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={draft.trim() === ''}>{t('key.save')}</button>
        {status?.set && <button type="button" onClick={remove}>{t('key.remove')}</button>}
        <button type="button" id="test-connection" onClick={() => void testConnection()} disabled={testing}>
          {testing ? t('key.testing') : t('key.test')}
        </button>
        <span class="notice" role="status">{notice}</span>
      </div>
      <p id="test-result" class={`actions-note ${test ? (test.ok ? 'notice' : 'notice bad') : ''}`} role="status">{test?.text}</p>
    </form>
  );
}
