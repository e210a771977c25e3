import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCalibrationFile } from '@/lib/calibration/record';
import { measureSpeechSpan } from '@/lib/calibration/silence';
import { measureAudioFile } from '../../cli/audio';
import { runCli, type CliRun } from '../fixtures/cli-run';

const FIXTURES = join(__dirname, '../fixtures/audio');
let renders: string;

function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli(args, { cacheDir: join(renders, 'cache'), env: { HOME: join(renders, 'home'), ...env } });
}

beforeAll(() => {
  renders = mkdtempSync(join(tmpdir(), 'scriptmeter-renders-'));
  for (const file of readdirSync(FIXTURES)) if (!file.endsWith('.sh')) copyFileSync(join(FIXTURES, file), join(renders, file));
  // The bad input a real folder of renders holds.
  writeFileSync(join(renders, 'empty.wav'), '');
  writeFileSync(join(renders, 'empty.txt'), 'Words.');
  writeFileSync(join(renders, 'lonely.txt'), 'A script whose audio is missing.');
  copyFileSync(join(FIXTURES, 'r6.wav'), join(renders, 'orphan.wav'));
  writeFileSync(join(renders, 'corrupt.mp3'), 'this is not audio at all, only text in disguise');
  writeFileSync(join(renders, 'corrupt.txt'), 'Whatever.');
  copyFileSync(join(FIXTURES, 'r2.flac'), join(renders, 'swapped.flac'));
  writeFileSync(join(renders, 'swapped.txt'), 'Yes.');
});

const jsonSchema = z.object({ voice: z.string(), samples: z.number().int(), rejected: z.number().int(), error: z.number().nullable() }).strict();

describe('measuring renders', () => {
  it('finds the silence around speech in samples', () => {
    const rate = 8000;
    const tone = (seconds: number) => Float32Array.from({ length: seconds * rate }, (_, i) => 0.3 * Math.sin(i / 3));
    const samples = new Float32Array(4 * rate);
    samples.set(tone(2), 0.5 * rate);
    const span = measureSpeechSpan([samples], rate);
    expect(span.total).toBe(4);
    expect(span.leading).toBeCloseTo(0.5, 2);
    expect(span.trailing).toBeCloseTo(1.5, 2);
    expect(span.speech).toBeCloseTo(2, 2);
    expect(measureSpeechSpan([new Float32Array(rate)], rate).speech).toBe(0);
  });

  it.each(['r1.mp3', 'r2.flac', 'r3.opus', 'r4.m4a', 'r5.ogg', 'r6.wav'])('reads %s: its length, and the padding (0.4 s + 0.7 s) left out', async (file) => {
    const span = await measureAudioFile(join(FIXTURES, file));
    expect(span.leading).toBeGreaterThanOrEqual(0.38);
    expect(span.leading).toBeLessThan(0.6);
    expect(span.trailing).toBeGreaterThanOrEqual(0.65);
    expect(span.trailing).toBeLessThan(1.2); // espeak ends on a little silence of its own; MP3 adds encoder padding
    expect(span.speech).toBeGreaterThan(2.5);
    expect(span.speech + span.leading + span.trailing).toBeCloseTo(span.total, 6);
  });
});

describe('scriptmeter calibrate', () => {
  it('calibrates from a folder, names each bad input on a line of its own, and stores the calibration as user data', async () => {
    const data = join(renders, 'data');
    const run = await cli(['calibrate', '--voice', 'espeak-m3', '--language', 'en', '--speed', '1', '--json', renders], { SCRIPTMETER_DATA_DIR: data });
    expect(run.code).toBe(0);
    const out = jsonSchema.parse(JSON.parse(run.stdout));
    expect(out).toMatchObject({ voice: 'espeak-m3', samples: 6, rejected: 6 });
    expect(out.error).toBeLessThan(0.1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const [name, why] of [['empty.wav', 'empty file'], ['lonely.txt', 'no audio file'], ['orphan.wav', 'no orphan.txt'],
      ['corrupt.mp3', 'not a readable audio file'], ['silent.wav', 'only silence'], ['swapped.flac', 'wrong pairing']]) {
      expect(lines.some((line) => line.includes(name as string) && line.includes(why as string))).toBe(true);
    }
    const stored = parseCalibrationFile(JSON.parse(readFileSync(join(data, 'calibrations.json'), 'utf8')));
    expect(stored).toMatchObject({ ok: true, calibrations: [{ key: { voiceId: 'espeak-m3', language: 'en' }, samples: 6 }] });
  }, 60_000);

  it('prints the fit as a table, keeps the data under XDG_DATA_HOME, and exits 1 when nothing could be used', async () => {
    const xdg = join(renders, 'xdg');
    const good = await cli(['calibrate', '--voice', 'v', '--language', 'en', '--source', 'audiostack', join(renders, 'r1.mp3'), join(renders, 'r1.txt'), join(renders, 'r6.wav'), join(renders, 'r6.txt')], { XDG_DATA_HOME: xdg });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/Calibrated v · en · audiostack from 2 renders: ±\d+\.\d % \(cross-validated mean error\)/);
    expect(good.stdout).toMatch(/r1\.mp3\s+\d+\.\d\d s\s+\d+\.\d\d s/);
    expect(readFileSync(join(xdg, 'scriptmeter', 'calibrations.json'), 'utf8')).toContain('"audiostack"');
    const bad = await cli(['calibrate', '--voice', 'v', '--language', 'en', join(renders, 'silent.wav'), join(renders, 'silent.txt'), join(renders, 'lonely.txt')], { XDG_DATA_HOME: join(renders, 'xdg-empty') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('silent.wav: only silence');
    const usage = await cli(['calibrate', '--language', 'en', renders], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--voice');
  }, 60_000);

  it('makes later local estimates of that voice and language use the calibration, and says so in --json', async () => {
    const data = join(renders, 'for-estimate');
    const cache = join(renders, 'estimate-cache');
    expect((await cli(['calibrate', '--voice', 'espeak-m3', '--language', 'en', renders], { SCRIPTMETER_DATA_DIR: data })).code).toBe(0);
    const script = join(renders, 'script.md');
    writeFileSync(script, 'A new script the voice never rendered, with numbers: 1999 and $4.50. It has two sentences.');
    const estimate = async (voice: string, language = 'en') => JSON.parse((await cli(['estimate', script, '--voice', voice, '--language', language, '--json'],
      { SCRIPTMETER_DATA_DIR: data, SCRIPTMETER_CACHE_DIR: cache })).stdout) as { seconds: number; source: string; calibration?: { samples: number; error: number } };
    const calibrated = await estimate('espeak-m3');
    expect(calibrated.source).toBe('local');
    expect(calibrated.calibration).toEqual({ samples: 6, error: expect.any(Number) });
    const other = await estimate('another-voice');
    expect(other.calibration).toBeUndefined();
    expect(Math.abs(calibrated.seconds - other.seconds)).toBeGreaterThan(0.2);
    expect((await estimate('espeak-m3', 'ko')).calibration).toBeUndefined();
  }, 60_000);

  it('exports, imports into another data directory, lists; a bad file is refused with its reason', async () => {
    const from = { SCRIPTMETER_DATA_DIR: join(renders, 'from') };
    const to = { SCRIPTMETER_DATA_DIR: join(renders, 'to') };
    expect((await cli(['calibrate', '--voice', 'shared', '--language', 'en', renders], from)).code).toBe(0);
    const exported = join(renders, 'team.json');
    expect((await cli(['calibrations', 'export', exported, '--voice', 'shared'], from)).code).toBe(0);
    expect((await cli(['calibrations', 'import', exported], to)).code).toBe(0);
    const list = await cli(['calibrations', 'list'], to);
    expect(list.stdout).toMatch(/^shared · en: 6 renders, ±\d+\.\d %/);
    writeFileSync(join(renders, 'bad.json'), JSON.stringify({ format: 'scriptmeter-calibrations', version: 9, calibrations: [] }));
    const bad = await cli(['calibrations', 'import', join(renders, 'bad.json')], to);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: not a ScriptMeter calibration file/);
  }, 60_000);
});
