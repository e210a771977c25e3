import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '@/lib/rates/credits';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { runCli, estimateJsonSchema, type CliRun } from '../fixtures/cli-run';
import { englishScript } from '../fixtures/scripts';

const VOICE = '91992bbd4758bdcf9c9b01';
let api: ApiDouble;
let dir: string;
let scriptFile: string;

beforeAll(async () => {
  api = await startApiDouble();
  dir = mkdtempSync(join(tmpdir(), 'scriptmeter-cli-'));
  scriptFile = join(dir, 'script.txt');
  writeFileSync(scriptFile, englishScript(4_000));
});
afterAll(() => api.close());
beforeEach(() => api.control.reset());

function cli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> {
  return runCli(args, { cacheDir: join(dir, 'cache'), env, stdin });
}

const jsonSchema = estimateJsonSchema;

describe('scriptmeter estimate', () => {
  it('gives a local estimate without a key and calls nothing', async () => {
    const run = await cli(['estimate', scriptFile, '--voice', VOICE, '--language', 'en', '--json', '--endpoint', api.url]);
    expect(run.code).toBe(0);
    const out = jsonSchema.parse(JSON.parse(run.stdout));
    expect(out).toMatchObject({ source: 'local', chunks: 0, vendor: null, predictCredits: 0 });
    expect(Object.keys(out.credits).sort()).toEqual([...PROVIDER_IDS].sort());
    expect(api.requests).toHaveLength(0);
  });

  it('asks the API with a key, then answers from its file cache', async () => {
    const env = { SUPERTONE_API_KEY: 'test-key' };
    const args = ['estimate', scriptFile, '--voice', VOICE, '--language', 'en', '--json', '--endpoint', api.url];
    const first = jsonSchema.parse(JSON.parse((await cli(args, env)).stdout));
    expect(first).toMatchObject({ source: 'api', vendor: 'supertone', predictCredits: 0 });
    expect(first).not.toHaveProperty('provider');
    expect(first.chunks).toBeGreaterThan(10);
    expect(api.requests.length).toBe(first.chunks);
    const second = jsonSchema.parse(JSON.parse((await cli(args, env)).stdout));
    expect(second).toMatchObject({ source: 'cache', chunks: 0, seconds: first.seconds });
    const uncached = jsonSchema.parse(JSON.parse((await cli([...args, '--no-cache'], env)).stdout));
    expect(uncached).toMatchObject({ source: 'api', chunks: first.chunks, seconds: first.seconds });
  });

  it('reads standard input and prints a table, cheapest first', async () => {
    const run = await cli(['estimate', '-', '--language', 'en'], {}, 'Hello there. This is a short script for the table.');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d+\.\d\d s {2}\(0:0\d\)/);
    const providers = lines.filter((l) => /^ {2}[a-z]/.test(l) && !l.includes('provider')).map((l) => l.trim().split(/\s+/)[0]);
    expect(providers).toHaveLength(PROVIDER_IDS.length);
    expect(providers[0]).toBe('azure');
    expect(providers.at(-1)).toBe('supertone'); // 1 credit a second by default
  });

  it('shows progress on stderr for long scripts', async () => {
    const run = await cli(['estimate', scriptFile, '--voice', VOICE, '--endpoint', api.url, '--no-cache'], { SUPERTONE_API_KEY: 'test-key' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/pieces/);
  });

  it.each([
    [{ SUPERTONE_API_KEY: 'wrong-key-1234' }, [], /^scriptmeter: API key rejected/],
    [{ SUPERTONE_API_KEY: 'exhausted-key' }, [], /^scriptmeter: Not enough credits/],
    [{ SUPERTONE_API_KEY: 'test-key' }, ['--voice', 'nope'], /^scriptmeter: Not found.*voice/],
  ] as const)('names the cause and exits 1 (%j)', async (env, extra, message) => {
    const run = await cli(['estimate', scriptFile, '--voice', VOICE, '--endpoint', api.url, '--no-cache', ...extra], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(message);
  });

  it('says the API is unreachable', async () => {
    const run = await cli(['estimate', scriptFile, '--voice', VOICE, '--endpoint', 'http://127.0.0.1:9', '--no-cache'], { SUPERTONE_API_KEY: 'test-key' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/API unreachable/);
  });

  it('explains usage mistakes with exit code 2', async () => {
    for (const args of [['estimate', '--language', 'xx'], ['estimate', '--speed', '3'], ['frobnicate'], ['estimate', '--endpoint', 'http://remote.example.com']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^scriptmeter: /);
    }
    const missing = await cli(['estimate', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*missing\.txt \(ENOENT\)/);
  });
});

describe('scriptmeter balance', () => {
  it('prints the balance and exits 3 at or below the threshold', async () => {
    api.control.setBalance(420);
    const env = { SUPERTONE_API_KEY: 'test-key' };
    const json = await cli(['balance', '--endpoint', api.url, '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ balance: 420 });
    expect((await cli(['balance', '--endpoint', api.url, '--below', '500'], env)).code).toBe(3);
    expect((await cli(['balance', '--endpoint', api.url, '--below', '420'], env)).code).toBe(3);
    const above = await cli(['balance', '--endpoint', api.url, '--below', '100'], env);
    expect(above.code).toBe(0);
    expect(above.stdout.trim()).toBe('Balance: 420 credits');
  });

  it('fails clearly without a key or with a rejected one', async () => {
    expect((await cli(['balance', '--endpoint', api.url])).stderr).toMatch(/no API key: set SUPERTONE_API_KEY or AUDIOSTACK_API_KEY/);
    const rejected = await cli(['balance', '--endpoint', api.url], { SUPERTONE_API_KEY: 'forbidden-key' });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/forbidden/);
  });
});
