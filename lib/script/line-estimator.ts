import type { Consent, EstimateOptions, Estimator } from '../estimate/estimator';
import type { SourceChoice } from '../sources/types';
import type { LineEstimator } from './estimate';

/**
 * Lines go to the estimator of their voice's source; a source without one (no key, the local
 * model) is answered by `fallback`, whose figures are local and say why.
 */
export function lineEstimator(estimators: Partial<Record<SourceChoice, Estimator>>, fallback: Estimator, options: EstimateOptions = {}): LineEstimator {
  return (text, voice) => (estimators[voice.source] ?? fallback).estimate(text, voice, options);
}

/**
 * Lines that share one consent ("the whole script may spend up to X credits"): each line may spend
 * only what the lines before it left, and with credits to spend they run one at a time (`parallel`),
 * so together they never spend more than X. A line the budget no longer covers stays local and
 * carries its plan (what its exact figure would cost). Without consent: nothing is bought.
 */
export function budgetedLineEstimator(
  estimators: Partial<Record<SourceChoice, Estimator>>, fallback: Estimator, consent: Consent | undefined,
): { estimateLine: LineEstimator; parallel?: number } {
  if (!consent) return { estimateLine: lineEstimator(estimators, fallback) };
  const budget = { left: consent.maxCredits };
  return {
    parallel: 1,
    estimateLine: async (text, voice) => {
      const result = await (estimators[voice.source] ?? fallback).estimate(text, voice, { consent: { maxCredits: budget.left } });
      budget.left = Math.max(0, budget.left - result.predictCredits);
      return result;
    },
  };
}
