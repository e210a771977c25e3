import type { PauseWeights } from '../estimate/language-defaults';
import { secondsAtNormalSpeed, type SpeechFeatures, type VoiceParameters } from '../estimate/local-model';

/**
 * Fits one voice from what it was heard to say: the user's renders (measured speech, silence at
 * both ends left out) and vendors' answers for it. Speed is divided out (a render at 1.25× counts
 * as 1.25 × its seconds at 1×), so one fit serves every speed.
 *
 * The model is linear in its parameters, so the fit is a small least-squares problem on relative
 * errors, with a ridge pull towards the prior (the language's defaults, or a vendor's own speaking
 * rate): with few renders the voice moves little from the prior, and fewer parameters are free —
 * one overall factor for 1–2 renders, rate and one pause factor for 3–7, rate and each pause from 8.
 */
export interface Observation {
  /** A file name, or where a vendor answer came from: shown beside the row. */
  id: string;
  kind: 'render' | 'answer';
  features: SpeechFeatures;
  /** Speech seconds as measured or answered, at `speed`. */
  seconds: number;
  speed: number;
}

export type Flag =
  /** Text and audio disagree wildly: wrong pairing, another voice, or a render cut short. */
  | { reason: 'disagrees'; expectedSeconds: number }
  /** The audio is (nearly) silent. */
  | { reason: 'no-speech' }
  /** The text has nothing to say (only punctuation or markup). */
  | { reason: 'no-text' };

export interface FitRow {
  id: string;
  kind: Observation['kind'];
  /** Measured seconds at the render's own speed. */
  measured: number;
  /** What the fitted voice says for the same text and speed. */
  estimated: number;
  used: boolean;
  flag?: Flag;
}

export interface VoiceFit {
  parameters: VoiceParameters;
  /** Observations the fit rests on (flagged ones left out). */
  used: number;
  freeParameters: 0 | 1 | 2 | 4;
  /** Cross-validated (leave-one-out) mean absolute error as a fraction; null with nothing to go on. */
  error: number | null;
  rows: FitRow[];
}

const MIN_SPEECH_SECONDS = 0.2;
/** Below this many observations nobody can tell which one is odd: only absurd ones are flagged. */
const ROBUST_FROM = 3;
/** A render said 2.5× faster or slower than any voice of its language would is not that text. */
const ABSURD_LOG_RATIO = Math.log(2.5);
/** Flag beyond ±28 % of the others, or 3.5 robust deviations when the renders scatter more. */
const MIN_LOG_DEVIATION = 0.25;
const DEVIATIONS = 3.5;
/** Ridge weights, in renders' worth: how hard each factor is pulled back to the prior's. */
const PULL = { rate: 0.05, pause: 1 };
const RATE_RANGE = [0.2, 5] as const;
const PAUSE_RANGE = [0, 4] as const;

type Mode = 0 | 1 | 2 | 4;

export function modeFor(count: number): Mode {
  if (count === 0) return 0;
  if (count < 3) return 1;
  if (count < 8) return 2;
  return 4;
}

/** Seconds of speech at speed 1 the observation stands for. */
function normalSeconds(observation: Observation): number {
  return observation.seconds * observation.speed;
}

/** The prior's seconds split into rate, clause, sentence and paragraph parts. */
function parts(features: SpeechFeatures, prior: VoiceParameters): [number, number, number, number] {
  return [
    features.units * prior.secondsPerUnit, features.clauses * prior.pauses.clause,
    features.sentences * prior.pauses.sentence, features.paragraphs * prior.pauses.paragraph,
  ];
}

/** Columns of the design for a mode: which prior parts share a factor. */
function columns(part: [number, number, number, number], mode: Mode): number[] {
  const [rate, clause, sentence, paragraph] = part;
  if (mode === 1) return [rate + clause + sentence + paragraph];
  if (mode === 2) return [rate, clause + sentence + paragraph];
  return [rate, clause, sentence, paragraph];
}

function pulls(mode: Mode): number[] {
  if (mode === 1) return [PULL.rate];
  if (mode === 2) return [PULL.rate, PULL.pause];
  return [PULL.rate, PULL.pause, PULL.pause, PULL.pause];
}

/** Factors on the prior's parts that minimise Σ((ŷ − y)/y)² + Σ pull × (factor − 1)². */
function solveFactors(observations: Observation[], prior: VoiceParameters, mode: Mode): number[] {
  if (mode === 0) return [];
  const lambda = pulls(mode);
  const size = lambda.length;
  const normal = lambda.map((weight, i) => lambda.map((_, j) => (i === j ? weight : 0)));
  const rhs = [...lambda];
  for (const observation of observations) {
    const y = normalSeconds(observation);
    const row = columns(parts(observation.features, prior), mode).map((value) => value / y);
    for (let i = 0; i < size; i++) {
      rhs[i] = (rhs[i] ?? 0) + (row[i] ?? 0);
      for (let j = 0; j < size; j++) (normal[i] as number[])[j] = (normal[i]?.[j] ?? 0) + (row[i] ?? 0) * (row[j] ?? 0);
    }
  }
  return solve(normal, rhs).map((factor, i) => clamp(factor, i === 0 ? RATE_RANGE : PAUSE_RANGE));
}

function applyFactors(prior: VoiceParameters, factors: number[], mode: Mode): VoiceParameters {
  if (mode === 0) return { secondsPerUnit: prior.secondsPerUnit, pauses: { ...prior.pauses } };
  const [rate = 1, a = 1, b = a, c = a] = factors;
  const scale = (pauses: PauseWeights, clause: number, sentence: number, paragraph: number): PauseWeights =>
    ({ clause: pauses.clause * clause, sentence: pauses.sentence * sentence, paragraph: pauses.paragraph * paragraph });
  if (mode === 1) return { secondsPerUnit: prior.secondsPerUnit * rate, pauses: scale(prior.pauses, rate, rate, rate) };
  return { secondsPerUnit: prior.secondsPerUnit * rate, pauses: scale(prior.pauses, a, b, c) };
}

/** Fits parameters with the mode the number of observations allows. */
export function fitParameters(observations: Observation[], prior: VoiceParameters): VoiceParameters {
  const mode = modeFor(observations.length);
  return applyFactors(prior, solveFactors(observations, prior, mode), mode);
}

export function estimateSeconds(features: SpeechFeatures, parameters: VoiceParameters, speed: number): number {
  return secondsAtNormalSpeed(features, parameters) / speed;
}

function logRatio(observation: Observation, parameters: VoiceParameters): number {
  return Math.log(normalSeconds(observation) / secondsAtNormalSpeed(observation.features, parameters));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Indices whose log ratio to `parameters` stands out from the rest. */
function outliers(observations: Observation[], parameters: VoiceParameters): Set<number> {
  const ratios = observations.map((observation) => logRatio(observation, parameters));
  if (observations.length < ROBUST_FROM) {
    return new Set(ratios.flatMap((ratio, i) => (Math.abs(ratio) > ABSURD_LOG_RATIO ? [i] : [])));
  }
  const centre = median(ratios);
  const spread = 1.4826 * median(ratios.map((ratio) => Math.abs(ratio - centre)));
  const limit = Math.max(MIN_LOG_DEVIATION, DEVIATIONS * spread);
  return new Set(ratios.flatMap((ratio, i) => (Math.abs(ratio - centre) > limit || Math.abs(ratio) > 2 * ABSURD_LOG_RATIO ? [i] : [])));
}

/** Leave-one-out: each observation predicted by a fit on the others. */
function crossValidatedError(observations: Observation[], prior: VoiceParameters): number | null {
  if (observations.length === 0) return null;
  let total = 0;
  observations.forEach((held, index) => {
    const rest = observations.filter((_, i) => i !== index);
    const predicted = secondsAtNormalSpeed(held.features, fitParameters(rest, prior));
    const actual = normalSeconds(held);
    total += Math.abs(predicted - actual) / actual;
  });
  return total / observations.length;
}

export function fitVoice(observations: Observation[], prior: VoiceParameters): VoiceFit {
  const flags = new Map<number, Flag>();
  observations.forEach((observation, i) => {
    if (observation.features.units === 0) flags.set(i, { reason: 'no-text' });
    else if (!(observation.seconds >= MIN_SPEECH_SECONDS)) flags.set(i, { reason: 'no-speech' });
  });
  const candidates = () => observations.map((observation, i) => ({ observation, i })).filter(({ i }) => !flags.has(i));
  // First against the prior, robustly (the median render sets the voice), then once more against
  // the fit without those: a render that only looked fine next to a wrong pairing is caught too.
  for (const against of ['prior', 'fit'] as const) {
    const current = candidates();
    const reference = against === 'prior' ? prior : fitParameters(current.map(({ observation }) => observation), prior);
    const odd = outliers(current.map(({ observation }) => observation), reference);
    // The expected seconds are filled in below, from the final fit.
    for (const index of odd) flags.set(current[index]?.i ?? -1, { reason: 'disagrees', expectedSeconds: 0 });
  }
  const used = candidates().map(({ observation }) => observation);
  const mode = modeFor(used.length);
  const parameters = fitParameters(used, prior);
  const rows = observations.map((observation, i): FitRow => {
    const estimated = estimateSeconds(observation.features, parameters, observation.speed);
    const flag = flags.get(i);
    return {
      id: observation.id, kind: observation.kind, measured: observation.seconds, estimated, used: !flag,
      ...(flag ? { flag: flag.reason === 'disagrees' ? { reason: 'disagrees', expectedSeconds: estimated } : flag } : {}),
    };
  });
  return { parameters, used: used.length, freeParameters: mode, error: crossValidatedError(used, prior), rows };
}

function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : 1;
}

/** Gaussian elimination with partial pivoting; the systems here are at most 4 × 4 and well-posed (ridge). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivot]?.[column] ?? 0)) pivot = row;
    [a[column], a[pivot]] = [a[pivot] as number[], a[column] as number[]];
    const top = a[column] as number[];
    for (let row = column + 1; row < n; row++) {
      const current = a[row] as number[];
      const factor = (current[column] ?? 0) / (top[column] ?? 1);
      for (let k = column; k <= n; k++) current[k] = (current[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  const solution = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const current = a[row] as number[];
    let sum = current[n] ?? 0;
    for (let k = row + 1; k < n; k++) sum -= (current[k] ?? 0) * (solution[k] ?? 0);
    solution[row] = sum / (current[row] ?? 1);
  }
  return solution;
}
