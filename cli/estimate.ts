import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalDurationModel, learnedAnswersSchema, paceFrom } from '../lib/calibration/local-duration-model';
import { calibratedNote } from '../lib/calibration/basis-note';
import { translator } from '../lib/i18n/catalogs';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator, type Consent, type EstimateResult, type PredictPlan } from '../lib/estimate/estimator';
import { formatClock, formatCredits } from '../lib/format';
import { cheapestFirst, providerRates } from '../lib/rates/credits';
import { createSources, VENDOR_NAMES } from '../lib/sources';
import type { EstimateTotal } from '../lib/script/estimate';
import { modelSchema, SUNSET_MESSAGE } from '../lib/sources/supertone';
import type { VendorId, VoiceDirectory, VoiceProfile } from '../lib/sources/types';
import { voiceDirectory } from '../lib/sources/voice-catalog';
import { calibrationSummary, loadCalibrations } from './calibration-store';
import { CliError, EXIT, InputError, UsageError } from './errors';
import { cacheDir, readJsonFile, writeJsonFile } from './file-store';
import type { CliCommand, Io } from './io';
import { numberOption, parseOptions } from './options';
import { estimateAsScript, NEEDS_VOICE, speakersJson, speakerTable, type ScriptFlags } from './script';
import { chooseSource, type Chosen } from './source';
import { VOICE_OPTIONS, voiceFromFlags } from './voice-flags';
import { voiceFile } from './voice-file';

const MAX_INPUT_BYTES = 50 * 1024 * 1024;
const PROGRESS_FROM_PIECES = 10;
/** Credits an estimate may spend on paid predictions unless --max-credits says otherwise. */
export const DEFAULT_MAX_CREDITS = 10;

const USAGE = `  scriptmeter estimate [FILE|-] [--source supertone|audiostack|local] [--voice ID|ALIAS] [--language CODE]
                       [--model M] [--style S] [--speed X] [--endpoint URL] [--max-credits N] [--no-cache] [--json]
                       [--cast CAST.json] [--srt FILE] [--vtt FILE] [--narrate-action]`;

/** Over the --max-credits cap: nothing was bought (exit 5). */
class OverCapError extends CliError {
  constructor(plan: PredictPlan, listCredits: number, cap: number) {
    const list = listCredits > 0 ? ` and the voice list (${formatCredits(listCredits)} credits)` : '';
    super(`the exact figure needs ${plan.calls} predict call${plan.calls === 1 ? '' : 's'} (${formatCredits(plan.credits)} credits)${list}, `
      + `over --max-credits ${formatCredits(cap)}: no call made. Raise --max-credits, or use --source local.`, EXIT.overCreditCap);
  }
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

function parse(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    ...VOICE_OPTIONS, source: { type: 'string' }, endpoint: { type: 'string' }, 'max-credits': { type: 'string' },
    'no-cache': { type: 'boolean' }, json: { type: 'boolean' },
    cast: { type: 'string' }, srt: { type: 'string' }, vtt: { type: 'string' }, 'narrate-action': { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError('estimate takes one file (or - for standard input)');
  const maxCredits = values['max-credits'] === undefined ? DEFAULT_MAX_CREDITS : numberOption('--max-credits', values['max-credits']);
  if (maxCredits < 0) throw new UsageError('--max-credits is 0 or more');
  const script: ScriptFlags = { cast: values.cast, srt: values.srt, vtt: values.vtt, narrateAction: values['narrate-action'] };
  return { file: positionals[0] ?? '-', values, maxCredits, script };
}

function profile(chosen: Chosen, options: ReturnType<typeof parse>): VoiceProfile {
  const { values } = options;
  if (chosen.source === 'audiostack' && (values.model !== undefined || values.style !== undefined)) {
    throw new UsageError("--model and --style are Supertone settings: AudioStack's prediction takes only the voice alias");
  }
  // With a cast, its "*" entry may name the voice instead (checked where the cast is read).
  if (chosen.source !== 'local' && !values.voice && !options.script.cast) throw new InputError(NEEDS_VOICE);
  const { model, style, ...voice } = voiceFromFlags(values, chosen.source);
  return chosen.source === 'audiostack' ? voice : { ...voice, model, style };
}

/** Runs an estimate; returns the process exit code. */
async function run(args: string[], io: Io): Promise<number> {
  const options = parse(args);
  const chosen = chooseSource(options.values, io.env, true);
  const voice = profile(chosen, options);
  const text = await readInput(options.file, io);
  const dir = cacheDir(io.env);
  const useCache = !(options.values['no-cache'] ?? false);
  const cachePath = join(dir, 'durations.json');
  // Vendor answers the local model learned from are cache; the user's calibrations are data.
  const learnedPath = join(dir, 'learned-answers.json');
  const cache = new DurationCache(50_000, useCache
    ? { load: () => readJsonFile(cachePath), save: (entries) => writeJsonFile(cachePath, entries) }
    : undefined);
  const calibrations = await loadCalibrations(io.env);
  const learned = learnedAnswersSchema.safeParse(await readJsonFile(learnedPath)).data ?? {};
  const voices = voiceFile(dir);

  const build = (directory: VoiceDirectory) => {
    const sources = chosen.source === 'local' ? undefined : createSources(chosen.source, { baseUrl: chosen.endpoint, apiKey: chosen.apiKey, voices: directory });
    const local = createLocalDurationModel({
      calibrations: () => calibrations, learned,
      charsPerSecond: paceFrom(directory),
    });
    const localBecause = chosen.source === 'local' && chosen.chosen ? 'chosen' : 'no-key';
    const estimator = createEstimator({ source: sources?.duration, cache, local, localBecause });
    // Lines of a script whose voice has no source here are answered locally, saying why.
    const fallback = sources ? createEstimator({ cache, local, localBecause }) : estimator;
    return { sources, estimator, fallback, local };
  };

  let listCredits = 0;
  let built = build(voiceDirectory(chosen.source === 'local' ? [] : await voices.list(chosen.source)));
  if (chosen.source === 'audiostack' && built.sources && voice.voiceId && !(await voices.find(chosen.source, voice.voiceId))) {
    // The voice's provider and section limit come from the voice list, which costs credits: bought once, kept.
    const { account } = built.sources;
    const guess = await built.estimator.plan(text, voice);
    if (guess && guess.credits + account.voicesCost > options.maxCredits) throw new OverCapError(guess, account.voicesCost, options.maxCredits);
    const listed = await voices.refresh(chosen.source, account, Date.now());
    listCredits = account.voicesCost;
    io.stderr.write(`scriptmeter: listed ${VENDOR_NAMES.audiostack}'s voices (${formatCredits(listCredits)} credits) to learn "${voice.voiceId}"'s provider and section limit; kept in ${join(dir, 'voices.json')}\n`);
    if (!listed.some((v) => v.id === voice.voiceId)) throw new InputError(`${VENDOR_NAMES.audiostack} has no voice "${voice.voiceId}" (${listed.length} voices listed)`);
    built = build(voiceDirectory(listed));
  }

  const budget = options.maxCredits - listCredits;
  const onProgress = progressReporter(io);
  // A screenplay, or text given a cast or cue sheets, goes line by line (cli/script.ts). A first pass
  // without consent buys nothing and says what the lines' exact figures would cost; only then are they bought.
  const scriptRun = (consent: Consent | undefined, writeCues: boolean) => estimateAsScript(text, options.file, options.script, {
    estimators: { api: built.sources ? built.estimator : undefined, local: built.fallback }, voice, apiKey: Boolean(built.sources), onProgress, consent, writeCues,
  });
  let script: Awaited<ReturnType<typeof scriptRun>>;
  let result: EstimateTotal;
  try {
    script = await scriptRun(undefined, !built.sources?.duration.creditsPerCall);
    const plan = script ? script.total.plan : await built.estimator.plan(text, voice);
    if (plan && plan.credits > budget + 1e-9) throw new OverCapError(plan, listCredits, options.maxCredits);
    if (script && built.sources?.duration.creditsPerCall) script = await scriptRun({ maxCredits: budget }, true);
    result = script?.total ?? await built.estimator.estimate(text, voice, { consent: { maxCredits: budget }, onProgress });
  } finally {
    // Answers bought are kept even when what follows them fails (a cue sheet that cannot be written).
    if (useCache) await cache.flush().catch((error: unknown) => io.stderr.write(`scriptmeter: note: the cache could not be saved (${String(error)}): answers may be asked again\n`));
    await writeJsonFile(learnedPath, built.local.learned()).catch(() => undefined);
  }
  for (const warning of result.warnings) io.stderr.write(`scriptmeter: note: ${warning}\n`);
  // Bought under --max-credits, yet some pieces were not (the budget, shared by a script's lines, ran out): say what they would cost.
  if (result.plan && result.predictCredits > 0) io.stderr.write(`scriptmeter: note: --max-credits ${formatCredits(options.maxCredits)} did not cover ${result.plan.calls} more predict call${result.plan.calls === 1 ? '' : 's'} (${formatCredits(result.plan.credits)} credits): those figures are local\n`);
  const [error] = result.errors;
  if (error !== undefined) {
    throw new InputError(error === SUNSET_MESSAGE ? `${error} From here: --source audiostack, --endpoint URL (a Supertone-compatible API), or --source local.` : error);
  }
  const calibration = calibrationSummary(calibrations, voice);
  if (options.values.json) io.stdout(JSON.stringify({ ...jsonSummary(result), ...(calibration && { calibration }), ...(script && { speakers: speakersJson(script.figures) }) }));
  else io.stdout(table(result, voice) + (script ? `\n${speakerTable(script.figures)}` : ''));
  return EXIT.ok;
}

function progressReporter(io: Io): (done: number, total: number) => void {
  return (done, total) => {
    if (total < PROGRESS_FROM_PIECES) return;
    if (io.stderr.isTTY) io.stderr.write(`\rscriptmeter: ${done}/${total} pieces${done === total ? '\n' : ''}`);
    else if (done === 1 || done === total) io.stderr.write(`scriptmeter: ${done}/${total} pieces\n`);
  };
}

/** `source` stays the provenance (api, cache, local, mixed); `chunks` the predict calls made. */
export function jsonSummary(result: Pick<EstimateResult, 'seconds' | 'calls' | 'source' | 'credits' | 'vendor' | 'predictCredits' | 'provider'>) {
  return {
    seconds: result.seconds, chunks: result.calls, source: result.source, credits: result.credits,
    vendor: result.vendor, predictCredits: result.predictCredits,
    ...(result.vendor === 'audiostack' && result.provider !== undefined && { provider: result.provider }),
  };
}

function describeSource(result: EstimateTotal, vendor: VendorId | null): string {
  if (result.localReason && result.source === 'local') return result.localReason;
  const by = vendor ? ` (${VENDOR_NAMES[vendor]}${result.provider ? `, voice provider ${result.provider}` : ''})` : '';
  const spent = result.predictCredits > 0 ? `, ${formatCredits(result.predictCredits)} credits for predictions` : '';
  return `source: ${result.source}${by}, ${result.calls} API calls${spent}`;
}

function table(result: EstimateTotal, voice: VoiceProfile): string {
  const rates = new Map(providerRates(modelSchema.safeParse(voice.model).data ?? 'sona_speech_1').map((rate) => [rate.id, rate]));
  const rows = cheapestFirst(result.credits).map(({ id, credits }) => {
    const rate = rates.get(id);
    const unit = rate ? `${formatCredits(rate.rate)} / ${rate.unit === 'second' ? 's' : 'min'}` : '';
    return `  ${id.padEnd(12)}${unit.padStart(12)}${formatCredits(credits).padStart(12)}`;
  });
  const excluded = result.excluded.length > 0 ? `\n${result.excluded.length} non-spoken marks excluded` : '';
  const basis = result.localBasis && calibratedNote(translator('en'), result.localBasis);
  return [
    `${result.seconds.toFixed(2)} s  (${formatClock(result.seconds)})  ${result.characters.toLocaleString('en')} characters, ${result.pieces.length} pieces`,
    `${describeSource(result, result.vendor)}${basis ? ` (${basis})` : ''}${excluded}`,
    '',
    `  ${'provider'.padEnd(12)}${'rate'.padStart(12)}${'credits'.padStart(12)}`,
    ...rows,
  ].join('\n');
}

export const estimateCommand: CliCommand = { usage: USAGE, run };
