import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { FitRow, Observation } from '../lib/calibration/fit';
import { pairByName, type PairingProblem } from '../lib/calibration/pairing';
import { describeKey } from '../lib/calibration/describe-key';
import { calibrate, calibrationFile, mergeCalibrations, parseCalibrationFile, type CalibrationKey } from '../lib/calibration/record';
import { speechFeatures } from '../lib/estimate/local-model';
import { sourceChoiceSchema, SOURCE_CHOICES, SPEED_MAX, SPEED_MIN } from '../lib/sources/types';
import { normalizeScript } from '../lib/text/normalize';
import { AudioProblem, measureAudioFile } from './audio';
import { calibrationsPath, loadCalibrations } from './calibration-store';
import { EXIT, InputError, UsageError } from './errors';
import type { CliCommand, Io } from './io';
import { parseOptions } from './options';
import { readJsonFile, writeJsonFile } from './file-store';

const MAX_TEXT_BYTES = 1024 * 1024;

const PROBLEM_TEXT: Record<PairingProblem, (name: string) => string> = {
  'no-text': (name) => `no ${basename(name, extname(name))}.txt beside it`,
  'no-audio': () => 'no audio file of the same name',
  'not-audio': () => 'not an audio file or a .txt script',
  'second-audio': () => 'a second audio file for the same script (the first one is used)',
};

/** Audio files paired with the .txt of the same base name, from the directories and files given. */
async function pairFiles(paths: string[], problems: string[]) {
  const files: Array<{ path: string; explicit: boolean }> = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) problems.push(`${path}: unreadable (${info.code ?? 'error'})`);
    else if (info.isDirectory()) for (const entry of (await readdir(path)).sort()) files.push({ path: join(path, entry), explicit: false });
    else files.push({ path, explicit: true });
  }
  // Files not audio nor text inside a folder are simply not renders; named ones are reported.
  const pairing = pairByName(files, (file) => file.path, { strict: (file) => file.explicit });
  for (const { name, problem } of pairing.problems) problems.push(`${name}: ${PROBLEM_TEXT[problem](name)}`);
  return pairing.pairs.map((pair) => ({ name: basename(pair.audio.path), audio: pair.audio.path, text: pair.text.path }));
}

async function readScript(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => { throw new AudioProblem(`unreadable (${error.code ?? 'error'})`); });
  if (bytes.byteLength === 0) throw new AudioProblem('empty file');
  if (bytes.byteLength > MAX_TEXT_BYTES) throw new AudioProblem('larger than 1 MB');
  return bytes.toString('utf8');
}

function parseCalibrate(argv: string[]) {
  const { values, positionals } = parseOptions(argv, { voice: { type: 'string' }, language: { type: 'string' }, source: { type: 'string' }, model: { type: 'string' },
        style: { type: 'string' }, speed: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.voice?.trim()) throw new UsageError('calibrate needs --voice ID');
  if (!values.language || !/^[a-z]{2,3}([-_][a-z0-9]{2,8})?$/iu.test(values.language)) throw new UsageError('calibrate needs --language CODE (en, ko, ja …)');
  if (values.source !== undefined && !sourceChoiceSchema.safeParse(values.source).success) {
    throw new UsageError(`--source must be one of: ${SOURCE_CHOICES.join(', ')} (got "${values.source}")`);
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < SPEED_MIN || speed > SPEED_MAX) throw new UsageError(`--speed must be between ${SPEED_MIN} and ${SPEED_MAX} (got ${values.speed})`);
  if (positionals.length === 0) throw new UsageError('calibrate needs audio files with their .txt scripts, or a directory of them');
  const key: CalibrationKey = {
    voiceId: values.voice.trim(), language: values.language.toLowerCase(),
    ...(values.model ? { model: values.model } : {}), ...(values.style ? { style: values.style } : {}),
    ...(values.source ? { source: sourceChoiceSchema.parse(values.source) } : {}),
  };
  return { key, speed, json: values.json ?? false, paths: positionals };
}

/** `scriptmeter calibrate`: 0 when a calibration was stored, 1 when nothing could be used. */
async function runCalibrate(argv: string[], io: Io): Promise<number> {
  const { key, speed, json, paths } = parseCalibrate(argv);
  const existing = await loadCalibrations(io.env);
  const problems: string[] = [];
  const observations: Observation[] = [];
  for (const pair of await pairFiles(paths, problems)) {
    try {
      const script = normalizeScript(await readScript(pair.text)).text;
      const span = await measureAudioFile(pair.audio);
      observations.push({ id: pair.name, kind: 'render', features: speechFeatures(script, key.language), seconds: span.speech, speed });
    } catch (error) {
      if (!(error instanceof AudioProblem)) throw error;
      problems.push(`${pair.audio}: ${error.message}`);
    }
  }
  const { calibration, fit } = calibrate(key, observations);
  const rejected = problems.length + (observations.length - fit.used);
  for (const row of fit.rows) if (row.flag) problems.push(`${row.id}: ${flagText(row)}`);
  for (const problem of problems) io.stderr.write(`scriptmeter: ${problem}\n`);
  if (fit.used > 0) {
    await writeJsonFile(calibrationsPath(io.env), calibrationFile(mergeCalibrations(existing, [calibration])));
  }
  if (json) {
    io.stdout(JSON.stringify({ voice: key.voiceId, samples: fit.used, rejected, error: fit.error === null ? null : round(fit.error, 4) }));
  } else {
    io.stdout(summary(key, fit.rows, fit.used, rejected, fit.error, io.env));
  }
  return fit.used > 0 ? EXIT.ok : EXIT.failed;
}

function flagText(row: FitRow): string {
  switch (row.flag?.reason) {
    case 'no-speech': return 'only silence';
    case 'no-text': return 'the script has nothing to say';
    case 'disagrees': return `measured ${row.measured.toFixed(1)} s but its script takes about ${row.estimated.toFixed(1)} s with this voice: wrong pairing or another voice? left out`;
    default: return '';
  }
}

function summary(key: CalibrationKey, rows: FitRow[], used: number, rejected: number, error: number | null, env: NodeJS.ProcessEnv): string {
  if (used === 0) return `Nothing to calibrate ${describeKey(key)} from (${rejected} rejected).`;
  const table = rows.map((row) => `  ${row.id.padEnd(28)}${`${row.measured.toFixed(2)} s`.padStart(10)}${`${row.estimated.toFixed(2)} s`.padStart(12)}  ${row.used ? '' : 'left out'}`);
  return [
    `Calibrated ${describeKey(key)} from ${used} render${used === 1 ? '' : 's'}${rejected ? `, ${rejected} rejected` : ''}: ±${((error ?? 0) * 100).toFixed(1)} % (cross-validated mean error).`,
    '',
    `  ${'render'.padEnd(28)}${'measured'.padStart(10)}${'estimated'.padStart(12)}`,
    ...table,
    '',
    `Saved to ${calibrationsPath(env)}.`,
  ].join('\n');
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** `scriptmeter calibrations list|export|import`. */
async function runCalibrations(argv: string[], io: Io): Promise<number> {
  const [verb, ...rest] = argv;
  const { values, positionals } = parseOptions(rest, { voice: { type: 'string' }, language: { type: 'string' }, json: { type: 'boolean' } });
  const calibrations = await loadCalibrations(io.env);
  if (verb === 'list') {
    if (values.json) io.stdout(JSON.stringify(calibrations.map((c) => ({ ...c.key, samples: c.samples, error: c.error, updatedAt: c.updatedAt }))));
    else if (calibrations.length === 0) io.stdout('No calibrations yet: run scriptmeter calibrate.');
    else for (const c of calibrations) io.stdout(`${describeKey(c.key)}: ${c.samples} render${c.samples === 1 ? '' : 's'}, ±${((c.error ?? 0) * 100).toFixed(1)} %, ${c.updatedAt.slice(0, 10)}`);
    return EXIT.ok;
  }
  if (verb === 'export') {
    const chosen = calibrations.filter((c) => (!values.voice || c.key.voiceId === values.voice) && (!values.language || c.key.language === values.language.toLowerCase()));
    if (chosen.length === 0) throw new InputError('no calibration matches');
    const text = JSON.stringify(calibrationFile(chosen), null, 2);
    const target = positionals[0] ?? '-';
    if (target === '-') io.stdout(text);
    else {
      await writeJsonFile(target, calibrationFile(chosen));
      io.stderr.write(`scriptmeter: ${chosen.length} calibration${chosen.length === 1 ? '' : 's'} written to ${target}\n`);
    }
    return EXIT.ok;
  }
  if (verb === 'import') {
    if (positionals.length === 0) throw new UsageError('calibrations import needs a file');
    let merged = calibrations;
    for (const file of positionals) {
      const raw = await readJsonFile(file);
      if (raw === undefined) throw new InputError(`${file}: unreadable or not JSON`);
      const parsedFile = parseCalibrationFile(raw);
      if (!parsedFile.ok) throw new InputError(`${file}: ${parsedFile.error}`);
      merged = mergeCalibrations(merged, parsedFile.calibrations);
      io.stderr.write(`scriptmeter: ${file}: ${parsedFile.calibrations.length} calibration${parsedFile.calibrations.length === 1 ? '' : 's'} imported\n`);
    }
    await writeJsonFile(calibrationsPath(io.env), calibrationFile(merged));
    return EXIT.ok;
  }
  throw new UsageError(`calibrations: unknown verb "${verb ?? ''}" (list, export or import)`);
}

export const calibrateCommand: CliCommand = {
  usage: `  scriptmeter calibrate --voice ID --language CODE [--source S] [--model M] [--style S] [--speed X]
                        [--json] DIR|FILE…`,
  run: runCalibrate,
};

export const calibrationsCommand: CliCommand = {
  usage: `  scriptmeter calibrations list [--json]
  scriptmeter calibrations export [FILE|-] [--voice ID] [--language CODE]
  scriptmeter calibrations import FILE…`,
  run: runCalibrations,
};
