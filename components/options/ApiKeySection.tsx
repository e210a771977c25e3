import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/lib/messages/send';
import { Field } from '../Field';

/** The key is write-only here: once saved, only its last four characters are ever shown. */
export function ApiKeySection() {
  const [status, setStatus] = useState<{ set: boolean; hint: string }>();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');

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
    setNotice('Key saved.');
    await refresh();
  }

  async function remove() {
    await sendToBackground('clearApiKey', {});
    setNotice('Key removed: estimates are local until you add one.');
    await refresh();
  }

  const hint = status?.set
    ? `A key ending ${status.hint} is saved. It stays in this browser's extension storage and is sent only to the API endpoint.`
    : 'No key yet: estimates are local approximations. Find your key in the Supertone console.';
  return (
    <form class="card" onSubmit={save} aria-labelledby="key-title">
      <h2 id="key-title">Supertone API key</h2>
      <Field id="api-key" label="API key" hint={hint} error={error}>
        {(control) => (
          <input {...control} type="password" autocomplete="off" spellcheck={false} value={draft}
            placeholder={status?.set ? `saved (${status.hint})` : 'paste your key'}
            onInput={(e) => setDraft(e.currentTarget.value)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={draft.trim() === ''}>Save key</button>
        {status?.set && <button type="button" onClick={remove}>Remove key</button>}
        <span class="notice" role="status">{notice}</span>
      </div>
    </form>
  );
}
