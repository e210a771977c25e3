import type { Estimator } from '../estimate/estimator';
import type { Settings } from '../settings/schema';
import type { SourceChoice, VoiceProfile } from '../sources/types';
import { castLookup } from './cast';
import { estimateScript, type ScriptEstimate } from './estimate';
import { lineEstimator } from './line-estimator';
import { paragraphScript, parseScript } from './parse';

export interface ScriptEstimators {
  /** One per source with a key (the same cache and local model). */
  estimators: Partial<Record<SourceChoice, Estimator>>;
  /** No source: local figures, for lines whose voice's source has no estimator. */
  fallback: Estimator;
}

export interface ScriptRequest {
  /** Also estimate text without speakers, one line per paragraph (for cue sheets). */
  paragraphs?: boolean;
  /** Why the figures are local when the text is over the API limit (the user's wording). */
  tooLongReason: string;
}

/**
 * A dialogue script (speakers found) estimated line by line with the cast from the settings;
 * undefined for text without speakers, which the caller estimates as one voice as before.
 */
export async function estimateSettingsScript(
  text: string, settings: Settings, voice: VoiceProfile, estimators: ScriptEstimators, request: ScriptRequest,
): Promise<ScriptEstimate | undefined> {
  const lookup = castLookup(settings.cast, voice);
  const options = { rules: settings.script.rules, narrateAction: settings.script.narrateAction, dropSpeakerLabels: settings.normalize.speakerLabels };
  const script = parseScript(text, options, { castKeys: lookup.keys }) ?? (request.paragraphs ? paragraphScript(text) : undefined);
  if (!script) return undefined;
  // Past the API limit every line is local (bounded work and traffic, as for one voice).
  const tooLong = text.length > settings.maxApiCharacters;
  const estimate = await estimateScript(text, script, {
    cast: lookup, estimateLine: lineEstimator(tooLong ? {} : estimators.estimators, estimators.fallback), headline: settings.provider, normalize: settings.normalize,
  });
  return tooLong ? { ...estimate, total: { ...estimate.total, localReason: request.tooLongReason } } : estimate;
}
