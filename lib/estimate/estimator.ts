import { creditsByProvider, type ProviderId, type RateOverrides, type RoundingRule } from '../rates/credits';
import { ApiError } from '../sources/errors';
import { modelSchema, type Model } from '../sources/supertone';
import type { CreditsMeta, DurationSource, LocalBasis, LocalDurationModel, VendorId, VoiceProfile } from '../sources/types';
import { chunkText, type Chunk } from '../text/chunk';
import { normalizeScript, type Exclusion, type NormalizeOptions, type NormalizeResult } from '../text/normalize';
import { AdaptiveLimit } from './adaptive-limit';
import { cacheKey, cacheScope, DurationCache, splitCacheKey } from './duration-cache';
import { KnownPieces, reuseKnownPieces } from './piece-reuse';
import { ENGLISH_WORDING, type EstimateWording } from './wording';

export type PieceSource = 'api' | 'cache' | 'local';
export type Provenance = PieceSource | 'mixed';

/**
 * One label for a figure made of parts: 'mixed' only when some part is local (approximate); exact
 * parts from the API and the cache together are exact, labelled 'api'.
 */
export function provenanceOf(parts: Iterable<Provenance>, none: Provenance): Provenance {
  const set = new Set(parts);
  if (set.size === 0) return none;
  if (set.size === 1) return [...set][0] ?? none;
  return set.has('local') || set.has('mixed') ? 'mixed' : 'api';
}

export interface PieceEstimate {
  start: number;
  end: number;
  characters: number;
  seconds: number;
  source: PieceSource;
}

/** What the exact figure still needs from a paid source, worked out before any call. */
export interface PredictPlan {
  vendor: VendorId;
  /** Predict calls to make (pieces neither cached nor already being asked for). */
  calls: number;
  /** What they cost by the rate table. */
  credits: number;
  /** Pieces already answered, free this time. */
  cached: number;
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
  /** Why API figures were not used (all or some), when they were not: no key, text too long, exact figure not paid for … */
  localReason?: string;
  excluded: Exclusion[];
  /** Characters of spoken text after normalizing. */
  characters: number;
  /** The vendor whose figures these are or would be; null for the local model alone. */
  vendor: VendorId | null;
  /** Credits this estimate spent on predictions: what envelopes said, else the rate table's price. */
  predictCredits: number;
  /** The voice's billing provider where the vendor resells others (AudioStack). */
  provider?: string;
  /** Settings the vendor ignored and how the figure allows for it; charges not known. */
  warnings: string[];
  /** Present when exact figures cost credits and were not bought: what they would cost. */
  plan?: PredictPlan;
  /** What the local pieces rest on, when there are any ("calibrated from 12 renders, ±4 %"). */
  localBasis?: LocalBasis;
}

/** "Yes, up to this many credits": a user's click, or the automatic rule with room under its cap. */
export interface Consent {
  maxCredits: number;
}

export interface EstimateOptions {
  signal?: AbortSignal;
  /** Above this many spoken characters the API is not asked (bounded work); local figures instead. */
  maxApiCharacters?: number;
  onProgress?: (done: number, total: number) => void;
  /** Needed before a paid source is asked; without it the figure stays local and carries the plan. */
  consent?: Consent;
}

export interface EstimatorDeps {
  /** Absent when there is no key or the local model was chosen: local figures only. */
  source?: DurationSource;
  /** Why there is no source, for the reason shown: the user chose the local model, or no key is saved (default). */
  localBecause?: 'chosen' | 'no-key';
  local: LocalDurationModel;
  cache: DurationCache;
  /** Defaults to the source's own parallelism. */
  limit?: AdaptiveLimit;
  normalize?: Partial<NormalizeOptions>;
  rates?: { overrides?: RateOverrides; rounding?: RoundingRule };
  /** The user's language for reasons, errors and warnings; English by default. */
  wording?: EstimateWording;
}

export interface Estimator {
  estimate(text: string, voice: VoiceProfile, options?: EstimateOptions): Promise<EstimateResult>;
  /** The calls an estimate would pay for right now; undefined when the source is free or absent. */
  plan(text: string, voice: VoiceProfile, options?: Pick<EstimateOptions, 'maxApiCharacters'>): Promise<PredictPlan | undefined>;
}

/** One vendor answer, at the speed of the source's cache inputs. */
interface Answer {
  seconds: number;
  meta: CreditsMeta;
}

interface PieceOutcome {
  seconds: number;
  source: PieceSource;
  called: boolean;
  /** Not asked: the consented credits were used up (only when calls shared with another estimate failed). */
  unpaid?: boolean;
  /** Credits this piece's call cost; `known` false when counted at the table's price. */
  charge?: { credits: number; known: boolean };
  error?: ApiError;
}

interface Prepared {
  normalized: NormalizeResult;
  chunks: Chunk[];
}

/** A voice profile's model where it is a Supertone model (Supertone's rate table is per model). */
function rateModel(voice: VoiceProfile): Model {
  return modelSchema.safeParse(voice.model).data ?? 'sona_speech_1';
}

export function createEstimator(deps: EstimatorDeps): Estimator {
  const wording = deps.wording ?? ENGLISH_WORDING;
  let limit = deps.limit;
  // Shared across concurrent estimates (two tabs, a re-estimate while typing): one call per piece.
  const inFlight = new Map<string, Promise<Answer>>();
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
    voice: VoiceProfile, prepared: Prepared, pieces: PieceEstimate[],
    extra: { calls?: number; errors?: string[]; localReason?: string; predictCredits?: number; warnings?: string[]; plan?: PredictPlan } = {},
  ): EstimateResult {
    const seconds = round2(pieces.reduce((sum, piece) => sum + piece.seconds, 0));
    const source = provenanceOf(pieces.map((piece) => piece.source), extra.localReason ? 'local' : 'api');
    const provider = deps.source?.voiceDetails(voice.voiceId)?.provider;
    return {
      seconds, calls: extra.calls ?? 0, source, pieces, errors: extra.errors ?? [],
      excluded: prepared.normalized.excluded, characters: prepared.normalized.text.length, localReason: extra.localReason,
      credits: creditsByProvider(seconds, rateModel(voice), deps.rates?.overrides, deps.rates?.rounding),
      vendor: deps.source?.vendor ?? null,
      predictCredits: round4(extra.predictCredits ?? 0),
      ...(provider !== undefined && { provider }),
      warnings: extra.warnings ?? [],
      ...(extra.plan && { plan: extra.plan }),
      ...(pieces.some((piece) => piece.source === 'local') && { localBasis: deps.local.basis(voice) }),
    };
  }

  function localPiece(chunk: Chunk, voice: VoiceProfile): PieceEstimate {
    return { start: chunk.start, end: chunk.end, characters: chunk.text.length, seconds: deps.local.seconds(chunk.text.trim(), voice), source: 'local' };
  }

  function localResult(prepared: Prepared, voice: VoiceProfile, localReason: string): EstimateResult {
    return summarize(voice, prepared, prepared.chunks.map((chunk) => localPiece(chunk, voice)), { localReason });
  }

  /** Pieces as the source wants them: its limit, and for paid calls the fewest pieces; known pieces re-used after an edit. */
  async function prepareFor(source: DurationSource, voice: VoiceProfile, normalized: NormalizeResult): Promise<Prepared> {
    const limits = source.limits(voice);
    const chunk = (text: string) => chunkText(text, limits.maxCharacters, limits.split === 'sentence' ? 'fewest' : 'stable');
    const fresh = chunk(normalized.text);
    await loadCache();
    const inputs = source.cacheInputs(voice);
    const scope = cacheScope(inputs);
    const chunks = known.has(scope)
      ? reuseKnownPieces(
          normalized.text, fresh,
          (piece) => deps.cache.has(cacheKey({ ...inputs, text: piece })),
          (position) => known.at(scope, normalized.text, position),
          chunk,
        )
      : fresh;
    return { normalized, chunks };
  }

  /** Why there will be no vendor figure at all, if there will be none. */
  function noVendorReason(voice: VoiceProfile, normalized: NormalizeResult, maxApi: number): string | undefined {
    if (!deps.source) return deps.localBecause === 'chosen' ? wording.localChosen : wording.noKey;
    if (!voice.voiceId) return wording.noVoice;
    if (normalized.text.length > maxApi) return wording.tooLong(maxApi);
    return undefined;
  }

  function planOf(source: DurationSource, voice: VoiceProfile, chunks: readonly Chunk[]): PredictPlan {
    const inputs = source.cacheInputs(voice);
    const keys = new Set(chunks.map((chunk) => cacheKey({ ...inputs, text: chunk.text.trim() })));
    let calls = 0;
    let cached = 0;
    for (const key of keys) {
      if (deps.cache.has(key)) cached += 1;
      else if (!inFlight.has(key)) calls += 1;
    }
    return { vendor: source.vendor, calls, credits: round4(calls * source.creditsPerCall), cached };
  }

  /** One piece: cache, or a call shared with any other estimate asking the same thing right now. */
  async function predictPiece(
    source: DurationSource, spoken: string, voice: VoiceProfile, stop: AbortController, budget: { left: number },
  ): Promise<PieceOutcome> {
    const inputs = source.cacheInputs(voice);
    const scale = inputs.speed / voice.speed; // sources that take no speed answer at speed 1
    const key = cacheKey({ ...inputs, text: spoken });
    const cached = deps.cache.get(key);
    if (cached !== undefined) return { seconds: cached * scale, source: 'cache', called: false };
    const shared = inFlight.get(key);
    const called = shared === undefined;
    if (called && source.creditsPerCall > budget.left + 1e-9) {
      return { seconds: deps.local.seconds(spoken, voice), source: 'local', called: false, unpaid: true };
    }
    if (called) budget.left -= source.creditsPerCall;
    limit ??= new AdaptiveLimit(source.limits(voice).parallel);
    const runner = limit;
    // The call itself is not tied to one caller's signal, since others may be waiting on it;
    // a stopped estimate only keeps its queued calls from starting.
    const pending = shared ?? runner.run(async (): Promise<Answer> => {
      if (stop.signal.aborted) throw new ApiError('aborted', 'Cancelled.');
      try {
        const answer = await source.predict(spoken, inputs);
        return { seconds: answer.seconds, meta: answer.meta };
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
      const answer = await pending;
      if (!called) return { seconds: answer.seconds * scale, source: 'api', called };
      runner.succeeded();
      deps.cache.set(key, answer.seconds, source.creditsPerCall > 0);
      known.add(cacheScope(inputs), spoken);
      deps.local.learn(spoken, voice, answer.seconds * scale, source.vendor);
      const charge = source.creditsPerCall > 0
        ? (answer.meta.creditsUsed === undefined ? { credits: source.creditsPerCall, known: false } : { credits: answer.meta.creditsUsed, known: true })
        : undefined;
      return { seconds: answer.seconds * scale, source: 'api', called, charge };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.');
      // Another estimate gave up on a call we were sharing: ask for ourselves.
      if (apiError.kind === 'aborted' && !called && !stop.signal.aborted) return predictPiece(source, spoken, voice, stop, budget);
      if (called && apiError.kind === 'aborted') budget.left += source.creditsPerCall; // never sent
      return { seconds: deps.local.seconds(spoken, voice), source: 'local', called, error: apiError, charge: called ? apiError.charge : undefined };
    }
  }

  async function estimate(text: string, voice: VoiceProfile, options: EstimateOptions = {}): Promise<EstimateResult> {
    const source = deps.source;
    const normalized = normalizeScript(text, deps.normalize);
    const maxApi = options.maxApiCharacters ?? Number.POSITIVE_INFINITY;
    const reason = noVendorReason(voice, normalized, maxApi);
    if (reason !== undefined || !source) {
      const limits = source?.limits(voice);
      const chunks = limits ? chunkText(normalized.text, limits.maxCharacters, limits.split === 'sentence' ? 'fewest' : 'stable') : chunkText(normalized.text);
      return localResult({ normalized, chunks }, voice, reason ?? wording.noKey);
    }
    const prepared = await prepareFor(source, voice, normalized);
    const { chunks } = prepared;
    const warnings = source.warnings(voice).map((warning) => wording.warning(warning));
    const plan = source.creditsPerCall > 0 ? planOf(source, voice, chunks) : undefined;
    const consented = options.consent?.maxCredits ?? 0;
    if (plan && plan.calls > 0 && consented + 1e-9 < plan.credits) {
      // Not paid for: what is cached is exact and free, the rest local, and the price is said.
      const inputs = source.cacheInputs(voice);
      const pieces = chunks.map((chunk): PieceEstimate => {
        const cached = deps.cache.get(cacheKey({ ...inputs, text: chunk.text.trim() }));
        if (cached === undefined) return localPiece(chunk, voice);
        return { start: chunk.start, end: chunk.end, characters: chunk.text.length, seconds: cached * (inputs.speed / voice.speed), source: 'cache' };
      });
      const anyCached = pieces.some((piece) => piece.source === 'cache');
      return summarize(voice, prepared, pieces, { localReason: wording.costs(plan.credits), plan, warnings: anyCached ? warnings : [] });
    }
    // A permanent failure (bad key, unknown voice, no credits) stops the remaining calls at once.
    const stop = new AbortController();
    if (options.signal?.aborted) stop.abort();
    else options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
    const budget = { left: source.creditsPerCall > 0 ? consented : Number.POSITIVE_INFINITY };
    let done = 0;
    const outcomes = await Promise.all(chunks.map(async (chunk) => {
      const outcome = await predictPiece(source, chunk.text.trim(), voice, stop, budget);
      if (outcome.error?.isPermanent) stop.abort();
      options.onProgress?.(++done, chunks.length);
      return outcome;
    }));
    options.signal?.throwIfAborted();
    const errors = [...new Set(outcomes.flatMap((o) => (o.error && o.error.kind !== 'aborted' ? [wording.error(o.error)] : [])))];
    const pieces = chunks.map((chunk, index): PieceEstimate => {
      const outcome = outcomes[index] as PieceOutcome;
      return { start: chunk.start, end: chunk.end, characters: chunk.text.length, seconds: outcome.seconds, source: outcome.source };
    });
    const charges = outcomes.flatMap((o) => (o.charge ? [o.charge] : []));
    const unknown = charges.filter((charge) => !charge.known).length;
    const unpaid = outcomes.filter((o) => o.unpaid).length;
    const stillNeeded = unpaid > 0 ? { vendor: source.vendor, calls: unpaid, credits: round4(unpaid * source.creditsPerCall), cached: 0 } : undefined;
    return summarize(voice, prepared, pieces, {
      ...(stillNeeded && { localReason: wording.costs(stillNeeded.credits), plan: stillNeeded }),
      calls: outcomes.filter((o) => o.called && o.error?.kind !== 'aborted').length,
      errors,
      predictCredits: charges.reduce((sum, charge) => sum + charge.credits, 0),
      warnings: [
        ...(pieces.some((piece) => piece.source !== 'local') ? warnings : []),
        ...(unknown > 0 ? [wording.chargeUnknown(unknown, source.creditsPerCall)] : []),
      ],
    });
  }

  async function plan(text: string, voice: VoiceProfile, options: Pick<EstimateOptions, 'maxApiCharacters'> = {}): Promise<PredictPlan | undefined> {
    const source = deps.source;
    if (!source || source.creditsPerCall === 0) return undefined;
    const normalized = normalizeScript(text, deps.normalize);
    if (noVendorReason(voice, normalized, options.maxApiCharacters ?? Number.POSITIVE_INFINITY) !== undefined) return undefined;
    return planOf(source, voice, (await prepareFor(source, voice, normalized)).chunks);
  }

  return { estimate, plan };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
