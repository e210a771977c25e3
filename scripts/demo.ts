/**
 * `npm run demo` (after install and build): starts the local Supertone-compatible API and the local
 * AudioStack, and runs the command line against both, as a user would, printing what they would see.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiDouble } from '../tests/api-double/server';
import { startAudioStackDouble } from '../tests/audiostack-double/server';

const VOICE = '91992bbd4758bdcf9c9b01';
const SCRIPT = 'scripts/sample-script.md';

const api = await startApiDouble({ latencyMs: 120, balance: 12_500 });
const audiostack = await startAudioStackDouble({ latencyMs: 120, balance: 250 });
// The user's own keys stay out: each step says which key it has.
const { SUPERTONE_API_KEY: _supertone, AUDIOSTACK_API_KEY: _audiostack, ...userEnv } = process.env;
const env = { ...userEnv, SCRIPTMETER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'scriptmeter-demo-')) };

/** Runs the command line as a user would; asynchronously, since the doubles live in this process. */
async function scriptmeter(title: string, args: string[], extraEnv: Record<string, string> = {}, preload: string[] = []): Promise<void> {
  console.log(`\n$ ${title}`);
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'cli/main.ts', ...args], {
    env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  console.log(`(exit ${code})`);
}

console.log(`Local Supertone-compatible API on ${api.url}, local AudioStack on ${audiostack.url} (key "test-key" for both, 120 ms latency)`);
await scriptmeter(`scriptmeter estimate ${SCRIPT} --language en   # no key: local estimate`, ['estimate', SCRIPT, '--language', 'en']);

console.log('\n— Supertone (free predictions), against a Supertone-compatible endpoint —');
const withKey = { SUPERTONE_API_KEY: 'test-key' };
await scriptmeter(`SUPERTONE_API_KEY=… scriptmeter estimate ${SCRIPT} --voice ${VOICE} --language en`,
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url], withKey);
await scriptmeter('… the same again, --json (answered from the cache)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--endpoint', api.url, '--json'], withKey);
await scriptmeter('… at speed 1.5 with sona_speech_2 (new calls: speed and model change the length)',
  ['estimate', SCRIPT, '--voice', VOICE, '--language', 'en', '--speed', '1.5', '--model', 'sona_speech_2', '--endpoint', api.url, '--json'], withKey);
await scriptmeter('scriptmeter balance --below 20000   # cron check: exit 3 when at or below',
  ['balance', '--endpoint', api.url, '--below', '20000'], withKey);
await scriptmeter("… Supertone's own endpoint (made unreachable here, as after its announced shutdown)",
  ['estimate', SCRIPT, '--voice', VOICE, '--no-cache'], withKey, ['./tests/fixtures/offline-supertone.ts']);

console.log('\n— AudioStack (each prediction costs 0.25 credits) —');
const withAudioStack = { AUDIOSTACK_API_KEY: 'test-key' };
const asArgs = ['estimate', SCRIPT, '--voice', 'sara', '--endpoint', audiostack.url];
await scriptmeter(`AUDIOSTACK_API_KEY=… scriptmeter estimate ${SCRIPT} --voice sara --max-credits 0.25   # over the cap: no call`,
  [...asArgs, '--max-credits', '0.25'], withAudioStack);
await scriptmeter('… with the default cap (10 credits): the voice list once, then the fewest predict calls',
  [...asArgs, '--json'], withAudioStack);
await scriptmeter('… the same again (every paid answer is kept: 0 credits)', [...asArgs, '--json'], withAudioStack);
await scriptmeter('… at speed 1.25 (AudioStack takes no speed: length ÷ 1.25, from the same answers)', [...asArgs, '--speed', '1.25'], withAudioStack);
await scriptmeter('scriptmeter balance --source audiostack --json   # from the envelope of a 0-credit call',
  ['balance', '--source', 'audiostack', '--endpoint', audiostack.url, '--json'], withAudioStack);
await scriptmeter('both keys set, no --source: which account to spend is not guessed', ['estimate', SCRIPT, '--voice', 'sara'], { ...withKey, ...withAudioStack });

await Promise.all([api.close(), audiostack.close()]);
console.log('\nThe built extension is in .output/chrome-mv3 and .output/firefox-mv2 (see README: loading it).');
