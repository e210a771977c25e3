import type { SupertoneClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Language, Model } from '../api/schemas';
import { creditsByProvider, type ProviderId, type RateOverrides, type RoundingRule } from '../rates/credits';
import { chunkText } from '../text/chunk';
import { normalizeScript, type Exclusion, type NormalizeOptions } from '../text/normalize';
import { AdaptiveLimit } from './adaptive-limit';
import { Calibration, calibrationKey } from './calibration';
import { cacheKey, cacheScope, DurationCache, splitCacheKey } from './duration-cache';
import { localSeconds } from './local-model';
import { KnownPieces, reuseKnownPieces } from './piece-reuse';
import { ENGLISH_WORDING, type EstimateWording } from './wording';

/** Everything that changes how long the generated speech will be. */
export interface VoiceParams {
  voiceId: string;
  language: Language;
  model: Model;
  style?: string;
  speed: number;
}

export type PieceSource = 'api' | 'cache' | 'local';
export type Provenance = PieceSource | 'mixed';

export interface PieceEstimate {
  start: number;
  end: number;
  characters: number;
  seconds: number;
  source: PieceSource;
}

export interface EstimateResult {
  seconds: number;
  /** Predict calls sent for this estimate (calls shared with another estimate in flight are not counted twice). */
  calls: number;
  source: Provenance;
  pieces: PieceEstimate[];
  credits: Record<ProviderId, number>;
  /** Distinct user-readable problems; a figure with errors is partly local and says so. */
  errors: string[];
  /** Why API figures were not used at all, when they were not (no key, text too long …). */
  localReason?: string;
  excluded: Exclusion[];
  /** Characters of spoken text after normalizing. */
  characters: number;
}

export interface EstimateOptions {
  signal?: AbortSignal;
  /** Above this many spoken characters the API is not asked (bounded work); local figures instead. */
  maxApiCharacters?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EstimatorDeps {
  /** Absent when there is no API key: local figures only. */
  client?: SupertoneClient;
  cache: DurationCache;
  calibration: Calibration;
  limit?: AdaptiveLimit;
  normalize?: Partial<NormalizeOptions>;
  rates?: { overrides?: RateOverrides; rounding?: RoundingRule };
  /** Called after the API taught the local model something, so it can be persisted. */
  onCalibrated?: () => void;
  /** The user's language for reasons and errors; English by default. */
  wording?: EstimateWording;
}

export interface Estimator {
  estimate(text: string, voice: VoiceParams, options?: EstimateOptions): Promise<EstimateResult>;
}

interface PieceOutcome {
  seconds: number;
  source: PieceSource;
  called: boolean;
  error?: ApiError;
}

export function createEstimator(deps: EstimatorDeps): Estimator {
  const limit = deps.limit ?? new AdaptiveLimit(4);
  const wording = deps.wording ?? ENGLISH_WORDING;
  // Shared across concurrent estimates (two tabs, a re-estimate while typing): one call per piece.
  const inFlight = new Map<string, Promise<number>>();
  const known = new KnownPieces();
  let indexed = false;

  /** Loads the persisted cache once and indexes its pieces for re-use after edits. */
  async function loadCache(): Promise<void> {
    await deps.cache.load();
    if (indexed) return;
    indexed = true;
    for (const key of deps.cache.keys()) {
      const parts = splitCacheKey(key);
      if (parts) known.add(parts.scope, parts.text);
    }
  }

  function summarize(
    voice: VoiceParams, pieces: PieceEstimate[], calls: number, errors: string[], excluded: Exclusion[],
    characters: number, localReason?: string,
  ): EstimateResult {
    const seconds = round2(pieces.reduce((sum, piece) => sum + piece.seconds, 0));
    const sources = [...new Set(pieces.map((piece) => piece.source))];
    const source: Provenance = sources.length > 1 ? 'mixed' : sources[0] ?? (localReason ? 'local' : 'api');
    return {
      seconds, calls, source, pieces, errors, excluded, characters, localReason,
      credits: creditsByProvider(seconds, voice.model, deps.rates?.overrides, deps.rates?.rounding),
    };
  }

  function localFor(text: string, voice: VoiceParams): number {
    const factor = deps.calibration.factor(calibrationKey(voice.voiceId, voice.language, voice.model));
    return localSeconds(text, voice.language, voice.speed, factor);
  }

  function prepare(text: string, options: Partial<NormalizeOptions> | undefined) {
    const normalized = normalizeScript(text, options);
    return { normalized, chunks: chunkText(normalized.text) };
  }

  function localResult({ normalized, chunks }: ReturnType<typeof prepare>, voice: VoiceParams, localReason?: string): EstimateResult {
    const pieces = chunks.map((chunk) => ({
      start: chunk.start, end: chunk.end, characters: chunk.text.length,
      seconds: localFor(chunk.text.trim(), voice), source: 'local' as const,
    }));
    return summarize(voice, pieces, 0, [], normalized.excluded, normalized.text.length, localReason);
  }

  /** One piece: cache, or a call shared with any other estimate asking the same thing right now. */
  async function predictPiece(client: SupertoneClient, spoken: string, voice: VoiceParams, stop: AbortController): Promise<PieceOutcome> {
    const key = cacheKey({ text: spoken, ...voice });
    const cached = deps.cache.get(key);
    if (cached !== undefined) return { seconds: cached, source: 'cache', called: false };
    const shared = inFlight.get(key);
    const called = shared === undefined;
    // The call itself is not tied to one caller's signal, since others may be waiting on it;
    // a stopped estimate only keeps its queued calls from starting.
    const pending = shared ?? limit.run(async () => {
      if (stop.signal.aborted) throw new ApiError('aborted', 'Cancelled.');
      try {
        return await client.predictDuration(voice.voiceId, {
          text: spoken, language: voice.language, model: voice.model, style: voice.style,
          voice_settings: { speed: voice.speed },
        });
      } catch (error) {
        // Stop before the limiter starts the next queued call: a bad key must not cost more requests.
        if (error instanceof ApiError && error.isPermanent) stop.abort();
        throw error;
      }
    });
    if (called) {
      inFlight.set(key, pending);
      pending.then(() => inFlight.delete(key), () => inFlight.delete(key));
    }
    try {
      const seconds = await pending;
      if (called) learnFrom(key, spoken, voice, seconds);
      return { seconds, source: 'api', called };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.');
      // Another estimate gave up on a call we were sharing: ask for ourselves.
      if (apiError.kind === 'aborted' && !called && !stop.signal.aborted) return predictPiece(client, spoken, voice, stop);
      return { seconds: localFor(spoken, voice), source: 'local', called, error: apiError };
    }
  }

  function learnFrom(key: string, spoken: string, voice: VoiceParams, seconds: number): void {
    limit.succeeded();
    deps.cache.set(key, seconds);
    known.add(cacheScope(voice), spoken);
    const rawLocal = localSeconds(spoken, voice.language, voice.speed);
    deps.calibration.observe(calibrationKey(voice.voiceId, voice.language, voice.model), rawLocal, seconds);
    deps.onCalibrated?.();
  }

  async function estimate(text: string, voice: VoiceParams, options: EstimateOptions = {}): Promise<EstimateResult> {
    const client = deps.client;
    const prepared = prepare(text, deps.normalize);
    if (!client) return localResult(prepared, voice, wording.noKey);
    if (!voice.voiceId) return localResult(prepared, voice, wording.noVoice);
    const { normalized, chunks: fresh } = prepared;
    const maxApi = options.maxApiCharacters ?? Number.POSITIVE_INFINITY;
    if (normalized.text.length > maxApi) {
      return localResult(prepared, voice, wording.tooLong(maxApi));
    }
    await loadCache();
    const scope = cacheScope(voice);
    const chunks = known.has(scope)
      ? reuseKnownPieces(
          normalized.text, fresh,
          (piece) => deps.cache.has(cacheKey({ text: piece, ...voice })),
          (position) => known.at(scope, normalized.text, position),
        )
      : fresh;
    // A permanent failure (bad key, unknown voice) stops the remaining calls at once.
    const stop = new AbortController();
    if (options.signal?.aborted) stop.abort();
    else options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
    let done = 0;
    const outcomes = await Promise.all(chunks.map(async (chunk) => {
      const outcome = await predictPiece(client, chunk.text.trim(), voice, stop);
      if (outcome.error?.isPermanent) stop.abort();
      options.onProgress?.(++done, chunks.length);
      return outcome;
    }));
    options.signal?.throwIfAborted();
    const errors = [...new Set(outcomes.flatMap((o) => (o.error && o.error.kind !== 'aborted' ? [wording.error(o.error)] : [])))];
    const pieces = chunks.map((chunk, index) => {
      const outcome = outcomes[index] as PieceOutcome;
      return { start: chunk.start, end: chunk.end, characters: chunk.text.length, seconds: outcome.seconds, source: outcome.source };
    });
    const calls = outcomes.filter((o) => o.called && o.error?.kind !== 'aborted').length;
    return summarize(voice, pieces, calls, errors, normalized.excluded, normalized.text.length);
  }

  return { estimate };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
