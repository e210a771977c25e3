import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { providerId, providerRates } from '@/lib/rates/credits';
import type { Settings } from '@/lib/settings/schema';
import { endpointPermissionOrigin } from '@/lib/sources/endpoint-permission';
import { LANGUAGES, type Language } from '@/lib/sources/languages';
import type { VoiceInfo } from '@/lib/sources/types';
import { Field } from '../Field';
import { useManagedPolicy } from './managed';
import { SaveBar, useSettingsDraft } from './settings-section';
import { matchesVoice } from './VoicePicker';

const VENDOR = 'audiostack';
const SHOWN = 8;

interface VoiceList {
  voices: VoiceInfo[];
  fetchedAt?: number;
  /** What fetching the list again costs, as the source says. */
  cost: number;
}

/** The voice's first language the settings know ('en-US' → 'en'), else the current one. */
function languageOf(voice: VoiceInfo, current: Language): Language {
  const codes = voice.languages.map((code) => code.toLowerCase().split('-')[0]);
  return codes.includes(current) ? current : LANGUAGES.find((code) => codes.includes(code)) ?? current;
}

/**
 * AudioStack's endpoint and voice. The voice list is kept in the background and fetched again only
 * on a click, since AudioStack charges for it (the button says how much). A voice's provider sets
 * the credits a minute; its speaking rate is where the local model starts for it.
 */
export function AudioStackSection(props: { chosen: string; onChosen: (notice: string) => void }) {
  const { t, f } = useI18n();
  const { draft, setDraft, errors, notice, save } = useSettingsDraft((settings: Settings) => settings);
  const policy = useManagedPolicy();
  const [list, setList] = useState<VoiceList>();
  const [fetching, setFetching] = useState(false);
  const [problem, setProblem] = useState('');
  const [noAccess, setNoAccess] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    void sendToBackground('vendorVoices', { vendor: VENDOR, refresh: false }).then((reply) => {
      if (reply.ok) setList({ voices: reply.voices, fetchedAt: reply.fetchedAt, cost: reply.cost });
      else setList({ voices: [], cost: reply.cost });
    });
  }, []);
  if (!draft) return <section class="card" aria-busy="true">…</section>;
  const settings = draft;

  async function fetchVoices() {
    setFetching(true);
    const reply = await sendToBackground('vendorVoices', { vendor: VENDOR, refresh: true });
    setFetching(false);
    if (reply.ok) {
      setList({ voices: reply.voices, fetchedAt: reply.fetchedAt, cost: reply.cost });
      setProblem('');
    } else {
      setProblem(t('audiostack.failed', { error: reply.error }));
    }
  }

  const rateOf = (voice: VoiceInfo) => {
    const id = providerId(voice.provider);
    return id && providerRates(settings.model, settings.rateOverrides).find((rate) => rate.id === id);
  };

  function describe(voice: VoiceInfo): string {
    const provider = voice.provider ?? '?';
    const rate = rateOf(voice);
    if (!rate) return t('audiostack.noRate', { provider });
    const perMinute = f.amount(rate.unit === 'minute' ? rate.rate : rate.rate * 60);
    return voice.charsPerSecond === undefined
      ? t('audiostack.voiceRateNoPace', { provider: rate.name, rate: perMinute })
      : t('audiostack.voiceRate', { provider: rate.name, rate: perMinute, pace: f.amount(voice.charsPerSecond) });
  }

  async function choose(voice: VoiceInfo) {
    const provider = providerId(voice.provider) ?? settings.provider;
    const reply = await sendToBackground('saveSettings', { patch: { voiceId: voice.id, provider, language: languageOf(voice, settings.language) } });
    if (!reply.ok) {
      setProblem(t('audiostack.failed', { error: Object.values(reply.errors).join(' ') }));
      return;
    }
    props.onChosen(t('audiostack.chosen', { voice: voice.id, provider: rateOf(voice)?.name ?? provider }));
  }

  function submit(event: Event) {
    event.preventDefault();
    const endpoint = settings.endpoints.audiostack;
    // Host access for a proxy is asked for from the click itself; the save does not wait for it.
    const origin = endpointPermissionOrigin(endpoint);
    setNoAccess('');
    if (origin) {
      const host = new URL(endpoint).host;
      void browser.permissions.request({ origins: [origin] })
        .then((granted) => setNoAccess(granted ? '' : t('voice.endpointNoAccess', { host })), () => undefined);
    }
    void save({ endpoints: settings.endpoints });
  }

  const locked = policy.endpoints?.audiostack !== undefined;
  const matches = list?.voices.filter((voice) => matchesVoice(voice, query, f.language)) ?? [];
  const cost = list ? f.amount(list.cost) : '…';
  return (
    <form class="card" onSubmit={submit} aria-labelledby="audiostack-title" novalidate>
      <h2 id="audiostack-title">{t('audiostack.heading')}</h2>
      <Field id="audiostack-endpoint" label={t('audiostack.endpoint')} error={errors.endpoints ?? (noAccess || undefined)}
        hint={locked ? t('managed.byOrganisation') : t('audiostack.endpointHint')}>
        {(c) => <input {...c} type="url" value={settings.endpoints.audiostack} disabled={locked}
          onInput={(e) => setDraft({ ...settings, endpoints: { ...settings.endpoints, audiostack: e.currentTarget.value } })} />}
      </Field>
      <SaveBar notice={notice} bad={Object.keys(errors).length > 0} />
      {/* Apart from the endpoint's Save: choosing a voice saves at once. */}
      <div class="field subsection">
        <label for="audiostack-voice-search">{t('audiostack.voices')}</label>
        <div class="control">
          <div class="inline">
            <input id="audiostack-voice-search" type="search" value={query} aria-describedby="audiostack-voices-hint"
              disabled={!list || list.voices.length === 0} onInput={(e) => setQuery(e.currentTarget.value)} />
            <button type="button" id="audiostack-voices-fetch" onClick={() => void fetchVoices()} disabled={fetching || !list}>
              {fetching ? t('audiostack.refreshing') : t('audiostack.refresh', { credits: cost })}
            </button>
          </div>
          <p id="audiostack-voices-hint" class="hint">
            {list?.fetchedAt === undefined ? t('audiostack.noList') : t('audiostack.listFrom', { count: f.whole(list.voices.length), date: f.dateTime(list.fetchedAt) })}
            {' '}{t('audiostack.voicesHint')}
          </p>
          {problem && <p class="error" role="alert">{problem}</p>}
          <p class="notice" role="status" id="audiostack-chosen">{props.chosen}</p>
          {matches.length > 0 && (
            <ul class="voice-results" id="audiostack-voices">
              {matches.slice(0, SHOWN).map((voice) => {
                const using = voice.id === settings.voiceId;
                return (
                  <li key={voice.id}>
                    <div>
                      <strong>{voice.name}</strong> <code>{voice.id}</code>
                      <p class="hint rate">{describe(voice)}</p>
                    </div>
                    <button type="button" onClick={() => void choose(voice)} disabled={using}
                      aria-label={`${using ? t('picker.using') : t('picker.use')}: ${voice.name}`}>
                      {using ? t('picker.using') : t('picker.use')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </form>
  );
}
