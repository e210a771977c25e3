import { z } from 'zod';
import { SOURCE_CHOICES, SPEED_MAX, SPEED_MIN, VENDOR_IDS, type VendorId } from './choices';

/**
 * The vendor-neutral seam (see PRODUCT.md §5 and §7). Everything above `lib/sources/<vendor>/` —
 * estimator, cache, history, account monitor, popup, options, command line — speaks only to these
 * types. A vendor is one folder that implements them and exports one factory; nothing else imports
 * that folder's insides. Shaped after the Vercel AI SDK's speech-model specification: a versioned
 * interface, the vendor's name, one call that returns the answer together with warnings (settings
 * the vendor ignored) and the vendor's metadata (credits used and remaining).
 */

/* The plain values live in choices.ts (zod-free, for pages); re-exported so the seam stays one import. */
export { SOURCE_CHOICES, SPEED_MAX, SPEED_MIN, VENDOR_IDS };
export type { SourceChoice, VendorId } from './choices';
export const vendorIdSchema = z.enum(VENDOR_IDS);
export const sourceChoiceSchema = z.enum(SOURCE_CHOICES);

/**
 * Everything that decides how long a text will sound: the source that predicts it, the voice (a
 * Supertone voice id, an AudioStack alias …), the language spoken, the vendor's model and style
 * where it has them, and the speed the user will generate at. Cache and calibration keys are made
 * from this, so two profiles that differ in any field never share a figure.
 */
export const voiceProfileSchema = z.object({
  source: sourceChoiceSchema,
  voiceId: z.string().trim().max(100),
  /** ISO 639-1 code of the language spoken ('en', 'ko' …); vendors check it against what they support. */
  language: z.string().trim().min(2).max(12),
  model: z.string().trim().max(60).optional(),
  style: z.string().trim().max(50).optional(),
  speed: z.number().min(SPEED_MIN).max(SPEED_MAX),
});
export type VoiceProfile = z.infer<typeof voiceProfileSchema>;

/** Credits as a vendor's answer reports them; undefined means the answer did not say (never 0). */
export interface CreditsMeta {
  creditsUsed?: number;
  creditsRemaining?: number;
}

/** Told of every envelope a vendor's answer carried (the balance is only ever seen this way at AudioStack). */
export type CreditsObserver = (vendor: VendorId, meta: CreditsMeta, at: number) => void;

/** What a duration source says about how it must be called for a voice. */
export interface DurationLimits {
  /** Longest text one call may carry. */
  maxCharacters: number;
  /** Calls worth having in flight at once. */
  parallel: number;
  /**
   * 'anywhere': free calls, so split at sentence, clause, word, grapheme boundaries as needed.
   * 'sentence': each call costs, so send as much as one call takes and split only at paragraph or
   * sentence ends when the text is over the limit.
   */
  split: 'anywhere' | 'sentence';
}

/**
 * Something the user should know about a figure that is still exact by its source's own terms: a
 * setting the vendor ignored and how ScriptMeter made up for it. Codes, so each UI words them in
 * its language.
 */
export type SourceWarning =
  /** The vendor's prediction takes no speed: its length at the voice's pace, divided by `speed`. */
  | { code: 'speed-not-input'; speed: number };

export interface DurationAnswer {
  /** Seconds at the profile's speed (already adjusted where the vendor takes no speed). */
  seconds: number;
  warnings: SourceWarning[];
  meta: CreditsMeta;
}

/** Answers "how long will this text sound with this voice". */
export interface DurationSource {
  readonly specificationVersion: 'v1';
  readonly vendor: VendorId;
  limits(voice: VoiceProfile): DurationLimits;
  /** Credits one predict call costs before it is made (from the rate tables); 0 for a free source. */
  readonly creditsPerCall: number;
  /**
   * The profile as far as the vendor's answer depends on it: what cache keys are made of. Fields the
   * vendor does not take are set to neutral values (AudioStack: speed 1, no model or style), so an
   * answer bought once serves every speed.
   */
  cacheInputs(voice: VoiceProfile): VoiceProfile;
  /** Warnings that hold for every figure of this voice, cached or fresh. */
  warnings(voice: VoiceProfile): SourceWarning[];
  /** What the source knows of a voice without a call (AudioStack: provider, section limit). */
  voiceDetails(voiceId: string): VoiceInfo | undefined;
  /**
   * Throws an ApiError (lib/sources/errors.ts). A call that costs credits is never repeated by a
   * retry once it may have been answered (lib/sources/http.ts, paidRetryAllowed); a failed one
   * carries what it may have cost.
   */
  predict(text: string, voice: VoiceProfile, signal?: AbortSignal): Promise<DurationAnswer>;
}

/** A voice as pickers show it, whatever the vendor. */
export interface VoiceInfo {
  id: string;
  name: string;
  languages: string[];
  styles: string[];
  models: string[];
  /** The billing provider behind the voice, where the vendor resells others (AudioStack: 'azure' …). */
  provider?: string;
  /** The vendor's own speaking-rate hint, characters per second, to seed the local model. */
  charsPerSecond?: number;
  /** Longest text one call may carry for this voice, where the vendor says. */
  sectionCharacterLimit?: number;
}

/** Voices known without a call (a list cached when the user last asked for it). */
export interface VoiceDirectory {
  get(voiceId: string): VoiceInfo | undefined;
}

export interface BalanceReading {
  /**
   * null: the vendor says the account has none (e.g. unlimited plans). undefined: the answer did
   * not say (AudioStack's envelope without creditsRemaining) — unknown, never 0.
   */
  balance: number | null | undefined;
  /** When the figure was seen (ms since epoch): a balance from an answer's envelope may be old. */
  asOf: number;
  meta: CreditsMeta;
}

/** Balance, usage where the vendor has it, and voices. */
export interface AccountSource {
  readonly specificationVersion: 'v1';
  readonly vendor: VendorId;
  /** Credits the cheapest balance-reading call costs (0 where it is free). */
  readonly balanceCost: number;
  balance(signal?: AbortSignal): Promise<BalanceReading>;
  /** Credits listing voices costs (0 where it is free): the UI says it on the button. */
  readonly voicesCost: number;
  voices(signal?: AbortSignal): Promise<VoiceInfo[]>;
  /**
   * Minutes generated per day and per voice, where the vendor reports it (Supertone). Absent for
   * vendors without usage reports: spend is then worked out from the balance history.
   */
  readonly usage?: UsageReports;
}

/** What the registry builds for one vendor, endpoint and key. */
export interface Sources {
  duration: DurationSource;
  account: AccountSource;
}

/** One usage bucket (a day or an hour): minutes generated, per voice where the vendor says. */
export interface UsageMinutes {
  /** Start of the bucket (ms since epoch). */
  start: number;
  rows: Array<{ minutes: number; voiceId?: string; voiceName?: string }>;
}

export interface UsageReports {
  /** Day buckets with minutes per voice. */
  daily(from: Date, to: Date, signal?: AbortSignal): Promise<UsageMinutes[]>;
  /** Hour buckets, all voices together. */
  hourly(from: Date, to: Date, signal?: AbortSignal): Promise<UsageMinutes[]>;
}

/** What a local figure rests on, so the UI can say "calibrated from 12 renders, ±4 %". */
export type LocalBasis =
  | { kind: 'defaults' }
  /** Defaults for a language with no published speaking rate of its own: a mean of other languages. */
  | { kind: 'borrowed'; language: string }
  | { kind: 'calibrated'; samples: number; /** cross-validated mean absolute error, a fraction */ error: number };

/**
 * The third source: instant, always there, no key. The estimator asks it for every piece no vendor
 * answered, and tells it every vendor answer so it can learn the voice.
 */
export interface LocalDurationModel {
  seconds(text: string, voice: VoiceProfile): number;
  basis(voice: VoiceProfile): LocalBasis;
  /** A vendor's answer for `text`: its seconds at `voice.speed`. */
  learn(text: string, voice: VoiceProfile, seconds: number, vendor: VendorId): void;
}
