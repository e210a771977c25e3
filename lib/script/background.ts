import type { Consent, Estimator, PredictPlan } from '../estimate/estimator';
import type { Settings } from '../settings/schema';
import type { SourceChoice, VoiceProfile } from '../sources/types';
import { castLookup, type CastLookup } from './cast';
import { estimateScript, type ScriptEstimate } from './estimate';
import { budgetedLineEstimator } from './line-estimator';
import { lineText, type ParsedScript } from './lines';
import { parseScript } from './parse';

export interface ScriptEstimators {
  /** One per source with a key (the same cache and local model). */
  estimators: Partial<Record<SourceChoice, Estimator>>;
  /** No source: local figures, for lines whose voice's source has no estimator. */
  fallback: Estimator;
}

/** What the spend rule (or the user's click) allows for a plan: lib/spend/authorize.ts. */
export interface ScriptAuthorization {
  consent?: Consent;
  /** Why the exact figures were not bought, in the user's words; undefined when nothing to say. */
  refusedBecause?: string;
  settle(spent: number): Promise<void>;
}

export interface ScriptRequest {
  /** Why the figures are local when the text is over the API limit (the user's wording). */
  tooLongReason: string;
  /** Asked once for the whole script's paid predictions, before any is made. */
  authorize: (plan: PredictPlan | undefined) => Promise<ScriptAuthorization>;
}

/** The paid predictions every line would make, summed (lines of free sources plan nothing). */
async function scriptPlan(text: string, script: ParsedScript, lookup: CastLookup, estimators: ScriptEstimators['estimators']): Promise<PredictPlan | undefined> {
  let total: PredictPlan | undefined;
  for (const line of script.lines) {
    const voice = lookup.member(line.speaker).profile;
    const plan = await estimators[voice.source]?.plan(lineText(text, line.parts).text, voice);
    if (!plan) continue;
    total = total
      ? { ...total, calls: total.calls + plan.calls, credits: total.credits + plan.credits, cached: total.cached + plan.cached }
      : plan;
  }
  return total;
}

/**
 * A dialogue script (speakers found) estimated line by line with the cast from the settings;
 * undefined for text without speakers, which the caller estimates as one voice as before.
 * Paid predictions are authorized once for the whole script, and the lines share that one budget.
 */
export async function estimateSettingsScript(
  text: string, settings: Settings, voice: VoiceProfile, sources: ScriptEstimators, request: ScriptRequest,
): Promise<ScriptEstimate | undefined> {
  const lookup = castLookup(settings.cast, voice);
  const options = { rules: settings.script.rules, narrateAction: settings.script.narrateAction, dropSpeakerLabels: settings.normalize.speakerLabels };
  const script = parseScript(text, options, { castKeys: lookup.keys });
  if (!script) return undefined;
  // Past the API limit every line is local (bounded work and traffic, as for one voice).
  const tooLong = text.length > settings.maxApiCharacters;
  const estimators = tooLong ? {} : sources.estimators;
  const authorization = await request.authorize(await scriptPlan(text, script, lookup, estimators));
  const { estimateLine, parallel } = budgetedLineEstimator(estimators, sources.fallback, authorization.consent);
  let estimate: ScriptEstimate;
  try {
    estimate = await estimateScript(text, script, { cast: lookup, estimateLine, headline: settings.provider, normalize: settings.normalize, parallel });
  } catch (error) {
    await authorization.settle(0);
    throw error;
  }
  await authorization.settle(estimate.total.predictCredits);
  const reason = tooLong ? request.tooLongReason : estimate.total.plan ? authorization.refusedBecause : undefined;
  return reason ? { ...estimate, total: { ...estimate.total, localReason: reason } } : estimate;
}
