import pLimit from 'p-limit';
import { provenanceOf, type EstimateResult, type PieceEstimate, type Provenance } from '../estimate/estimator';
import { PROVIDER_IDS, type ProviderId } from '../rates/credits';
import type { SourceChoice, VoiceProfile } from '../sources/types';
import { normalizeScript, type NormalizeOptions } from '../text/normalize';
import type { CastLookup, CastMember } from './cast';
import { lineText, speakerKey, type ParsedScript, type ScriptExclusion, type ScriptFormat } from './lines';

/** Estimates one line's text with one voice: the one estimator, with that voice. */
export type LineEstimator = (text: string, voice: VoiceProfile) => Promise<EstimateResult>;

export interface LineFigure {
  index: number;
  speaker: string | null;
  /** The cast entry that voiced it (a name or `*`); null: the default voice, not cast. */
  cast: string | null;
  voice: string;
  source: SourceChoice;
  start: number;
  end: number;
  /** What is said, as a subtitle shows it (markup and directions removed). */
  text: string;
  seconds: number;
  /** Cumulative: where the line starts and ends in the whole script, seconds from the start. */
  startsAt: number;
  endsAt: number;
  /** Credits at this line's provider (its voice's vendor, else the headline provider). */
  credits: number;
  provider: ProviderId;
  provenance: Provenance;
}

export interface SpeakerFigure {
  /** As first written in the script; null for unlabelled text. */
  name: string | null;
  cast: string | null;
  voice: string;
  lines: number;
  seconds: number;
  credits: number;
  provider: ProviderId;
  /** What the speaker's lines cost at every provider, as the whole script's `credits`. */
  allCredits: Record<ProviderId, number>;
}

export interface ScriptFigures {
  format: ScriptFormat;
  lines: LineFigure[];
  /** In order of first appearance. */
  speakers: SpeakerFigure[];
  /** Distinct voice profiles used. */
  voices: number;
  seconds: number;
  /** The sum of each line's credits at its own provider. */
  credits: number;
  /** Speakers found that have no cast entry of their own (they use the default voice). */
  uncast: string[];
}

/** An estimate whose exclusions may also carry a script's own rules (scene headings, notes …). */
export type EstimateTotal = Omit<EstimateResult, 'excluded'> & { excluded: ScriptExclusion[] };

export interface ScriptEstimate {
  figures: ScriptFigures;
  /** The whole script as one result (seconds, calls, provenance, excluded, errors), for the tooltip, history and CLI. */
  total: EstimateTotal;
}

export interface ScriptEstimateDeps {
  cast: CastLookup;
  estimateLine: LineEstimator;
  headline: ProviderId;
  normalize?: Partial<NormalizeOptions>;
  /** Lines estimated at once; the estimator bounds its own calls under this. */
  parallel?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The provider a line is priced at: the vendor the cast chose, or the user's headline provider. */
export function lineProvider(member: CastMember, headline: ProviderId, result: EstimateResult & { provider?: string }): ProviderId {
  if (!member.sourceChosen) return headline;
  if (member.profile.source === 'supertone') return 'supertone';
  const resold = PROVIDER_IDS.find((id) => id === result.provider);
  return resold ?? headline;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function profileKey(profile: VoiceProfile): string {
  return JSON.stringify([profile.source, profile.voiceId, profile.language, profile.model ?? '', profile.style ?? '', profile.speed]);
}

/**
 * Each line estimated with its speaker's voice through the one estimator, then totals per speaker
 * and cumulative timecodes. Lines are generated one by one with their own voice, so each is its
 * own estimate (and its own cache entries).
 */
export async function estimateScript(input: string, script: ParsedScript, deps: ScriptEstimateDeps): Promise<ScriptEstimate> {
  const limit = pLimit(deps.parallel ?? 6);
  let done = 0;
  const results = await Promise.all(script.lines.map((line) => limit(async () => {
    const member = deps.cast.member(line.speaker);
    const { text, toInput } = lineText(input, line.parts);
    const result = await deps.estimateLine(text, member.profile);
    deps.onProgress?.(++done, script.lines.length);
    return { line, member, text, toInput, result };
  })));

  let elapsed = 0;
  const lines: LineFigure[] = results.map(({ line, member, text, result }, index) => {
    const provider = lineProvider(member, deps.headline, result);
    const startsAt = round2(elapsed);
    elapsed += result.seconds;
    const first = line.parts[0];
    const last = line.parts[line.parts.length - 1];
    return {
      index: index + 1, speaker: line.speaker, cast: member.entry, voice: member.profile.voiceId, source: member.profile.source,
      start: first?.start ?? 0, end: last?.end ?? 0,
      text: normalizeScript(text, deps.normalize).text.replace(/\s+/g, ' ').trim(),
      seconds: result.seconds, startsAt, endsAt: round2(elapsed),
      credits: result.credits[provider], provider, provenance: result.source,
    };
  });

  return { figures: summarizeFigures(script.format, lines, results), total: totalResult(script, results) };
}

function summarizeFigures(format: ScriptFormat, lines: LineFigure[], results: ReadonlyArray<{ member: CastMember; result: EstimateResult }>): ScriptFigures {
  const speakers = new Map<string, SpeakerFigure>();
  lines.forEach((line, k) => {
    const key = line.speaker === null ? '' : speakerKey(line.speaker);
    const speaker = speakers.get(key) ?? {
      name: line.speaker, cast: line.cast, voice: line.voice, lines: 0, seconds: 0, credits: 0, provider: line.provider,
      allCredits: Object.fromEntries(PROVIDER_IDS.map((id) => [id, 0])) as Record<ProviderId, number>,
    };
    speaker.lines += 1;
    speaker.seconds = round2(speaker.seconds + line.seconds);
    speaker.credits = round4(speaker.credits + line.credits);
    const credits = results[k]?.result.credits;
    for (const id of PROVIDER_IDS) speaker.allCredits[id] = round4(speaker.allCredits[id] + (credits?.[id] ?? 0));
    speakers.set(key, speaker);
  });
  const members = results.map((r) => r.member);
  const list = [...speakers.values()];
  return {
    format, lines, speakers: list,
    voices: new Set(members.map((member) => profileKey(member.profile))).size,
    seconds: round2(lines.reduce((sum, line) => sum + line.seconds, 0)),
    credits: round4(lines.reduce((sum, line) => sum + line.credits, 0)),
    uncast: list.flatMap((speaker) => (speaker.name !== null && (speaker.cast === null || speaker.cast === '*') ? [speaker.name] : [])),
  };
}

interface LineResult {
  toInput: (offset: number) => number;
  result: EstimateResult;
}

function totalResult(script: ParsedScript, results: readonly LineResult[]): EstimateTotal {
  const all = results.map((r) => r.result);
  const source = provenanceOf(all.map((r) => r.source), 'local');
  const credits = Object.fromEntries(PROVIDER_IDS.map((id) => [id, round4(all.reduce((sum, r) => sum + r.credits[id], 0))])) as Record<ProviderId, number>;
  const pieces: PieceEstimate[] = results.flatMap(({ toInput, result }) => result.pieces.map((piece) => ({ ...piece, start: toInput(piece.start), end: toInput(piece.end) })));
  const excluded: ScriptExclusion[] = [
    ...script.excluded,
    ...results.flatMap(({ toInput, result }) => result.excluded.map((e) => ({ ...e, start: toInput(e.start), end: toInput(e.end) }))),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const reasons = [...new Set(all.flatMap((r) => (r.localReason ? [r.localReason] : [])))];
  const vendors = [...new Set(all.map((r) => r.vendor))];
  const plans = all.flatMap((r) => (r.plan ? [r.plan] : []));
  const firstPlan = plans[0];
  return {
    seconds: round2(all.reduce((sum, r) => sum + r.seconds, 0)),
    calls: all.reduce((sum, r) => sum + r.calls, 0),
    source, pieces, credits,
    errors: [...new Set(all.flatMap((r) => r.errors))],
    ...(reasons.length > 0 && { localReason: reasons.join(' ') }),
    excluded,
    characters: all.reduce((sum, r) => sum + r.characters, 0),
    // One vendor when every line has the same; else none in particular.
    vendor: vendors.length === 1 ? vendors[0] ?? null : null,
    predictCredits: round4(all.reduce((sum, r) => sum + r.predictCredits, 0)),
    warnings: [...new Set(all.flatMap((r) => r.warnings))],
    // Exact figures not bought for some lines: what buying them all would cost.
    ...(firstPlan && { plan: {
      vendor: firstPlan.vendor,
      calls: plans.reduce((sum, p) => sum + p.calls, 0),
      credits: round4(plans.reduce((sum, p) => sum + p.credits, 0)),
      cached: plans.reduce((sum, p) => sum + p.cached, 0),
    } }),
  };
}
