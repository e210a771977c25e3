import { useState } from 'preact/hooks';
import type { VoiceChoice } from '@/lib/account/protocol';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';

const SHOWN = 8;

/** Every word of the query must appear in the voice's name, id, languages, styles or models. */
export function matchesVoice(voice: VoiceChoice, query: string, languageName: (code: string) => string): boolean {
  const haystack = [voice.name, voice.id, ...voice.languages, ...voice.languages.map(languageName), ...voice.styles, ...voice.models]
    .join(' ').toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** Searches the Supertone account's voices (GET /v1/voices, every page) and fills the voice fields. */
export function VoicePicker(props: { chosen: string; languageName: (code: string) => string; onChoose: (voice: VoiceChoice) => void }) {
  const { t, f } = useI18n();
  const [voices, setVoices] = useState<VoiceChoice[]>();
  const [query, setQuery] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  async function load() {
    setLoading(true);
    // Supertone's list is free, so it is fetched on focus; a paid vendor's list has its own button (AudioStackSection).
    const reply = await sendToBackground('vendorVoices', { vendor: 'supertone', refresh: true });
    setLoading(false);
    if (reply.ok) {
      setVoices(reply.voices);
      setError(undefined);
    } else {
      setError(t('picker.failed', { error: reply.error }));
    }
  }

  const matches = voices?.filter((voice) => matchesVoice(voice, query, props.languageName)) ?? [];
  return (
    <div class="field">
      <label for="voice-search">{t('picker.label')}</label>
      <div class="control">
        <div class="inline">
          <input id="voice-search" type="search" value={query} aria-describedby="voice-search-hint" aria-controls={voices ? 'voice-results' : undefined}
            onInput={(e) => setQuery(e.currentTarget.value)} onFocus={() => { if (!voices && !loading) void load(); }} />
          {!voices && <button type="button" onClick={() => void load()} disabled={loading}>{loading ? t('picker.loading') : t('picker.load')}</button>}
        </div>
        <p id="voice-search-hint" class="hint">{t('picker.hint')}</p>
        {error && <p class="error" role="alert">{error}</p>}
        {voices && (
          <>
            <p class="hint" role="status">{t('picker.count', { shown: f.whole(Math.min(matches.length, SHOWN)), total: f.whole(matches.length) })}</p>
            <ul class="voice-results" id="voice-results">
              {matches.slice(0, SHOWN).map((voice) => (
                <li key={voice.id}>
                  <div>
                    <strong>{voice.name}</strong> <code>{voice.id}</code>
                    <p class="hint">{t('picker.details', {
                      languages: voice.languages.map(props.languageName).join(', '),
                      styles: voice.styles.join(', '), models: voice.models.join(', '),
                    })}</p>
                  </div>
                  <button type="button" onClick={() => props.onChoose(voice)} disabled={voice.id === props.chosen}
                    aria-label={`${voice.id === props.chosen ? t('picker.using') : t('picker.use')}: ${voice.name}`}>
                    {voice.id === props.chosen ? t('picker.using') : t('picker.use')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
