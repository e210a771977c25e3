import { storage } from 'wxt/utils/storage';
import { createSupertoneClient } from '../api/client';
import { AdaptiveLimit } from '../estimate/adaptive-limit';
import { Calibration, calibrationKey, calibrationStateSchema } from '../estimate/calibration';
import { DurationCache, type CacheEntries } from '../estimate/duration-cache';
import { createEstimator, type Estimator, type VoiceParams } from '../estimate/estimator';
import type { HistoryLog } from '../history/log';
import { historyRow } from '../history/row';
import { createI18n, detectLocale } from '../i18n';
import { estimateWording } from '../i18n/estimate-wording';
import type { EstimateReply } from '../messages/protocol';
import type { Settings } from '../settings/schema';
import { readApiKey, readSettings } from '../settings/store';
import { estimateSettingsScript } from '../script/background';

const cacheItem = storage.defineItem<CacheEntries>('local:durationCache', { fallback: [] });
const calibrationItem = storage.defineItem<unknown>('local:calibration', { fallback: {} });
const CALIBRATION_SAVE_DELAY_MS = 2_000;

export function voiceFromSettings(settings: Settings): VoiceParams {
  return {
    voiceId: settings.voiceId, language: settings.language, model: settings.model,
    style: settings.style || undefined, speed: settings.speed,
  };
}

/** Where an estimate was asked ('' when unknown), and whether it belongs in the history. */
export interface EstimateRequestInfo {
  where: string;
  record: boolean;
  /** Text without speakers gets lines too, one per paragraph (cue sheets). */
  paragraphs?: boolean;
}

/**
 * The background's estimation state. Cache, calibration and the rate limiter outlive settings
 * changes; the estimator (which holds the key and endpoint) is rebuilt when those change.
 * Everything is reloaded from storage when a stopped service worker starts again.
 * Answered estimates go to `history` while the user keeps it on.
 */
export function createEngine(history: HistoryLog) {
  const cache = new DurationCache(5_000, {
    load: () => cacheItem.getValue(),
    save: (entries) => cacheItem.setValue(entries),
  });
  const limit = new AdaptiveLimit(4);
  let calibration: Promise<Calibration> | undefined;
  let current: ReturnType<typeof build> | undefined;
  let calibrationTimer: ReturnType<typeof setTimeout> | undefined;

  function loadCalibration(): Promise<Calibration> {
    calibration ??= calibrationItem.getValue().then((raw) => new Calibration(calibrationStateSchema.safeParse(raw).data ?? {}));
    return calibration;
  }

  function saveCalibrationSoon(model: Calibration): void {
    if (calibrationTimer !== undefined) return;
    calibrationTimer = setTimeout(() => {
      calibrationTimer = undefined;
      calibrationItem.setValue(model.toJSON()).catch(() => undefined);
    }, CALIBRATION_SAVE_DELAY_MS);
  }

  async function build() {
    const [settings, apiKey, model] = await Promise.all([readSettings(), readApiKey(), loadCalibration()]);
    const client = apiKey
      ? createSupertoneClient({
          baseUrl: settings.endpoint, apiKey,
          onRetry: (notice) => { if (notice.status === 429) limit.slowDown(); },
        })
      : undefined;
    const wording = estimateWording(createI18n(detectLocale()));
    const shared = { cache, calibration: model, limit, normalize: settings.normalize, rates: { overrides: settings.rateOverrides, rounding: settings.rounding }, wording };
    const estimator = createEstimator({ ...shared, client, onCalibrated: () => saveCalibrationSoon(model) });
    // Dialogue lines whose cast voice is local (or has no key) are answered by this one.
    const local = createEstimator(shared);
    return { estimator, local, settings, wording };
  }

  return {
    /** Call when settings or the key change. */
    invalidate(): void {
      current = undefined;
    },
    /** The local model's learned factor for a voice, so content scripts' instant figures match ours. */
    async localFactor(voice: VoiceParams): Promise<number> {
      return (await loadCalibration()).factor(calibrationKey(voice.voiceId, voice.language, voice.model));
    },
    async estimate(text: string, info: EstimateRequestInfo): Promise<EstimateReply> {
      try {
        current ??= build();
        const { estimator, local, settings, wording } = await current;
        const voice = voiceFromSettings(settings);
        // A dialogue is estimated line by line with each speaker's voice; other text as one voice.
        const scripted = await estimateSettingsScript(text, settings, { api: estimator, local }, {
          paragraphs: info.paragraphs, tooLongReason: wording.tooLong(settings.maxApiCharacters),
        });
        const result = scripted?.total ?? await estimator.estimate(text, voice, { maxApiCharacters: settings.maxApiCharacters });
        if (info.record && settings.privacy.keepHistory && result.characters > 0) {
          // The answer does not wait for the write; a failed write costs one row, not the estimate.
          // A cast prices each line at its own voice's provider: the row records what the script costs.
          const recorded = scripted ? { ...result, credits: { ...result.credits, [settings.provider]: scripted.figures.credits } } : result;
          history.record(historyRow(Date.now(), info.where, recorded, voice, settings.provider)).catch(() => undefined);
        }
        return { ok: true, result, voice, provider: settings.provider, ...(scripted && { script: scripted.figures }) };
      } catch (error) {
        current = undefined;
        return { ok: false, error: error instanceof Error ? error.message : 'Estimate failed.' };
      }
    },
  };
}
