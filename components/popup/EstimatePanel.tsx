import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/lib/i18n/context';
import type { Consent } from '@/lib/estimate/estimator';
import type { EstimateReply } from '@/lib/messages/protocol';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { Breakdown } from './Breakdown';
import { PaidFigure } from './PaidFigure';
import { lazyParagraphFigures } from './paragraph-figures';
import { Provenance } from './Provenance';
import { providerName } from './provider-names';
import { ProviderTable } from './ProviderTable';
import { readPageText, type PageText } from './read-page';
import { SlotCheck } from './SlotCheck';
import { CueDownloads, SpeakerLines } from './SpeakerLines';
import { Speakers } from './Speakers';

type Origin = PageText['source'] | 'pasted';

/** The estimate for the current tab's selection or focused editor, or for pasted text. */
export function EstimatePanel(props: { settings: Settings }) {
  const { t } = useI18n();
  const [origin, setOrigin] = useState<Origin>();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState('');
  const [reply, setReply] = useState<EstimateReply>();
  const [busy, setBusy] = useState(false);
  // A speaker cast from here changes the settings this panel shows figures for.
  const [settings, setSettings] = useState(props.settings);

  /** `consent`: the user's click on "Exact · N credits" (this page is trusted; content scripts cannot send it). */
  async function estimate(script: string, from: Origin, again = false, consent?: Consent) {
    if (busy && !again) return;
    setOrigin(from);
    setText(script);
    setBusy(true);
    setReply(await sendToBackground('estimate', consent ? { text: script, consent } : { text: script }).catch((error: unknown) => ({
      ok: false as const, error: error instanceof Error ? error.message : String(error),
    })));
    setBusy(false);
  }

  useEffect(() => {
    void readPageText().then((page) => (page.text.trim() ? estimate(page.text, page.source) : setOrigin(page.source)));
  }, []);

  const noPageText = origin === 'unreachable' || origin === 'none';
  const status = origin === undefined ? t('est.reading')
    : origin === 'unreachable' ? t('est.noPage')
    : origin === 'none' ? t('est.nothing')
    : t(`est.from.${origin}`);

  return (
    <section class="panel" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{t('est.heading')}</h2>
      <p class="muted" id="estimate-origin">{status}</p>
      {/*
        Before the result, so the keyboard goes from the Estimate button on to the figures it produced.
        Stays open after a pasted estimate: closing it would hide the focused button and drop the focus.
      */}
      <details class="paste" open={noPageText || origin === 'pasted'}>
        <summary>{t('est.pasteLabel')}</summary>
        <form onSubmit={(e) => { e.preventDefault(); if (draft.trim()) void estimate(draft, 'pasted'); }}>
          <label class="sr-only" for="paste">{t('est.pasteLabel')}</label>
          <textarea id="paste" rows={4} value={draft} placeholder={t('est.pastePlaceholder')}
            onInput={(e) => setDraft(e.currentTarget.value)} />
          {/* Not disabled while busy: a disabled button would drop the keyboard focus. */}
          <button type="submit" disabled={draft.trim() === ''}>{t('est.estimate')}</button>
        </form>
      </details>
      {busy && <p class="muted" role="status">{t('est.estimating')}</p>}
      {reply && !busy && <EstimateResultView reply={reply} text={text} settings={settings}
        onCast={(saved) => { setSettings(saved); void estimate(text, origin ?? 'pasted', true); }}
        onBuy={(credits) => void estimate(text, origin ?? 'pasted', true, { maxCredits: credits })} />}
    </section>
  );
}

function EstimateResultView(props: { reply: EstimateReply; text: string; settings: Settings; onCast: (settings: Settings) => void; onBuy: (credits: number) => void }) {
  const { t, f } = useI18n();
  const { reply } = props;
  // Asked once per figure (a bought one is another), shared by the breakdown and the cue sheets.
  const figures = useMemo(() => lazyParagraphFigures(props.text), [props.text, reply]);
  if (!reply.ok) return <p class="problem" role="alert">{t('est.failed', { error: reply.error })}</p>;
  const { result, provider } = reply;
  const { script } = reply;
  return (
    <div class="estimate" id="estimate-result">
      <p class="headline">
        <span class="clock" id="estimate-clock">{formatClock(result.seconds)}</span>
        <span class="seconds">{t('est.seconds', { seconds: f.amount(result.seconds) })}</span>
      </p>
      <p class="credits" id="estimate-credits">
        {script
          ? t(script.voices === 1 ? 'script.creditsOneVoice' : 'script.credits', { credits: f.amount(script.credits), voices: f.whole(script.voices) })
          : t('est.creditsAt', { credits: f.amount(result.credits[provider]), provider: providerName(provider, props.settings.model, props.settings) })}
      </p>
      {reply.providerAssumed && (
        <p class="muted" id="provider-assumed">{t('est.providerAssumed', { voice: reply.voice.voiceId, provider: providerName(provider, props.settings.model, props.settings) })}</p>
      )}
      <Provenance result={result} />
      <PaidFigure result={result} rule={props.settings.spend.rule} onBuy={props.onBuy} />
      <SlotCheck seconds={result.seconds} initial={props.settings.slotSeconds} />
      {script && <Speakers script={script} settings={props.settings} onCast={props.onCast} />}
      <ProviderTable credits={result.credits} model={props.settings.model} settings={props.settings} chosen={provider} />
      {script ? <SpeakerLines lines={script.lines} /> : <Breakdown text={props.text} figures={figures} />}
      <CueDownloads figures={figures} lines={script?.lines} />
    </div>
  );
}
