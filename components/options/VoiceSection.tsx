import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { endpointPermissionOrigin } from '@/lib/sources/endpoint-permission';
import { LANGUAGES } from '@/lib/sources/languages';
import { MODELS } from '@/lib/sources/supertone/models';
import { SPEED_MAX, SPEED_MIN } from '@/lib/sources/choices';
import type { VoiceChoice } from '@/lib/account/protocol';
import { useI18n } from '@/lib/i18n/context';
import type { Settings } from '@/lib/settings/schema';
import { Field } from '../Field';
import { useManagedPolicy } from './managed';
import { SaveBar, useSettingsDraft } from './settings-section';
import { VoicePicker } from './VoicePicker';

type Draft = Pick<Settings, 'endpoints' | 'voiceId' | 'language' | 'model' | 'style'> & { speed: string };

function toDraft(settings: Settings): Draft {
  const { endpoints, voiceId, language, model, style, speed } = settings;
  return { endpoints, voiceId, language, model, style, speed: String(speed) };
}

/** Choosing a voice keeps the language, model and style only where the voice offers them. */
function withVoice(draft: Draft, voice: VoiceChoice): Draft {
  const language = voice.languages.includes(draft.language) ? draft.language
    : LANGUAGES.find((code) => voice.languages.includes(code)) ?? draft.language;
  const model = voice.models.includes(draft.model) ? draft.model
    : MODELS.find((m) => voice.models.includes(m)) ?? draft.model;
  const style = !draft.style || voice.styles.includes(draft.style) ? draft.style : '';
  return { ...draft, voiceId: voice.id, language, model, style };
}

/** Endpoint and the voice settings sent with every predict call. */
export function VoiceSection() {
  const { t, f } = useI18n();
  const { draft, setDraft, errors, notice, save } = useSettingsDraft(toDraft);
  const policy = useManagedPolicy();
  const [noAccess, setNoAccess] = useState('');
  if (!draft) return <section class="card" aria-busy="true">…</section>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  function submit(event: Event) {
    event.preventDefault();
    if (!draft) return;
    const speed = draft.speed.trim() === '' ? Number.NaN : Number(draft.speed);
    // Host access for a proxy is asked for from the click itself (browsers require the gesture).
    // The save does not wait for the answer: a proxy that allows CORS works without it, and an
    // unanswered prompt must not hold the other fields back.
    const origin = endpointPermissionOrigin(draft.endpoints.supertone);
    setNoAccess('');
    if (origin) {
      const host = new URL(draft.endpoints.supertone).host;
      void browser.permissions.request({ origins: [origin] })
        .then((granted) => setNoAccess(granted ? '' : t('voice.endpointNoAccess', { host })), () => undefined);
    }
    void save({ ...draft, speed });
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="voice-title" novalidate>
      <h2 id="voice-title">{t('voice.heading')}</h2>
      <Field id="endpoint" label={t('voice.endpoint')} error={errors.endpoints ?? (noAccess || undefined)}
        hint={policy.endpoints?.supertone ? t('managed.byOrganisation') : t('voice.endpointHint')}>
        {(c) => <input {...c} type="url" value={draft.endpoints.supertone} disabled={policy.endpoints?.supertone !== undefined}
          onInput={(e) => set('endpoints', { ...draft.endpoints, supertone: e.currentTarget.value })} />}
      </Field>
      <VoicePicker chosen={draft.voiceId} languageName={f.language}
        onChoose={(voice) => setDraft(withVoice(draft, voice))} />
      <Field id="voice-id" label={t('voice.id')} error={errors.voiceId} hint={t('voice.idHint')}>
        {(c) => <input {...c} type="text" spellcheck={false} value={draft.voiceId} onInput={(e) => set('voiceId', e.currentTarget.value)} />}
      </Field>
      <Field id="language" label={t('voice.language')} error={errors.language}>
        {(c) => (
          <select {...c} value={draft.language} onChange={(e) => set('language', e.currentTarget.value as Draft['language'])}>
            {LANGUAGES.map((code) => <option key={code} value={code}>{f.language(code)} ({code})</option>)}
          </select>
        )}
      </Field>
      <Field id="model" label={t('voice.model')} error={errors.model}>
        {(c) => (
          <select {...c} value={draft.model} onChange={(e) => set('model', e.currentTarget.value as Draft['model'])}>
            {MODELS.map((model) => <option key={model} value={model}>{model}</option>)}
          </select>
        )}
      </Field>
      <Field id="style" label={t('voice.style')} error={errors.style} hint={t('voice.styleHint')}>
        {(c) => <input {...c} type="text" value={draft.style} onInput={(e) => set('style', e.currentTarget.value)} />}
      </Field>
      <Field id="speed" label={t('voice.speed')} error={errors.speed} hint={t('voice.speedHint', { min: SPEED_MIN, max: SPEED_MAX })}>
        {(c) => <input {...c} type="number" inputMode="decimal" step="0.05" min={SPEED_MIN} max={SPEED_MAX} value={draft.speed}
          onInput={(e) => set('speed', e.currentTarget.value)} />}
      </Field>
      <SaveBar notice={notice} bad={Object.keys(errors).length > 0} />
    </form>
  );
}
