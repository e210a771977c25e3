import { useState } from 'preact/hooks';
import type { VoiceChoice } from '@/lib/account/protocol';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { ScriptFigures, SpeakerFigure } from '@/lib/script/estimate';
import type { Settings } from '@/lib/settings/schema';
import { VoicePicker } from '../options/VoicePicker';
import { providerName } from './provider-names';

/**
 * A dialogue's speakers: lines, length and credits each, at each voice's provider. Speakers with
 * no voice of their own say so, with a "Cast" button that opens the voice picker for them; the
 * choice is saved to the cast in the settings and the script is estimated again.
 */
export function Speakers(props: { script: ScriptFigures; settings: Settings; onCast: (settings: Settings) => void }) {
  const { t, f } = useI18n();
  const [casting, setCasting] = useState<string>();
  const { script } = props;
  const uncast = new Set(script.uncast);
  return (
    <section class="speakers" aria-labelledby="speakers-title">
      <h3 id="speakers-title">{t('script.heading', { format: t(`script.format.${script.format}`) })}</h3>
      <p class="muted" id="speakers-summary">{t(script.voices === 1 ? 'script.summaryOneVoice' : 'script.summary', { speakers: f.whole(script.speakers.length), voices: f.whole(script.voices) })}</p>
      <table id="speaker-table">
        <thead>
          <tr>
            <th scope="col">{t('script.col.speaker')}</th>
            <th scope="col" class="num">{t('script.col.lines')}</th>
            <th scope="col" class="num">{t('est.col.length')}</th>
            <th scope="col" class="num">{t('est.col.credits')}</th>
          </tr>
        </thead>
        <tbody>
          {script.speakers.map((speaker) => (
            <tr key={speaker.name ?? ''} data-speaker={speaker.name ?? ''}>
              <th scope="row">
                <span class="speaker-name">{speaker.name ?? t('script.noSpeaker')}</span>
                <VoiceNote speaker={speaker} settings={props.settings} />
                {speaker.name !== null && uncast.has(speaker.name) && (
                  <button type="button" class="link cast-button" aria-expanded={casting === speaker.name}
                    aria-label={t('script.castFor', { name: speaker.name })} onClick={() => setCasting(casting === speaker.name ? undefined : speaker.name ?? undefined)}>
                    {t('script.cast')}
                  </button>
                )}
              </th>
              <td class="num">{f.whole(speaker.lines)}</td>
              <td class="num">{formatClock(speaker.seconds)}</td>
              <td class="num" title={providerName(speaker.provider, props.settings.model, props.settings)}>{f.amount(speaker.credits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {casting !== undefined && (
        <CastForm name={casting} settings={props.settings} onDone={(settings) => { setCasting(undefined); if (settings) props.onCast(settings); }} />
      )}
    </section>
  );
}

/** "default voice" for a speaker without a cast entry; else the voice id the cast gave. */
function VoiceNote(props: { speaker: SpeakerFigure; settings: Settings }) {
  const { t } = useI18n();
  const { speaker } = props;
  const isDefault = speaker.cast === null || speaker.cast === '*';
  return (
    <span class={`voice-note ${isDefault ? 'default' : ''}`}>
      {isDefault ? t('script.defaultVoice') : speaker.voice || t('script.noVoiceId')}
    </span>
  );
}

/** Picks a voice for one speaker (the account's voices, or an id typed in) and saves it to the cast. */
function CastForm(props: { name: string; settings: Settings; onDone: (settings?: Settings) => void }) {
  const { t, f } = useI18n();
  const [voiceId, setVoiceId] = useState('');
  const [error, setError] = useState<string>();

  async function cast(voice: string, choice?: VoiceChoice) {
    const language = choice && !choice.languages.includes(props.settings.language) ? choice.languages[0] : undefined;
    const entry = { voice, ...(language && { language }) };
    const saved = await sendToBackground('saveSettings', { patch: { cast: { ...props.settings.cast, [props.name]: entry } } });
    if (saved.ok) props.onDone(saved.settings);
    else setError(saved.errors.cast ?? t('common.notSaved'));
  }

  return (
    <div class="cast-form" role="group" aria-label={t('script.castFor', { name: props.name })}>
      <p class="cast-title">{t('script.castFor', { name: props.name })}</p>
      <VoicePicker chosen="" languageName={f.language} onChoose={(voice) => void cast(voice.id, voice)} />
      <form class="inline" onSubmit={(e) => { e.preventDefault(); if (voiceId.trim()) void cast(voiceId.trim()); }}>
        <label for="cast-voice-id" class="sr-only">{t('script.voiceId')}</label>
        <input id="cast-voice-id" type="text" spellcheck={false} placeholder={t('script.voiceId')} value={voiceId} onInput={(e) => setVoiceId(e.currentTarget.value)} />
        <button type="submit" disabled={voiceId.trim() === ''}>{t('script.cast')}</button>
        <button type="button" onClick={() => props.onDone()}>{t('script.cancel')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
