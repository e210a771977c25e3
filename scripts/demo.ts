/**
 * `npm run demo` (after install and build): starts the local Supertone-compatible API and runs the
 * command line against it, as a user would, printing what they would see.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiDouble } from '../tests/api-double/server';

const VOICE = '91992bbd4758bdcf9c9b01';
const SCRIPT = 'scripts/sample-script.md';

const api = await startApiDouble({ latencyMs: 120, balance: 12_500 });
const env = { ...process.env, SCRIPTMETER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'scriptmeter-demo-')) };

function scriptmeter(title: string, args: string[], extraEnv: Record<string, string> = {}): void {
  console.log(`\n$ ${title}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`(exit ${run.status})`);
}

console.log(`Local Supertone-compatible API on ${api.url} (key "test-key", 120 ms latency)`);
scriptmeter(`scriptmeter estimate ${SCRIPT} --language en   # no key: local estimate`, ['estimate', SCRIPT, '--language', 'en']);
const withKey = { SUPERTONE_API_KEY: 'test-key' };
scriptmeter(`SUPERTONE_API_KEY=… scriptmeter estimate ${SCRIPT} --voice ${VOICE} --language en`,
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url], withKey);
scriptmeter('… the same again, --json (answered from the cache)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url, '--json'], withKey);
scriptmeter('… at speed 1.5 with sona_speech_2 (new calls: speed and model change the length)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--speed', '1.5', '--model', 'sona_speech_2', '--endpoint', api.url, '--json'], withKey);
scriptmeter('scriptmeter balance --below 20000   # cron check: exit 3 when at or below',
  ['balance', '--endpoint', api.url, '--below', '20000'], withKey);

await api.close();
console.log('\nThe built extension is in .output/chrome-mv3 and .output/firefox-mv2 (see README: loading it).');
