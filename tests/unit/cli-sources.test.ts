import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { runCli, estimateJsonSchema, type CliRun } from '../fixtures/cli-run';
import { englishScript } from '../fixtures/scripts';

const VOICE = '91992bbd4758bdcf9c9b01';
let supertone: ApiDouble;
let audiostack: AudioStackDouble;
let dir: string;
let scriptFile: string;
let cacheDir: string;

beforeAll(async () => {
  [supertone, audiostack] = await Promise.all([startApiDouble(), startAudioStackDouble({ balance: 1_000 })]);
  dir = mkdtempSync(join(tmpdir(), 'scriptmeter-cli-sources-'));
  scriptFile = join(dir, 'script.txt');
  writeFileSync(scriptFile, englishScript(4_000));
});
afterAll(() => Promise.all([supertone.close(), audiostack.close()]));
beforeEach(() => {
  supertone.control.reset();
  audiostack.control.reset();
  cacheDir = mkdtempSync(join(dir, 'cache-')); // each test starts with nothing cached, voices included
});

function cli(args: string[], env: Record<string, string> = {}, preload: string[] = []): Promise<CliRun> {
  return runCli(args, { cacheDir: cacheDir, env, preload });
}

const jsonSchema = estimateJsonSchema;

const AS = { AUDIOSTACK_API_KEY: 'test-key' };
const asArgs = (...extra: string[]) => ['estimate', scriptFile, '--source', 'audiostack', '--voice', 'sara', '--endpoint', audiostack.url, '--json', ...extra];
const predictCalls = () => audiostack.requests.filter((r) => r.path === '/speech/predict').length;

describe('scriptmeter estimate --source audiostack', () => {
  it('buys the voice list once, then the fewest predict calls, and says what they cost; again from the cache for nothing', async () => {
    const first = await cli(asArgs(), AS);
    expect(first.code, first.stderr).toBe(0);
    const out = jsonSchema.parse(JSON.parse(first.stdout));
    expect(out).toMatchObject({ source: 'api', vendor: 'audiostack', provider: 'azure' });
    expect(out.chunks).toBe(predictCalls());
    expect(out.chunks).toBeLessThanOrEqual(5); // 4,000 characters, 1,000 a call
    expect(out.predictCredits).toBe(0.25 * out.chunks);
    expect(first.stderr).toMatch(/listed AudioStack's voices \(0\.25 credits\)/);
    expect(audiostack.requests.filter((r) => r.path === '/speech/voice')).toHaveLength(1);

    const charged = audiostack.control.charges().length;
    const again = jsonSchema.parse(JSON.parse((await cli(asArgs(), AS)).stdout));
    expect(again).toMatchObject({ source: 'cache', chunks: 0, predictCredits: 0, seconds: out.seconds, provider: 'azure' });
    expect(audiostack.control.charges()).toHaveLength(charged);
  });

  it('makes no call over --max-credits, exits 5 and says what it would cost', async () => {
    const run = await cli(asArgs('--max-credits', '0.5'), AS);
    expect(run.code).toBe(5);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^scriptmeter: the exact figure needs \d+ predict calls \([\d.]+ credits\) and the voice list \(0\.25 credits\), over --max-credits 0\.5: no call made/m);
    expect(audiostack.requests).toHaveLength(0);
  });

  it('asks the cap before predicting once the voice is known, and the default cap is 10 credits', async () => {
    expect((await cli(asArgs('--max-credits', '0.25'), AS)).code).toBe(5); // the list alone would use it all
    await cli(['estimate', '-', '--source', 'audiostack', '--voice', 'sara', '--endpoint', audiostack.url], AS); // learns the voice
    audiostack.control.reset();
    const long = join(dir, 'long.txt');
    writeFileSync(long, englishScript(60_000)); // ~60 calls: 15 credits
    const over = await cli(['estimate', long, '--source', 'audiostack', '--voice', 'sara', '--endpoint', audiostack.url], AS);
    expect(over.code).toBe(5);
    expect(over.stderr).toMatch(/over --max-credits 10: no call made/);
    expect(predictCalls()).toBe(0);
  });

  it('divides by the speed, since AudioStack takes none, and says so', async () => {
    const normal = jsonSchema.parse(JSON.parse((await cli(asArgs(), AS)).stdout));
    const fast = await cli(asArgs('--speed', '1.25'), AS);
    expect(jsonSchema.parse(JSON.parse(fast.stdout)).seconds).toBeCloseTo(normal.seconds / 1.25, 1);
    expect(fast.stderr).toMatch(/note: Speed is not an input of this vendor's prediction/);
  });

  it('refuses Supertone-only settings and a voice AudioStack does not have', async () => {
    expect((await cli(asArgs('--model', 'sona_speech_2'), AS)).code).toBe(2);
    const unknown = await cli(['estimate', scriptFile, '--source', 'audiostack', '--voice', 'nobody', '--endpoint', audiostack.url], AS);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/AudioStack has no voice "nobody"/);
  });
});

describe('a script line by line with AudioStack', () => {
  it('holds the whole script against --max-credits before buying any line, then buys each line once', async () => {
    const script = join(dir, 'dialogue.txt');
    const cast = join(dir, 'cast.json');
    writeFileSync(script, 'ANNA: The harbour was quiet this morning.\nBEN: Then we sail at noon, before the tide turns.\n');
    writeFileSync(cast, JSON.stringify({ ANNA: { voice: 'sara' }, BEN: { voice: 'isaac' } }));
    const args = ['estimate', script, '--source', 'audiostack', '--voice', 'sara', '--cast', cast, '--endpoint', audiostack.url, '--json'];
    const over = await cli([...args, '--max-credits', '0.5'], AS); // the voice list (0.25) leaves 0.25 for two lines
    expect(over.code).toBe(5);
    expect(over.stderr).toMatch(/needs 2 predict calls \(0\.5 credits\)/);
    expect(predictCalls()).toBe(0);
    const run = await cli(args, AS);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { vendor: string; predictCredits: number; chunks: number; speakers: Array<{ name: string; voice: string }> };
    expect(out).toMatchObject({ vendor: 'audiostack', predictCredits: 0.5, chunks: 2 });
    expect(out.speakers.map((s) => [s.name, s.voice])).toEqual([['ANNA', 'sara'], ['BEN', 'isaac']]);
    expect(audiostack.control.charges().filter((c) => c.path === '/speech/predict').map((c) => c.voice).sort()).toEqual(['isaac', 'sara']);
  });
});

describe('choosing the source', () => {
  it('uses the vendor whose key is set; with both set, asks for --source (exit 2)', async () => {
    const both = await cli(['estimate', scriptFile, '--voice', VOICE], { SUPERTONE_API_KEY: 'test-key', ...AS });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/SUPERTONE_API_KEY and AUDIOSTACK_API_KEY are both set: choose one with --source supertone\|audiostack/);
    const only = jsonSchema.parse(JSON.parse((await cli(['estimate', scriptFile, '--voice', 'sara', '--endpoint', audiostack.url, '--json'], AS)).stdout));
    expect(only.vendor).toBe('audiostack');
    const chosen = jsonSchema.parse(JSON.parse((await cli(['estimate', scriptFile, '--source', 'supertone', '--voice', VOICE, '--endpoint', supertone.url, '--json'], { SUPERTONE_API_KEY: 'test-key', ...AS })).stdout));
    expect(chosen).toMatchObject({ vendor: 'supertone', source: 'api' });
  });

  it('gives the local model when asked, whatever keys are set, and calls nothing', async () => {
    const run = await cli(['estimate', scriptFile, '--source', 'local', '--json'], { SUPERTONE_API_KEY: 'test-key', ...AS });
    expect(jsonSchema.parse(JSON.parse(run.stdout))).toMatchObject({ source: 'local', vendor: null, chunks: 0, predictCredits: 0 });
    expect(supertone.requests.length + audiostack.requests.length).toBe(0);
    expect((await cli(['estimate', scriptFile, '--source', 'audiostack', '--voice', 'sara'])).stderr).toMatch(/AUDIOSTACK_API_KEY is not set/);
  });

  it("says Supertone's announced shutdown when its own endpoint does not answer, and what to do", async () => {
    const run = await cli(['estimate', scriptFile, '--voice', VOICE, '--no-cache'], { SUPERTONE_API_KEY: 'test-key' }, ['./tests/fixtures/offline-supertone.ts']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^scriptmeter: Supertone announced its API's shutdown for 2026-08-31.*From here: --source audiostack, --endpoint URL .*--source local\.$/);
    const custom = await cli(['estimate', scriptFile, '--voice', VOICE, '--no-cache', '--endpoint', 'http://127.0.0.1:9'], { SUPERTONE_API_KEY: 'test-key' });
    expect(custom.stderr).toMatch(/API unreachable \(127\.0\.0\.1:9\)/);
    expect(custom.stderr).not.toMatch(/shutdown/);
  });
});

describe('scriptmeter balance --source audiostack', () => {
  it('prints the balance from creditsRemaining, and exits 3 at or below --below', async () => {
    audiostack.control.setBalance(4_321.5);
    const base = ['balance', '--source', 'audiostack', '--endpoint', audiostack.url];
    const json = await cli([...base, '--json'], AS);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ balance: 4_321.5 });
    expect((await cli(base, AS)).stdout.trim()).toBe('Balance: 4,321.5 credits'); // never 4,322
    expect((await cli([...base, '--below', '5000'], AS)).code).toBe(3);
    expect((await cli([...base, '--below', '100'], AS)).code).toBe(0);
    expect(audiostack.control.charges()).toEqual([]); // the balance call costs nothing
  });

  it('says the balance is unknown when the envelope leaves it out, never 0', async () => {
    audiostack.control.setReportRemaining(false);
    const run = await cli(['balance', '--source', 'audiostack', '--endpoint', audiostack.url, '--below', '10'], AS);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/did not say the balance .*unknown, not 0/);
  });

  it('needs a vendor', async () => {
    expect((await cli(['balance', '--source', 'local'], AS)).code).toBe(2);
  });
});
