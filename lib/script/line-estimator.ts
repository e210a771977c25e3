import type { EstimateOptions, Estimator } from '../estimate/estimator';
import type { SourceChoice } from '../sources/types';
import type { LineEstimator } from './estimate';

/**
 * Lines go to the estimator of their voice's source; a source without one (no key, the local
 * model) is answered by `fallback`, whose figures are local and say why.
 */
export function lineEstimator(estimators: Partial<Record<SourceChoice, Estimator>>, fallback: Estimator, options: EstimateOptions = {}): LineEstimator {
  return (text, voice) => (estimators[voice.source] ?? fallback).estimate(text, voice, options);
}
