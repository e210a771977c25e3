import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import SrtParser from 'srt-parser-2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { z } from 'zod';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { VOICES } from '../api-double/voices';
import { runCli, type CliRun } from '../fixtures/cli-run';

const [HOST, ANNA, GUEST] = VOICES.map((voice) => voice.voice_id) as [string, string, string];
let api: ApiDouble;
let dir: string;

beforeAll(async () => {
  api = await startApiDouble();
  dir = mkdtempSync(join(tmpdir(), 'scriptmeter-lines-'));
});
afterAll(() => api.close());
beforeEach(() => api.control.reset());

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { cacheDir: join(dir, 'cache'), env });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// A localisation sheet as spreadsheets save it: BOM, ";" separators, quoted cells with the separator,
// quotes and a line break inside, decimal commas in the slot column, an empty slot.
const SHEET = '\uFEFFid;speaker;text;max_sec;status\r\n'
  + 'L1;ANNA;"Hello; welcome to the ""island"".";3;final\r\n'
  + 'L2;BEN;"Thanks.\nIt is good to be here, after such a very long journey across the sea.";2,5;draft\r\n'
  + 'L3;;The tide is turning.;;final\r\n';

const rowSchema = z.object({
  id: z.string(), speaker: z.string(), text: z.string(), max_sec: z.string(), status: z.string(),
  seconds: z.number().nonnegative(), credits: z.number().nonnegative(), voice: z.string(), over: z.number().positive().nullable(),
}).strict();
const summarySchema = z.object({
  lines: z.number().int(), over: z.number().int(), seconds: z.number(),
  speakers: z.array(z.object({ name: z.string().nullable(), voice: z.string(), lines: z.number().int(), seconds: z.number(), credits: z.number() }).strict()),
}).strict();

describe('scriptmeter lines', () => {
  it('adds seconds, credits, voice and over to each row of a quoted ";" sheet with a BOM, and exits 4 when a line is over', async () => {
    const sheet = file('sheet.csv', SHEET);
    const out = join(dir, 'result.csv');
    const run = await cli(['lines', sheet, '--text-column', 'text', '--speaker-column', 'speaker', '--max-seconds-column', 'max_sec', '--out', out]);
    expect(run.code).toBe(4);
    expect(run.stdout.trim()).toMatch(/^3 lines, \d+\.\d\d s, 1 over their slot$/);
    expect(run.stderr).toMatch(/scriptmeter: 3\/3 rows/);
    const rows = parse(readFileSync(out, 'utf8'), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.text)).toEqual(['Hello; welcome to the "island".', 'Thanks.\nIt is good to be here, after such a very long journey across the sea.', 'The tide is turning.']);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'speaker', 'text', 'max_sec', 'status', 'seconds', 'credits', 'voice', 'over']);
    expect(rows[0]!.over).toBe('');
    expect(Number(rows[1]!.over)).toBeCloseTo(Number(rows[1]!.seconds) - 2.5, 2);
    expect(rows[2]!.over).toBe('');
  });

  it('--json: one object per row with the sheet\'s columns, then the summary', async () => {
    const sheet = file('sheet-json.csv', SHEET);
    const run = await cli(['lines', sheet, '--text-column', 'text', '--speaker-column', 'speaker', '--max-seconds', '60', '--json']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    const rows = lines.slice(0, -1).map((line) => rowSchema.parse(line));
    expect(rows.map((r) => r.id)).toEqual(['L1', 'L2', 'L3']);
    expect(rows.every((r) => r.over === null)).toBe(true);
    const summary = summarySchema.parse(lines.at(-1));
    expect(summary).toMatchObject({ lines: 3, over: 0 });
    expect(summary.speakers.map((s) => s.name)).toEqual(['ANNA', 'BEN', null]);
    expect(summary.seconds).toBeCloseTo(rows.reduce((sum, r) => sum + r.seconds, 0), 1);
  });

  it('reads TSV by its name, and a cast with * needs no --voice: each speaker\'s voice is asked for', async () => {
    const sheet = file('sheet.tsv', 'id\tspeaker\ttext\nA\tHOST\tWelcome to the show.\nB\tAnna\tGlad to be here.\nC\tCaller\tHi, first time caller.\n');
    const cast = file('cast.json', JSON.stringify({ host: { voice: HOST }, ANNA: { voice: ANNA, speed: 1.2 }, '*': { voice: GUEST } }));
    const run = await cli(['lines', sheet, '--text-column', 'text', '--speaker-column', 'speaker', '--cast', cast, '--json', '--endpoint', api.url, '--no-cache'],
      { SUPERTONE_API_KEY: 'test-key' });
    expect(run.stderr).not.toMatch(/needed/);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').slice(0, -1).map((line) => JSON.parse(line) as { voice: string });
    expect(rows.map((r) => r.voice)).toEqual([HOST, ANNA, GUEST]);
    const asked = api.requests.filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => r.path.split('/').pop());
    expect(new Set(asked)).toEqual(new Set([HOST, ANNA, GUEST]));
    const annaBody = api.requests.find((r) => r.path.endsWith(ANNA))?.body as { voice_settings?: { speed?: number } } | undefined;
    expect(annaBody?.voice_settings?.speed).toBe(1.2);
  });

  it('a missing column: exit 1 naming the row and column, and an existing --out file is left as it was', async () => {
    const sheet = file('sheet-missing.csv', SHEET);
    const out = file('kept.csv', 'previous result\n');
    const run = await cli(['lines', sheet, '--text-column', 'text', '--speaker-column', 'role', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 1: no column "role" \(--speaker-column\); the columns are "id", "speaker", "text", "max_sec", "status"/);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
  });

  it('a slot that is not a number: exit 1 naming the row and column, nothing written', async () => {
    const sheet = file('sheet-slot.csv', 'id,text,max\n1,Hello.,3\n2,World.,soon\n');
    const out = join(dir, 'never.csv');
    const run = await cli(['lines', sheet, '--text-column', 'text', '--max-seconds-column', 'max', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 3, column "max": "soon" is not a number of seconds/);
    expect(existsSync(out)).toBe(false);
    expect(run.stdout).toBe('');
  });

  it('a sheet that is not CSV: exit 1 naming the row, whether binary, ragged or with an unclosed quote', async () => {
    const binary = await cli(['lines', file('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), '--text-column', 'text']);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/image\.csv is not a CSV or TSV sheet \(it holds binary data\)/);
    const ragged = await cli(['lines', file('ragged.csv', 'id,text\n1,Hello\n2,World,extra\n'), '--text-column', 'text']);
    expect(ragged.code).toBe(1);
    expect(ragged.stderr).toMatch(/row 3: not a well-formed CSV sheet \(a different number of cells than the header\)/);
    const unclosed = await cli(['lines', file('unclosed.csv', 'id,text\n1,"Hello\n2,World\n'), '--text-column', 'text']);
    expect(unclosed.code).toBe(1);
    expect(unclosed.stderr).toMatch(/row 2: not a well-formed CSV sheet \(a quote that is never closed\)/);
    expect(unclosed.stdout).toBe('');
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['lines', 'x.csv'])).code).toBe(2);
    expect((await cli(['lines', 'x.csv', '--text-column', 't', '--max-seconds', '3', '--max-seconds-column', 'm'])).code).toBe(2);
  });
});

describe('scriptmeter estimate with a cast', () => {
  const PODCAST = 'HOST: Welcome back to the show.\nANNA: Thanks for having me.\n[Ben] Hello everyone.\nHOST: Let us begin.\n[Ben] Sure thing.\n';
  const speakerSchema = z.object({
    name: z.string().nullable(), voice: z.string(), cast: z.string().nullable(), lines: z.number().int(), seconds: z.number(),
    credits: z.record(z.string(), z.number()), provider: z.string(),
  }).strict();

  it('--json adds speakers; seconds stays the whole script; each speaker\'s lines go to their voice', async () => {
    const script = file('podcast.txt', PODCAST);
    const cast = file('podcast-cast.json', JSON.stringify({ HOST: { voice: HOST }, anna: { voice: ANNA, speed: 1.1, source: 'supertone' }, '*': { voice: GUEST } }));
    const run = await cli(['estimate', script, '--cast', cast, '--json', '--endpoint', api.url, '--no-cache'], { SUPERTONE_API_KEY: 'test-key' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { seconds: number; source: string; speakers: unknown[] };
    const speakers = out.speakers.map((s) => speakerSchema.parse(s));
    expect(speakers.map((s) => [s.name, s.voice, s.cast, s.lines])).toEqual([['HOST', HOST, 'HOST', 2], ['ANNA', ANNA, 'anna', 1], ['Ben', GUEST, '*', 2]]);
    expect(out.source).toBe('api');
    expect(out.seconds).toBeCloseTo(speakers.reduce((sum, s) => sum + s.seconds, 0), 1);
    expect(speakers[1]!.credits.supertone).toBeCloseTo(speakers[1]!.seconds, 2);
  });

  it('--srt and --vtt write cue sheets that parse, one cue per line with its speaker', async () => {
    const script = file('podcast-cues.txt', PODCAST);
    const srt = join(dir, 'out.srt');
    const vtt = join(dir, 'out.vtt');
    const run = await cli(['estimate', script, '--srt', srt, '--vtt', vtt]);
    expect(run.code).toBe(0);
    const srtCues = new SrtParser().fromSrt(readFileSync(srt, 'utf8'));
    expect(srtCues.map((c) => c.text)).toEqual(['HOST: Welcome back to the show.', 'ANNA: Thanks for having me.', 'Ben: Hello everyone.', 'HOST: Let us begin.', 'Ben: Sure thing.']);
    const parsed = new WebVTTParser().parse(readFileSync(vtt, 'utf8'), 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => c.tree.children[0]?.value)).toEqual(['HOST', 'ANNA', 'Ben', 'HOST', 'Ben']);
    expect(parsed.cues.map((c) => c.startTime)).toEqual(srtCues.map((c) => c.startSeconds));
  });

  it('a .fountain file is read as a screenplay: headings and action are not spoken', async () => {
    const fountain = file('scene.fountain', 'INT. KITCHEN - NIGHT\n\nRain on the window.\n\nANNA\nYou came back.\n\nBEN\nI never left.\n');
    const plain = file('scene-words.txt', 'You came back.\n\nI never left.\n');
    const screenplay = JSON.parse((await cli(['estimate', fountain, '--json'])).stdout) as { seconds: number; speakers: Array<{ name: string }> };
    const words = JSON.parse((await cli(['estimate', plain, '--json', '--srt', join(dir, 'w.srt')])).stdout) as { seconds: number };
    expect(screenplay.speakers.map((s) => s.name)).toEqual(['ANNA', 'BEN']);
    expect(screenplay.seconds).toBeCloseTo(words.seconds, 2);
  });

  it('a bad cast file: exit 1 saying which speaker and field', async () => {
    const script = file('p2.txt', PODCAST);
    const run = await cli(['estimate', script, '--cast', file('bad-cast.json', '{"ANNA": {"speed": 9}}')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad-cast\.json: ANNA\.speed: Speed is at most 2\./);
  });
});
