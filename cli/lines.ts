import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import { createLocalDurationModel, learnedAnswersSchema } from '../lib/calibration/local-duration-model';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator } from '../lib/estimate/estimator';
import { createSources, DEFAULT_ENDPOINTS } from '../lib/sources';
import { checkEndpoint } from '../lib/sources/endpoint';
import { castLookup, type Cast, type CastLookup } from '../lib/script/cast';
import { lineProvider } from '../lib/script/estimate';
import { lineEstimator } from '../lib/script/line-estimator';
import type { LineEstimator } from '../lib/script/estimate';
import { readCastFile } from './cast-file';
import { InputError, UsageError } from './errors';
import type { CliCommand, Io } from './io';
import { numberOption as number } from './options';
import { voiceFromFlags } from './voice-flags';
import { cacheDir, readJsonFile, writeJsonFile } from './file-store';
import { loadCalibrations } from './calibration-store';

/** Exit code when a line does not fit its slot: a localisation pipeline's CI fails on it. */
export const EXIT_OVER = 4;
/** Rows estimated at once; the output keeps the sheet's order and memory stays bounded. */
const WINDOW = 32;
/** A cell this large means a broken sheet (an unclosed quote swallowing the rest), not a line of dialogue. */
const MAX_RECORD_BYTES = 1024 * 1024;
const ADDED_COLUMNS = ['seconds', 'credits', 'voice', 'over'] as const;

export interface LinesCommand {
  sheet: string;
  textColumn: string;
  speakerColumn?: string;
  voiceColumn?: string;
  slot: { column: string } | { seconds: number } | undefined;
  cast?: string;
  out?: string;
  json: boolean;
  endpoint: string;
  cache: boolean;
  voice: ReturnType<typeof voiceFromFlags>;
}

export function parseLinesCommand(args: string[]): LinesCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        'text-column': { type: 'string' }, 'speaker-column': { type: 'string' }, 'voice-column': { type: 'string' },
        'max-seconds-column': { type: 'string' }, 'max-seconds': { type: 'string' }, cast: { type: 'string' },
        out: { type: 'string' }, json: { type: 'boolean' },
        voice: { type: 'string' }, language: { type: 'string' }, model: { type: 'string' }, style: { type: 'string' },
        speed: { type: 'string' }, endpoint: { type: 'string' }, 'no-cache': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('lines takes one sheet (a .csv or .tsv file)');
  const textColumn = values['text-column'];
  if (!textColumn) throw new UsageError('lines needs --text-column NAME (the column that is spoken)');
  if (values['max-seconds-column'] !== undefined && values['max-seconds'] !== undefined) {
    throw new UsageError('give either --max-seconds-column or --max-seconds, not both');
  }
  const maxSeconds = values['max-seconds'] === undefined ? undefined : number('--max-seconds', values['max-seconds']);
  if (maxSeconds !== undefined && maxSeconds <= 0) throw new UsageError('--max-seconds must be more than 0');
  const endpoint = checkEndpoint(values.endpoint ?? DEFAULT_ENDPOINTS.supertone);
  if (!endpoint.ok) throw new UsageError(`--endpoint: ${endpoint.error}`);
  return {
    sheet: positionals[0] as string,
    textColumn,
    speakerColumn: values['speaker-column'],
    voiceColumn: values['voice-column'],
    slot: values['max-seconds-column'] !== undefined ? { column: values['max-seconds-column'] } : maxSeconds !== undefined ? { seconds: maxSeconds } : undefined,
    cast: values.cast,
    out: values.out,
    json: values.json ?? false,
    endpoint: endpoint.url,
    cache: !(values['no-cache'] ?? false),
    voice: voiceFromFlags(values),
  };
}

type Delimiter = ',' | ';' | '\t';

/** TSV by name; otherwise the separator the header line uses most, outside quotes. */
export function detectDelimiter(path: string, header: string): Delimiter {
  if (/\.tsv$/i.test(path)) return '\t';
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const [best] = (Object.entries(counts) as Array<[Delimiter, number]>).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read ${path} (${error.code ?? 'unreadable'})`);
  });
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) throw new InputError(`${path} is not a CSV or TSV sheet (it holds binary data)`);
    return head.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** Records of the sheet, streamed; the header is record 1, as a spreadsheet numbers rows. */
async function* records(path: string, delimiter: Delimiter): AsyncGenerator<{ row: number; cells: string[] }> {
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, max_record_size: MAX_RECORD_BYTES, skip_empty_lines: true }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(`${path} row ${row + 1}: not a well-formed ${delimiter === '\t' ? 'TSV' : 'CSV'} sheet (${csvProblem(error)})`);
    throw error;
  }
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': return 'a different number of cells than the header';
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quote that is never closed';
    case 'CSV_MAX_RECORD_SIZE': return 'a row over 1 MB, most likely an unclosed quote';
    case 'CSV_INVALID_CLOSING_QUOTE': case 'INVALID_OPENING_QUOTE': case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': return 'a stray quote inside a cell';
    default: return error.message;
  }
}

interface Columns {
  header: string[];
  text: number;
  speaker?: number;
  voice?: number;
  slot?: number;
}

function columnIndex(path: string, header: string[], flag: string, name: string): number {
  const index = header.findIndex((cell) => cell.trim() === name.trim());
  if (index < 0) throw new InputError(`${path} row 1: no column "${name}" (${flag}); the columns are ${header.map((cell) => `"${cell}"`).join(', ')}`);
  return index;
}

function readColumns(path: string, header: string[], command: LinesCommand): Columns {
  const optional = (flag: string, name: string | undefined) => (name === undefined ? undefined : columnIndex(path, header, flag, name));
  return {
    header,
    text: columnIndex(path, header, '--text-column', command.textColumn),
    speaker: optional('--speaker-column', command.speakerColumn),
    voice: optional('--voice-column', command.voiceColumn),
    slot: optional('--max-seconds-column', command.slot && 'column' in command.slot ? command.slot.column : undefined),
  };
}

/** The row's slot in seconds: the column's number (empty: no slot), or --max-seconds. */
function slotOf(path: string, columns: Columns, command: LinesCommand, cells: string[], row: number): number | undefined {
  if (command.slot && 'seconds' in command.slot) return command.slot.seconds;
  if (columns.slot === undefined) return undefined;
  const raw = (cells[columns.slot] ?? '').trim();
  if (raw === '') return undefined;
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) throw new InputError(`${path} row ${row}, column "${columns.header[columns.slot]}": "${raw}" is not a number of seconds`);
  return value;
}

/**
 * A first pass that reads the whole sheet without estimating: a missing column, a broken row or a
 * slot that is not a number stops the run before anything is written or any credit is spent.
 */
async function checkSheet(command: LinesCommand, delimiter: Delimiter): Promise<{ columns: Columns; rows: number }> {
  let columns: Columns | undefined;
  let rows = 0;
  for await (const { row, cells } of records(command.sheet, delimiter)) {
    if (!columns) columns = readColumns(command.sheet, cells, command);
    else {
      slotOf(command.sheet, columns, command, cells, row);
      rows += 1;
    }
  }
  if (!columns) throw new InputError(`${command.sheet} is empty: a sheet needs a header row`);
  return { columns, rows };
}

/** RFC 4180 quoting with the sheet's own separator. Cells are written as they were read, so a pipeline can read the sheet back. */
function csvRow(cells: readonly string[], delimiter: Delimiter): string {
  return `${cells.map((cell) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)}\r\n`;
}

interface RowFigure {
  cells: string[];
  seconds: number;
  credits: number;
  voice: string;
  speaker: string;
  over: number | null;
}

interface SpeakerTotals {
  name: string | null;
  voice: string;
  lines: number;
  seconds: number;
  credits: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function progress(io: Io, total: number): (done: number) => void {
  let shown = -1;
  return (done) => {
    const tenth = Math.floor((done / Math.max(total, 1)) * 10);
    if (io.stderr.isTTY) {
      if (done % 500 === 0 || done === total) io.stderr.write(`\rscriptmeter: ${done.toLocaleString('en')}/${total.toLocaleString('en')} rows${done === total ? '\n' : ''}`);
    } else if (tenth !== shown) {
      shown = tenth;
      io.stderr.write(`scriptmeter: ${done.toLocaleString('en')}/${total.toLocaleString('en')} rows\n`);
    }
  };
}

async function estimateRow(cells: string[], row: number, columns: Columns, command: LinesCommand, lookup: CastLookup, estimateLine: LineEstimator): Promise<RowFigure> {
  const speaker = columns.speaker === undefined ? '' : (cells[columns.speaker] ?? '').trim();
  const member = lookup.member(speaker || null);
  const ownVoice = columns.voice === undefined ? '' : (cells[columns.voice] ?? '').trim();
  const profile = ownVoice ? { ...member.profile, voiceId: ownVoice } : member.profile;
  const result = await estimateLine(cells[columns.text] ?? '', profile);
  if (result.errors.length > 0) throw new InputError(`${command.sheet} row ${row}: ${result.errors[0]}`);
  const slot = slotOf(command.sheet, columns, command, cells, row);
  const over = slot !== undefined && result.seconds > slot ? round2(result.seconds - slot) : null;
  return { cells, seconds: result.seconds, credits: result.credits[lineProvider(member, 'supertone', result)], voice: profile.voiceId, speaker, over };
}

/** `scriptmeter lines`: per-line seconds against each line's slot; exit 4 when any is over. */
export async function runLines(command: LinesCommand, io: Io): Promise<number> {
  const apiKey = io.env.SUPERTONE_API_KEY?.trim() ?? '';
  const cast: Cast = command.cast ? await readCastFile(command.cast) : {};
  const lookup = castLookup(cast, command.voice);
  const castCovers = cast['*']?.voice !== undefined;
  if (apiKey && !command.voice.voiceId && !castCovers && !command.voiceColumn) {
    throw new InputError('--voice (or a cast with "*", or --voice-column) is needed for API figures (or unset SUPERTONE_API_KEY for local ones)');
  }
  const delimiter = detectDelimiter(command.sheet, await firstLine(command.sheet));
  const { columns, rows } = await checkSheet(command, delimiter);

  const dir = cacheDir(io.env);
  const cachePath = join(dir, 'durations.json');
  const calibrations = await loadCalibrations(io.env);
  const learned = learnedAnswersSchema.safeParse(await readJsonFile(join(dir, 'learned-answers.json'))).data ?? {};
  const cache = new DurationCache(50_000, command.cache ? { load: () => readJsonFile(cachePath), save: (entries) => writeJsonFile(cachePath, entries) } : undefined);
  const model = createLocalDurationModel({ calibrations: () => calibrations, learned });
  const local = createEstimator({ cache, local: model });
  const api = apiKey ? createEstimator({ source: createSources('supertone', { baseUrl: command.endpoint, apiKey }).duration, cache, local: model }) : undefined;
  const estimateLine = lineEstimator(api ? { supertone: api } : {}, local);

  const temporary = command.out ? `${command.out}.${process.pid}.tmp` : undefined;
  const file = temporary ? await open(temporary, 'w') : undefined;
  const writeCsv = async (text: string) => {
    if (file) await file.write(text);
    else if (!command.json) io.stdout(text.replace(/\r\n$/, ''));
  };
  const speakers = new Map<string, SpeakerTotals>();
  let over = 0;
  let seconds = 0;
  let done = 0;
  const report = progress(io, rows);
  const emit = async (figure: RowFigure) => {
    const fields = [String(figure.seconds), String(figure.credits), figure.voice, figure.over === null ? '' : String(figure.over)];
    await writeCsv(csvRow([...figure.cells, ...fields], delimiter));
    if (command.json) {
      const own = Object.fromEntries(columns.header.map((name, k) => [name, figure.cells[k] ?? '']));
      io.stdout(JSON.stringify({ ...own, seconds: figure.seconds, credits: figure.credits, voice: figure.voice, over: figure.over }));
    }
    if (figure.over !== null) over += 1;
    seconds += figure.seconds;
    const totals = speakers.get(figure.speaker) ?? { name: figure.speaker || null, voice: figure.voice, lines: 0, seconds: 0, credits: 0 };
    totals.lines += 1;
    totals.seconds = round2(totals.seconds + figure.seconds);
    totals.credits = round4(totals.credits + figure.credits);
    speakers.set(figure.speaker, totals);
    report(++done);
  };

  try {
    await writeCsv(csvRow([...columns.header, ...ADDED_COLUMNS], delimiter));
    const window: Array<Promise<RowFigure>> = [];
    for await (const { row, cells } of records(command.sheet, delimiter)) {
      if (row === 1) continue;
      const pending = estimateRow(cells, row, columns, command, lookup, estimateLine);
      pending.catch(() => undefined); // a later row's failure is thrown in order, when its turn comes
      window.push(pending);
      if (window.length >= WINDOW) await emit(await (window.shift() as Promise<RowFigure>));
    }
    while (window.length > 0) await emit(await (window.shift() as Promise<RowFigure>));
    if (file && temporary && command.out) {
      await file.close();
      await rename(temporary, command.out);
    }
  } catch (error) {
    await file?.close().catch(() => undefined);
    if (temporary) await rm(temporary, { force: true });
    throw error;
  } finally {
    if (command.cache) await cache.flush().catch(() => undefined);
  }

  const summary = { lines: done, over, seconds: round2(seconds), speakers: [...speakers.values()] };
  if (command.json) io.stdout(JSON.stringify(summary));
  else {
    const text = `${summary.lines.toLocaleString('en')} lines, ${summary.seconds.toFixed(2)} s, ${over.toLocaleString('en')} over their slot`;
    if (command.out) io.stdout(text);
    else io.stderr.write(`scriptmeter: ${text}\n`);
  }
  return over > 0 ? EXIT_OVER : 0;
}

export const linesCommand: CliCommand = {
  usage: `  scriptmeter lines SHEET.csv|SHEET.tsv --text-column NAME [--speaker-column NAME] [--voice-column NAME]
                    [--max-seconds-column NAME | --max-seconds N] [--cast CAST.json] [--out RESULT.csv] [--json]
                    [voice flags as for estimate; Supertone or local]`,
  run: (args, io) => runLines(parseLinesCommand(args), io),
};
