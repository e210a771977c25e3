import { storage } from 'wxt/utils/storage';
import { AdaptiveLimit } from '../estimate/adaptive-limit';
import { calibratedNote } from '../calibration/basis-note';
import { createLocalDurationModel, learnedAnswersSchema, paceFrom, type CalibratedLocalModel } from '../calibration/local-duration-model';
import type { Calibration } from '../calibration/record';
import type { CalibrationStore } from '../calibration/store';
import type { LocalVoice } from './inline';
import { DurationCache, type CacheEntries } from '../estimate/duration-cache';
import { createEstimator, type Consent, type EstimateResult, type Estimator } from '../estimate/estimator';
import { paragraphFigures, type ParagraphFigure } from '../estimate/paragraph-figures';
import type { HistoryLog } from '../history/log';
import { historyRow } from '../history/row';
import { createI18n, detectLocale, type I18n } from '../i18n';
import { estimateWording } from '../i18n/estimate-wording';
import type { EstimateReply } from '../messages/protocol';
import type { Settings } from '../settings/schema';
import { normalizeScript } from '../text/normalize';
import { headlineProvider } from '../rates/headline-provider';
import { keysSetIn, readApiKeys, readSettings } from '../settings/store';
import { voiceProfile } from '../settings/voice-profile';
import { createSources } from '../sources';
import { voiceCatalogSchema, voiceDirectory } from '../sources/voice-catalog';
import { VENDOR_IDS, type CreditsMeta, type SourceChoice, type VendorId, type VoiceDirectory, type VoiceProfile } from '../sources/types';
import { estimateSettingsScript } from '../script/background';
import { authorize, type Refusal } from '../spend/authorize';
import { balanceRecorder } from './balance-readings';
import { createSpendLedger } from '../spend/ledger';
import { spendLedgerItem } from '../spend/ledger-item';
import { createOfferSigner, offerBinding } from '../spend/offer-token';
import { offerSecret } from './offer-secret';
import { usedOfferStore } from './used-offers';

const cacheItem = storage.defineItem<CacheEntries>('local:durationCache', { fallback: [] });
/** Vendor answers the local model learned voices from (a cache: the user's calibrations are kept apart). */
const learnedItem = storage.defineItem<unknown>('local:learnedAnswers', { fallback: {} });
/** Vendors' voice lists as last fetched (options writes them; listing can cost credits). */
export const voiceCatalogItem = storage.defineItem<unknown>('local:voiceCatalog', { fallback: {} });
const CALIBRATION_SAVE_DELAY_MS = 2_000;

/** Where an estimate was asked ('' when unknown), and whether it belongs in the history. */
export interface EstimateRequestInfo {
  where: string;
  record: boolean;
  /** A user's "yes, up to X credits" for this figure (extension pages only). */
  consent?: Consent;
  /** A content script's offer token, handed back after a trusted click on the tooltip's button. */
  offer?: string;
  /** The asker is a content script: an exact figure not bought comes with a signed offer to buy it. */
  offerable?: boolean;
}

async function readVoiceDirectory(vendor: VendorId): Promise<VoiceDirectory> {
  const catalog = voiceCatalogSchema.safeParse(await voiceCatalogItem.getValue()).data;
  return voiceDirectory(catalog?.[vendor]?.voices);
}

function refusalReason(refusal: Refusal, i18n: I18n): string | undefined {
  switch (refusal.kind) {
    case 'never':
      return i18n.t('estimate.paidOff');
    case 'cap':
      return i18n.t('estimate.capReached', { cap: i18n.f.amount(refusal.cap) });
    case 'ask':
      return undefined; // the estimate already says what the exact figure costs
  }
}

/**
 * The background's estimation state. Cache, calibration, limiters and the spend ledger outlive
 * settings changes; the estimator (which holds the source, key and endpoint) is rebuilt when those
 * change. Everything is reloaded from storage when a stopped service worker starts again.
 * Answered estimates go to `history` while the user keeps it on.
 */
export function createEngine(history: HistoryLog, calibrations: CalibrationStore) {
  const cache = new DurationCache(5_000, {
    load: () => cacheItem.getValue(),
    save: (entries) => cacheItem.setValue(entries),
  });
  const limits = new Map<VendorId, AdaptiveLimit>();
  const ledger = createSpendLedger({ load: () => spendLedgerItem.getValue(), save: (state) => spendLedgerItem.setValue(state) });
  const readings = balanceRecorder();
  const offers = createOfferSigner({ secret: offerSecret(), used: usedOfferStore() });
  let localModel: Promise<CalibratedLocalModel> | undefined;
  let current: ReturnType<typeof build> | undefined;
  let calibrationTimer: ReturnType<typeof setTimeout> | undefined;
  // The user's calibrations, kept current: a saved or imported one applies to the next figure.
  let saved: Calibration[] = [];
  let voices: VoiceDirectory | undefined;
  calibrations.onChange((list) => { saved = list; });

  /** One local model for the background's life: the calibrations, the answers learned, the vendor's voice hints. */
  function loadLocalModel(): Promise<CalibratedLocalModel> {
    localModel ??= Promise.all([learnedItem.getValue(), calibrations.all()]).then(([raw, list]) => {
      saved = list;
      const model: CalibratedLocalModel = createLocalDurationModel({
        calibrations: () => saved,
        learned: learnedAnswersSchema.safeParse(raw).data ?? {},
        onLearned: () => saveLearnedSoon(model),
        charsPerSecond: (voice) => paceFrom(voices)(voice),
      });
      return model;
    });
    return localModel;
  }

  function saveLearnedSoon(model: CalibratedLocalModel): void {
    if (calibrationTimer !== undefined) return;
    calibrationTimer = setTimeout(() => {
      calibrationTimer = undefined;
      learnedItem.setValue(model.learned()).catch(() => undefined);
    }, CALIBRATION_SAVE_DELAY_MS);
  }

  function limitFor(vendor: VendorId, parallel: number): AdaptiveLimit {
    let limit = limits.get(vendor);
    if (!limit) {
      limit = new AdaptiveLimit(parallel);
      limits.set(vendor, limit);
    }
    return limit;
  }

  async function build(settings: Settings) {
    const [keys, local] = await Promise.all([readApiKeys(), loadLocalModel()]);
    const voice = voiceProfile(settings, keysSetIn(keys));
    const vendor = voice.source === 'local' ? undefined : voice.source;
    const apiKey = vendor ? keys[vendor] : '';
    voices = vendor ? await readVoiceDirectory(vendor) : voiceDirectory();
    let limit: AdaptiveLimit | undefined;
    /** Every vendor's answers report their credits to the balance history. */
    const recordCredits = (from: VendorId, meta: CreditsMeta, at: number) => void readings.record(from, meta, at).catch(() => undefined);
    const source = vendor && apiKey
      ? createSources(vendor, {
          baseUrl: settings.endpoints[vendor], apiKey, voices, onCredits: recordCredits,
          onRetry: (notice) => { if (notice.status === 429) limit?.slowDown(); },
        }).duration
      : undefined;
    if (source && vendor) limit = limitFor(vendor, source.limits(voice).parallel);
    const i18n = createI18n(detectLocale());
    const shared = { local, cache, normalize: settings.normalize, rates: { overrides: settings.rateOverrides, rounding: settings.rounding }, wording: estimateWording(i18n) };
    const estimator = createEstimator({ ...shared, source, limit, localBecause: settings.source === 'local' ? 'chosen' : 'no-key' });
    // A dialogue's cast may give a speaker another vendor's voice: one estimator per vendor with a key.
    // A paid vendor's estimator buys nothing without consent: its lines stay local and carry the plan.
    const byVendor: Partial<Record<SourceChoice, Estimator>> = {};
    for (const other of VENDOR_IDS) {
      if (other === vendor && source) byVendor[other] = estimator;
      else if (keys[other]) {
        const otherVoices = await readVoiceDirectory(other);
        const otherSource = createSources(other, { baseUrl: settings.endpoints[other], apiKey: keys[other], voices: otherVoices, onCredits: recordCredits }).duration;
        byVendor[other] = createEstimator({ ...shared, source: otherSource, limit: limitFor(other, otherSource.limits(voice).parallel) });
      }
    }
    // A line whose cast voice chose the local model says so, not "no API key".
    byVendor.local = createEstimator({ ...shared, localBecause: 'chosen' });
    const localOnly = createEstimator({ ...shared, localBecause: 'no-key' });
    // A typed or imported voice id of a reseller's is priced at its provider from the voice list, or says it is assumed.
    const headline = headlineProvider(settings, voice, voices);
    // The settings as priced: a reseller's voice at its own provider.
    const priced: Settings = { ...settings, provider: headline.provider };
    return { estimator, local, settings: priced, stamp: JSON.stringify(settings), voice, i18n, byVendor, localOnly, providerAssumed: headline.assumed };
  }

  /**
   * The estimators for the settings in effect now. Settings are read on every use: a change saved a
   * moment ago (a speaker cast from the popup) applies to the very next figure, not only once the
   * storage event that invalidates `current` has arrived.
   */
  async function inEffect(): Promise<Awaited<ReturnType<typeof build>>> {
    const settings = await readSettings();
    const stamp = JSON.stringify(settings);
    const seen = current;
    // Only the build we looked at is dropped: a concurrent call may already have made the new one.
    if (seen && (await seen).stamp !== stamp && current === seen) current = undefined;
    current ??= build(settings);
    return current;
  }

  /** Buys the exact figure only under the spend rule (or the user's click), and counts what it cost. */
  async function paidEstimate(text: string, info: EstimateRequestInfo, built: Awaited<NonNullable<typeof current>>): Promise<EstimateResult> {
    const { estimator, settings, voice, i18n } = built;
    const options = { maxApiCharacters: settings.maxApiCharacters };
    const plan = await estimator.plan(text, voice, options);
    const authorization = await authorize(settings.spend, plan, ledger, info.consent);
    try {
      const result = await estimator.estimate(text, voice, { ...options, consent: authorization.consent });
      await authorization.settle(result.predictCredits);
      const reason = authorization.refusal && refusalReason(authorization.refusal, i18n);
      return reason && result.plan ? { ...result, localReason: reason } : result;
    } catch (error) {
      await authorization.settle(0);
      throw error;
    }
  }

  return {
    /** Balances seen in answers' envelopes, oldest first. */
    balanceReadings: () => readings.read(),
    /** Credits spent today on paid calls (the automatic rule's cap counts these). */
    spentToday: () => ledger.spentToday(),
    /** The day's paid spend, for options' paid calls (a voice list) and its figure of today's spend. */
    ledger,
    /** Call when settings or a key change. */
    invalidate(): void {
      current = undefined;
    },
    /** The settings in effect, as figures are priced: the provider is the voice's own where its vendor's list says (lib/rates/headline-provider.ts). */
    async pricedSettings(): Promise<Settings> {
      return (await inEffect()).settings;
    },
    /** The voice in effect as the local model sees it, so content scripts' instant figures match ours. */
    async localVoice(): Promise<LocalVoice> {
      const { local, voice, i18n } = await inEffect();
      return { parameters: local.parameters(voice), calibrated: calibratedNote(i18n.t, local.basis(voice)) };
    },
    /**
     * The popup's per-paragraph figures for `text` as one voice, after its whole estimate: asked with
     * no consent, so a paid source answers only from what that estimate bought (the cache) and the
     * local model covers the rest. Never a paid call of its own, never a history row.
     */
    async paragraphFigures(text: string): Promise<ParagraphFigure[]> {
      const { estimator, settings, voice, local } = await inEffect();
      const result = await estimator.estimate(text, voice, { maxApiCharacters: settings.maxApiCharacters });
      return paragraphFigures(normalizeScript(text, settings.normalize).text, result.pieces, (part) => local.seconds(part, voice));
    },
    async estimate(text: string, request: EstimateRequestInfo): Promise<EstimateReply> {
      try {
        const built = await inEffect();
        const { settings, voice, i18n, providerAssumed } = built;
        // An offer is for this text and voice only; anything else about it (forged, used, expired) buys nothing.
        const binding = request.offer !== undefined || request.offerable ? await offerBinding(text, voice) : undefined;
        const redeemed = request.offer !== undefined && binding ? await offers.redeem(request.offer, binding) : undefined;
        const info: EstimateRequestInfo = { ...request, consent: redeemed === undefined ? request.consent : { maxCredits: redeemed } };
        // A dialogue is estimated line by line with each speaker's voice; other text as one voice.
        const scripted = await estimateSettingsScript(text, settings, voice, { estimators: built.byVendor, fallback: built.localOnly }, {
          tooLongReason: i18n.t('estimate.tooLong', { max: i18n.f.whole(settings.maxApiCharacters) }),
          authorize: async (plan) => {
            const authorization = await authorize(settings.spend, plan, ledger, info.consent);
            return { ...authorization, refusedBecause: authorization.refusal && refusalReason(authorization.refusal, i18n) };
          },
        });
        const result = scripted?.total ?? await paidEstimate(text, info, built);
        if (info.record && settings.privacy.keepHistory && result.characters > 0) {
          // A cast prices each line at its own voice's provider: the row records what the script costs.
          const recorded = scripted ? { ...result, credits: { ...result.credits, [settings.provider]: scripted.figures.credits } } : result;
          // The answer does not wait for the write; a failed write costs one row, not the estimate.
          history.record(historyRow(Date.now(), info.where, recorded, voice, settings.provider)).catch(() => undefined);
        }
        // The background's own plan, signed: the tooltip's button can hand it back, never widen it.
        const offer = request.offerable && binding && result.plan && settings.spend.rule !== 'never' ? await offers.issue(binding, result.plan.credits) : undefined;
        return {
          ok: true, result, voice, provider: settings.provider, ...(providerAssumed && { providerAssumed: true as const }),
          ...(scripted && { script: scripted.figures }), ...(offer && { offer }),
        };
      } catch (error) {
        current = undefined;
        return { ok: false, error: error instanceof Error ? error.message : 'Estimate failed.' };
      }
    },
  };
}
