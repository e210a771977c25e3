import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import type { MessageKey } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messages/send';
import type { VendorId } from '@/lib/sources/types';
import { Field } from '../Field';

/** Element ids and words per vendor; Supertone keeps the ids earlier versions (and their tests) used. */
const VENDOR_KEY_UI: Record<VendorId, { prefix: string; input: string; heading: MessageKey; label: MessageKey; none: MessageKey }> = {
  supertone: { prefix: '', input: 'api-key', heading: 'key.heading', label: 'key.label', none: 'key.none' },
  audiostack: { prefix: 'audiostack-', input: 'audiostack-key', heading: 'audiostack.keyLabel', label: 'key.label', none: 'audiostack.keyNone' },
};

/**
 * A vendor's key, write-only: once saved, only its last four characters are ever shown. Test
 * connection makes the vendor's cheapest call that proves the key and says what it cost.
 */
export function ApiKeySection(props: { vendor?: VendorId }) {
  const vendor = props.vendor ?? 'supertone';
  const ui = VENDOR_KEY_UI[vendor];
  const { t, f } = useI18n();
  const [status, setStatus] = useState<{ set: boolean; hint: string }>();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const [test, setTest] = useState<{ ok: boolean; text: string }>();
  const [testing, setTesting] = useState(false);

  const refresh = () => sendToBackground('keyStatus', { vendor }).then(setStatus);
  useEffect(() => void refresh(), []);

  async function save(event: Event) {
    event.preventDefault();
    const result = await sendToBackground('setApiKey', { key: draft, vendor });
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
    await sendToBackground('clearApiKey', { vendor });
    setTest(undefined);
    setNotice(t('key.removedNotice'));
    await refresh();
  }

  async function testConnection() {
    setTesting(true);
    const result = await sendToBackground('vendorTest', { vendor });
    setTesting(false);
    if (!result.ok) {
      setTest({ ok: false, text: result.noKey ? t('key.testNoKey') : t('key.testFailed', { error: result.error }) });
    } else if (vendor === 'supertone' && result.cost === 0) {
      setTest({ ok: true, text: result.balance === null ? t('key.testOkNone') : t('key.testOk', { balance: f.whole(result.balance) }) });
    } else {
      // A vendor whose calls may cost credits says what the test cost, even when it is nothing.
      const cost = f.amount(result.cost);
      setTest({ ok: true, text: result.balance === null ? t('audiostack.testOkNone', { cost }) : t('audiostack.testOk', { balance: f.amount(result.balance), cost }) });
    }
  }

  const titleId = `${ui.prefix}key-title`;
  const hint = status?.set ? t('key.saved', { hint: status.hint }) : t(ui.none);
  return (
    <form class="card" onSubmit={save} aria-labelledby={titleId}>
      <h2 id={titleId}>{t(ui.heading)}</h2>
      <Field id={ui.input} label={t(ui.label)} hint={hint} error={error}>
        {(control) => (
          <input {...control} type="password" autocomplete="off" spellcheck={false} value={draft}
            placeholder={status?.set ? t('key.placeholderSaved', { hint: status.hint }) : t('key.placeholder')}
            onInput={(e) => setDraft(e.currentTarget.value)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={draft.trim() === ''}>{t('key.save')}</button>
        {status?.set && <button type="button" onClick={remove}>{t('key.remove')}</button>}
        <button type="button" id={`${ui.prefix}test-connection`} onClick={() => void testConnection()} disabled={testing}>
          {testing ? t('key.testing') : t('key.test')}
        </button>
        <span class="notice" role="status">{notice}</span>
      </div>
      <p id={`${ui.prefix}test-result`} class={`actions-note ${test ? (test.ok ? 'notice' : 'notice bad') : ''}`} role="status">{test?.text}</p>
    </form>
  );
}
