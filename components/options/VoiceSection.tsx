import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, MODELS, SPEED_MAX, SPEED_MIN } from '@/lib/api/schemas';
import { sendToBackground } from '@/lib/messages/send';
import type { FieldErrors, Settings } from '@/lib/settings/schema';
import { Field } from '../Field';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

type Draft = Pick<Settings, 'endpoint' | 'voiceId' | 'language' | 'model' | 'style'> & { speed: string };

function toDraft(settings: Settings): Draft {
  const { endpoint, voiceId, language, model, style, speed } = settings;
  return { endpoint, voiceId, language, model, style, speed: String(speed) };
}

/** Endpoint and the voice settings sent with every predict call. */
export function VoiceSection() {
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');

  useEffect(() => void sendToBackground('getSettings', {}).then((s) => setDraft(toDraft(s))), []);
  if (!draft) return <section class="card" aria-busy="true">Loading…</section>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setNotice('');
  };

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const speed = draft.speed.trim() === '' ? Number.NaN : Number(draft.speed);
    const result = await sendToBackground('saveSettings', { patch: { ...draft, speed } });
    if (result.ok) {
      setErrors({});
      setDraft(toDraft(result.settings));
      setNotice('Saved.');
    } else {
      setErrors(result.errors);
      setNotice('Not saved: fix the fields marked above.');
    }
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="voice-title" novalidate>
      <h2 id="voice-title">API and voice</h2>
      <Field id="endpoint" label="API endpoint" error={errors.endpoint}
        hint="https://supertoneapi.com, or your team's proxy. Plain http only for localhost.">
        {(c) => <input {...c} type="url" value={draft.endpoint} onInput={(e) => set('endpoint', e.currentTarget.value)} />}
      </Field>
      <Field id="voice-id" label="Voice id" error={errors.voiceId} hint="The voice you will generate with. Estimates use it for every call.">
        {(c) => <input {...c} type="text" spellcheck={false} value={draft.voiceId} onInput={(e) => set('voiceId', e.currentTarget.value)} />}
      </Field>
      <Field id="language" label="Language" error={errors.language}>
        {(c) => (
          <select {...c} value={draft.language} onChange={(e) => set('language', e.currentTarget.value as Draft['language'])}>
            {LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES.of(code) ?? code} ({code})</option>)}
          </select>
        )}
      </Field>
      <Field id="model" label="Model" error={errors.model}>
        {(c) => (
          <select {...c} value={draft.model} onChange={(e) => set('model', e.currentTarget.value as Draft['model'])}>
            {MODELS.map((model) => <option key={model} value={model}>{model}</option>)}
          </select>
        )}
      </Field>
      <Field id="style" label="Style" error={errors.style} hint="Optional, e.g. neutral or happy; leave empty for the voice's default.">
        {(c) => <input {...c} type="text" value={draft.style} onInput={(e) => set('style', e.currentTarget.value)} />}
      </Field>
      <Field id="speed" label="Speed" error={errors.speed} hint={`${SPEED_MIN} to ${SPEED_MAX}; 1 is normal. Changes the length.`}>
        {(c) => <input {...c} type="number" inputMode="decimal" step="0.05" min={SPEED_MIN} max={SPEED_MAX} value={draft.speed}
          onInput={(e) => set('speed', e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary">Save</button>
        <span class={`notice ${Object.keys(errors).length ? 'bad' : ''}`} role="status">{notice}</span>
      </div>
    </form>
  );
}
