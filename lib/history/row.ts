import { z } from 'zod';
import type { EstimateResult } from '../estimate/estimator';
import { PROVIDER_IDS, type ProviderId } from '../rates/credits';
import { vendorIdSchema, type VoiceProfile } from '../sources/types';

/**
 * One answered estimate, as kept in the history. Figures and where it was asked, never the text:
 * the history is for cost tracking, and a script may be confidential.
 */
export const historyRowSchema = z.object({
  /** Epoch milliseconds. */
  at: z.number().int().nonnegative(),
  /** The page's host name, or the extension page that asked ("popup", "options"). */
  where: z.string().max(253),
  characters: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  credits: z.number().nonnegative(),
  provider: z.enum(PROVIDER_IDS),
  source: z.enum(['api', 'cache', 'local', 'mixed']),
  voiceId: z.string().max(100),
  /** The vendor's model where it has one; '' otherwise (an AudioStack voice). */
  model: z.string().max(60),
  /** Which vendor answered or would have; null for the local model alone (rows before sources: null). */
  vendor: vendorIdSchema.nullable().default(null),
  /** Credits this estimate spent on predictions (rows before paid sources: 0). */
  predictCredits: z.number().nonnegative().default(0),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export function historyRow(at: number, where: string, result: Pick<EstimateResult, 'characters' | 'seconds' | 'credits' | 'source' | 'vendor' | 'predictCredits'>, voice: VoiceProfile, provider: ProviderId): HistoryRow {
  return {
    at, where,
    characters: result.characters, seconds: result.seconds, credits: result.credits[provider],
    provider, source: result.source, voiceId: voice.voiceId, model: voice.model ?? '',
    vendor: result.vendor, predictCredits: result.predictCredits,
  };
}

/**
 * Where an estimate was asked, from the sender's URL (set by the browser, not by the page):
 * a web page's host name, or the name of the extension page.
 */
export function estimateOrigin(senderUrl: string | undefined, extensionBaseUrl: string): string {
  if (!senderUrl) return '';
  if (senderUrl.startsWith(extensionBaseUrl)) {
    const page = new URL(senderUrl).pathname.replace(/^\//, '').replace(/\.html$/, '');
    return page || 'extension';
  }
  try {
    return new URL(senderUrl).hostname;
  } catch {
    return '';
  }
}
