/**
 * `npm run demo` (after install and build): starts the local Supertone-compatible API and runs the
 * command line against it, as a user would, printing what they would see.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiDouble } from '../tests/api-double/server';

const VOICE = '91992bbd4758bdcf9c9b01';
const SCRIPT = 'scripts/sample-script.md';

const api = await startApiDouble({ latencyMs: 120, balance: 12_500 });
const env = { ...process.env, SCRIPTMETER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'scriptmeter-demo-')) };

/** Runs the command line as a user would; asynchronously, since the API double lives in this process. */
async function scriptmeter(title: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  console.log(`\n$ ${title}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  console.log(`(exit ${code})`);
}

console.log(`Local Supertone-compatible API on ${api.url} (key "test-key", 120 ms latency)`);
await scriptmeter(`scriptmeter estimate ${SCRIPT} --language en   # no key: local estimate`, ['estimate', SCRIPT, '--language', 'en']);
const withKey = { SUPERTONE_API_KEY: 'test-key' };
await scriptmeter(`SUPERTONE_API_KEY=… scriptmeter estimate ${SCRIPT} --voice ${VOICE} --language en`,
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url], withKey);
await scriptmeter('… the same again, --json (answered from the cache)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url, '--json'], withKey);
await scriptmeter('… at speed 1.5 with sona_speech_2 (new calls: speed and model change the length)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--speed', '1.5', '--model', 'sona_speech_2', '--endpoint', api.url, '--json'], withKey);
await scriptmeter('scriptmeter balance --below 20000   # cron check: exit 3 when at or below',
  ['balance', '--endpoint', api.url, '--below', '20000'], withKey);

await api.close();
console.log('\nThe built extension is in .output/chrome-mv3 and .output/firefox-mv2 (see README: loading it).');
