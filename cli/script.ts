import { cueSheet, cuesFromLines, type CueFormat } from '../lib/cues/cues';
import type { Estimator } from '../lib/estimate/estimator';
import { formatCredits } from '../lib/format';
import type { ProviderId } from '../lib/rates/credits';
import { castLookup, type Cast } from '../lib/script/cast';
import { estimateScript, type ScriptEstimate, type ScriptFigures } from '../lib/script/estimate';
import { budgetedLineEstimator } from '../lib/script/line-estimator';
import { paragraphScript, parseScript } from '../lib/script/parse';
import { DEFAULT_SCRIPT_OPTIONS } from '../lib/script/rules';
import type { Consent } from '../lib/estimate/estimator';
import type { VoiceProfile } from '../lib/sources/types';
import { readCastFile } from './cast-file';
import { InputError } from './errors';
import { writeTextFile } from './file-store';

/** `estimate`'s dialogue flags: a cast file and cue sheets to write. */
export interface ScriptFlags {
  cast?: string;
  srt?: string;
  vtt?: string;
  /** Fountain action lines are read by the cast's Narrator. */
  narrateAction?: boolean;
}

export const NEEDS_VOICE = '--voice is needed for an API estimate (a voice id, or for AudioStack a voice alias), or use --source local';

export interface ScriptRun {
  /** `api`: the estimator of the source the voice profile names (`voice.source`); lines of other sources are answered locally. */
  estimators: { api?: Estimator; local: Estimator };
  voice: VoiceProfile;
  apiKey: boolean;
  onProgress?: (done: number, total: number) => void;
  /** For a paid source: the credits all lines together may spend, shared in order (none: lines stay local with their plans). */
  consent?: Consent;
  /** false: work the figures out but write no cue sheet (a first pass that only plans). */
  writeCues?: boolean;
}

/**
 * A screenplay, or any script given a cast or cue sheets, is estimated line by line, each line
 * with its speaker's voice from the cast; undefined for text to estimate as one voice.
 */
export async function estimateAsScript(text: string, file: string, flags: ScriptFlags, run: ScriptRun): Promise<ScriptEstimate | undefined> {
  const cast: Cast = flags.cast ? await readCastFile(flags.cast) : {};
  if (run.apiKey && !run.voice.voiceId && !cast['*']?.voice) throw new InputError(`${NEEDS_VOICE}; a cast's "*" entry can name it too`);
  const lookup = castLookup(cast, run.voice);
  const options = { ...DEFAULT_SCRIPT_OPTIONS, narrateAction: flags.narrateAction ?? false };
  const format = file.toLowerCase().endsWith('.fountain') ? 'fountain' : 'auto';
  const asked = Boolean(flags.cast || flags.srt || flags.vtt || flags.narrateAction);
  const parsed = parseScript(text, options, { format, castKeys: lookup.keys });
  // Without a cast or cue sheets, a labelled script stays one voice as before (its labels are not
  // spoken either way); a screenplay is always read as one, since most of it is not spoken.
  const script = asked ? parsed ?? paragraphScript(text) : parsed?.format === 'fountain' ? parsed : undefined;
  if (!script) return undefined;
  // The lines share the one budget, as in the extension: never the whole of it each.
  const { estimateLine, parallel } = budgetedLineEstimator(run.estimators.api ? { [run.voice.source]: run.estimators.api } : {}, run.estimators.local, run.consent);
  const estimate = await estimateScript(text, script, { cast: lookup, estimateLine, headline: 'supertone', onProgress: run.onProgress, parallel });
  for (const [format, path] of [['srt', flags.srt], ['vtt', flags.vtt]] as const) {
    if (path && run.writeCues !== false) await writeTextFile(path, cueSheet(format satisfies CueFormat, cuesFromLines(estimate.figures.lines)));
  }
  return estimate;
}

/** `--json`'s `speakers`: lines, seconds, credits per provider, and the provider the voice bills at. */
export function speakersJson(figures: ScriptFigures) {
  return figures.speakers.map((speaker) => ({
    name: speaker.name, voice: speaker.voice, cast: speaker.cast, lines: speaker.lines, seconds: speaker.seconds,
    credits: speaker.allCredits, provider: speaker.provider,
  }));
}

export function speakerTable(figures: ScriptFigures): string {
  const name = (speaker: ScriptFigures['speakers'][number]) => speaker.name ?? '(no speaker)';
  const voice = (speaker: ScriptFigures['speakers'][number]) => (speaker.cast === null || speaker.cast === '*' ? `${speaker.voice || '-'} (default)` : speaker.voice || '-');
  const rows = figures.speakers.map((speaker) =>
    `  ${name(speaker).slice(0, 18).padEnd(18)} ${voice(speaker).slice(0, 32).padEnd(32)}${String(speaker.lines).padStart(6)}${speaker.seconds.toFixed(2).padStart(10)}${formatCredits(speaker.credits).padStart(10)} ${speaker.provider satisfies ProviderId}`);
  return [
    '',
    `${figures.speakers.length} speakers, ${figures.voices} voices, ${formatCredits(figures.credits)} credits at each voice's provider`,
    `  ${'speaker'.padEnd(18)} ${'voice'.padEnd(32)}${'lines'.padStart(6)}${'seconds'.padStart(10)}${'credits'.padStart(10)} provider`,
    ...rows,
  ].join('\n');
}
