import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSources } from '../lib/sources';
import type { VoiceProfile } from '../lib/sources/types';
import { createLocalDurationModel, learnedAnswersSchema } from '../lib/calibration/local-duration-model';
import { calibrationSummary, loadCalibrations } from './calibration-store';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator, type EstimateResult } from '../lib/estimate/estimator';
import { formatClock, formatCredits } from '../lib/format';
import { cheapestFirst, providerRates } from '../lib/rates/credits';
import { modelSchema } from '../lib/sources/supertone';
import type { EstimateTotal } from '../lib/script/estimate';
import type { ScriptFlags } from './args';
import { cacheDir, readJsonFile, writeJsonFile } from './file-store';
import { estimateAsScript, speakersJson, speakerTable } from './script';

const MAX_INPUT_BYTES = 50 * 1024 * 1024;
const PROGRESS_FROM_PIECES = 10;

export class InputError extends Error {}

export const NEEDS_VOICE = '--voice is needed for an API estimate (or unset SUPERTONE_API_KEY for a local one)';

export interface EstimateCommand {
  file: string;
  voice: VoiceProfile;
  endpoint: string;
  cache: boolean;
  json: boolean;
  script?: ScriptFlags;
}

export interface Io {
  stdout: (line: string) => void;
  stderr: { write: (text: string) => void; isTTY?: boolean };
  stdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

async function readInput(file: string, io: Io): Promise<string> {
  if (file === '-') return io.stdin();
  try {
    const buffer = await readFile(file);
    if (buffer.byteLength > MAX_INPUT_BYTES) throw new InputError(`${file} is larger than 50 MB`);
    return buffer.toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read ${file} (${code})`);
  }
}

/** Runs an estimate; returns the process exit code. */
export async function runEstimate(command: EstimateCommand, io: Io): Promise<number> {
  const text = await readInput(command.file, io);
  const apiKey = io.env.SUPERTONE_API_KEY?.trim() ?? '';
  // With a cast, its "*" entry may name the voice instead (checked where the cast is read).
  if (apiKey && !command.voice.voiceId && !command.script?.cast) throw new InputError(NEEDS_VOICE);
  const dir = cacheDir(io.env);
  const cachePath = join(dir, 'durations.json');
  // Vendor answers the local model learned from are cache; the user's calibrations are data.
  const learnedPath = join(dir, 'learned-answers.json');
  const cache = new DurationCache(50_000, command.cache
    ? { load: () => readJsonFile(cachePath), save: (entries) => writeJsonFile(cachePath, entries) }
    : undefined);
  const calibrations = await loadCalibrations(io.env);
  const local = createLocalDurationModel({ calibrations: () => calibrations, learned: learnedAnswersSchema.safeParse(await readJsonFile(learnedPath)).data ?? {} });
  const estimator = createEstimator({
    source: apiKey ? createSources('supertone', { baseUrl: command.endpoint, apiKey }).duration : undefined,
    cache, local,
  });
  const onProgress = progressReporter(io);
  const estimators = { api: apiKey ? estimator : undefined, local: createEstimator({ cache, local }) };
  const script = await estimateAsScript(text, command.file, command.script ?? {}, { estimators, voice: command.voice, apiKey: Boolean(apiKey), onProgress });
  const result = script?.total ?? await estimator.estimate(text, command.voice, { onProgress });
  if (command.cache) await cache.flush();
  await writeJsonFile(learnedPath, local.learned()).catch(() => undefined);
  if (result.errors.length > 0) throw new InputError(result.errors[0] ?? 'estimate failed');
  const calibration = calibrationSummary(calibrations, command.voice);
  if (command.json) io.stdout(JSON.stringify({ ...jsonSummary(result), ...(calibration && { calibration }), ...(script && { speakers: speakersJson(script.figures) }) }));
  else io.stdout(table(result, command.voice) + (script ? `\n${speakerTable(script.figures)}` : ''));
  return 0;
}

function progressReporter(io: Io): (done: number, total: number) => void {
  return (done, total) => {
    if (total < PROGRESS_FROM_PIECES) return;
    if (io.stderr.isTTY) io.stderr.write(`\rscriptmeter: ${done}/${total} pieces${done === total ? '\n' : ''}`);
    else if (done === 1 || done === total) io.stderr.write(`scriptmeter: ${done}/${total} pieces\n`);
  };
}

export function jsonSummary(result: Pick<EstimateResult, 'seconds' | 'calls' | 'source' | 'credits'>) {
  return { seconds: result.seconds, chunks: result.calls, source: result.source, credits: result.credits };
}

function table(result: EstimateTotal, voice: VoiceProfile): string {
  const rates = new Map(providerRates(modelSchema.safeParse(voice.model).data ?? 'sona_speech_1').map((rate) => [rate.id, rate]));
  const rows = cheapestFirst(result.credits).map(({ id, credits }) => {
    const rate = rates.get(id);
    const unit = rate ? `${formatCredits(rate.rate)} / ${rate.unit === 'second' ? 's' : 'min'}` : '';
    return `  ${id.padEnd(12)}${unit.padStart(12)}${formatCredits(credits).padStart(12)}`;
  });
  const source = result.localReason ?? `source: ${result.source}, ${result.calls} API calls`;
  const excluded = result.excluded.length > 0 ? `\n${result.excluded.length} non-spoken marks excluded` : '';
  return [
    `${result.seconds.toFixed(2)} s  (${formatClock(result.seconds)})  ${result.characters.toLocaleString('en')} characters, ${result.pieces.length} pieces`,
    `${source}${excluded}`,
    '',
    `  ${'provider'.padEnd(12)}${'rate'.padStart(12)}${'credits'.padStart(12)}`,
    ...rows,
  ].join('\n');
}
