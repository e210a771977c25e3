import { z } from 'zod';

/**
 * The vendor-neutral seam (see PRODUCT.md §5 and §7). Everything above `lib/sources/<vendor>/` —
 * estimator, cache, history, account monitor, popup, options, command line — speaks only to these
 * types. A vendor is one folder that implements them and exports one factory; nothing else imports
 * that folder's insides. Shaped after the Vercel AI SDK's speech-model specification: a versioned
 * interface, the vendor's name, one call that returns the answer together with warnings (settings
 * the vendor ignored) and the vendor's metadata (credits used and remaining).
 */

/** Vendors with a live implementation. A new vendor adds its id here and a folder beside the others. */
export const VENDOR_IDS = ['supertone', 'audiostack'] as const;
export const vendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof vendorIdSchema>;

/** Which source answers for a voice profile: a vendor's API, or the local model alone. */
export const SOURCE_CHOICES = [...VENDOR_IDS, 'local'] as const;
export const sourceChoiceSchema = z.enum(SOURCE_CHOICES);
export type SourceChoice = z.infer<typeof sourceChoiceSchema>;

export const SPEED_MIN = 0.5;
export const SPEED_MAX = 2;

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

export interface DurationAnswer {
  seconds: number;
  /** Settings the vendor ignored and how the figure was adjusted (AudioStack takes no speed: length ÷ speed). */
  warnings: string[];
  meta: CreditsMeta;
}

/** Answers "how long will this text sound with this voice". */
export interface DurationSource {
  readonly specificationVersion: 'v1';
  readonly vendor: VendorId;
  limits(voice: VoiceProfile): DurationLimits;
  /** Credits one predict call costs before it is made (from the rate tables); 0 for a free source. */
  readonly creditsPerCall: number;
  /** Throws a SourceError; a call that was answered is never repeated by a retry when it costs credits. */
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

export interface BalanceReading {
  /** null: the vendor says the account has none (e.g. unlimited plans). */
  balance: number | null;
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

export interface UsageMinutes {
  /** Start of the bucket (ms since epoch). */
  start: number;
  minutes: number;
  voiceId?: string;
  voiceName?: string;
}

export interface UsageReports {
  daily(from: Date, to: Date, signal?: AbortSignal): Promise<UsageMinutes[]>;
  hourly(from: Date, to: Date, signal?: AbortSignal): Promise<UsageMinutes[]>;
}

/** What a local figure rests on, so the UI can say "calibrated from 12 renders, ±4 %". */
export type LocalBasis =
  | { kind: 'defaults' }
  | { kind: 'calibrated'; samples: number; /** cross-validated mean absolute error, a fraction */ error: number };

/**
 * The third source: instant, always there, no key. The estimator asks it for every piece no vendor
 * answered, and tells it every vendor answer so it can learn the voice.
 */
export interface LocalDurationModel {
  seconds(text: string, voice: VoiceProfile): number;
  basis(voice: VoiceProfile): LocalBasis;
  /** A vendor's answer for `text` (already divided by nothing: the seconds at `voice.speed`). */
  learn(text: string, voice: VoiceProfile, seconds: number, vendor: VendorId): void;
}
