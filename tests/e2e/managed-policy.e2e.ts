import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimateReply } from '@/lib/messages/protocol';
import { creditsByProvider } from '@/lib/rates/credits';
import type { Settings } from '@/lib/settings/schema';
import { GECKO_ID } from '@/lib/extension-identity';
import { supertoneAt } from '../fixtures/endpoints';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { chromiumIdOf, launchChromium, launchFirefox, poll, sendFromExtensionPage, type ExtBrowser } from './browsers';

/**
 * Enterprise policy in a real browser, the way each browser reads it:
 * - Firefox: a "managed storage manifest" in ~/.mozilla/managed-storage, under a throw-away $HOME,
 *   so nothing machine-wide changes.
 * - Chromium: /etc/chromium/policies/managed/*.json (machine-wide; the tests run as root), keyed by
 *   the extension id. ScriptMeter's id is fixed by its manifest key, the same in every checkout, and
 *   Chromium merges every file in that folder: a policy for that id would reach every other run on
 *   this machine (other worktrees' tests) while it lies there. So the test loads a copy of the build
 *   whose `key` is a key made for this run alone: the same code under an id no other browser has,
 *   and a policy file named after it. The file is removed after the run, also on failure.
 */
const examplePolicy = JSON.parse(readFileSync('docs/managed-policy.example.json', 'utf8')) as Record<string, unknown>;
const CHROMIUM_EXTENSION_DIR = resolve('.output/chrome-mv3');
const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** A copy of the Chromium build under a key made for this run: its id is this run's alone. */
function buildWithRunKey(): { dir: string; id: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'sm-policy-ext-')), 'chrome-mv3');
  cpSync(CHROMIUM_EXTENSION_DIR, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id: chromiumIdOf(der) };
}

interface PolicySetup {
  /**
   * Puts `policy` where the browser reads it, then launches the browser; `policyId` is the
   * extension id the policy was written for, when the browser keys policy by id.
   */
  launch(policy: Record<string, unknown>): Promise<{ browser: ExtBrowser; policyId?: string }>;
  remove(): void;
}

function firefoxSetup(): PolicySetup {
  return {
    async launch(policy) {
      const home = mkdtempSync(join(tmpdir(), 'sm-home-'));
      mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
      writeFileSync(join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify({
        name: GECKO_ID, description: 'ScriptMeter policy (e2e)', type: 'storage', data: policy,
      }));
      return { browser: await launchFirefox(undefined, { home }) };
    },
    remove: () => undefined,
  };
}

function chromiumSetup(): PolicySetup {
  let file: string | undefined;
  return {
    async launch(policy) {
      const { dir, id } = buildWithRunKey();
      file = join(CHROMIUM_POLICY_DIR, `scriptmeter-e2e-${id}.json`);
      mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
      return { browser: await launchChromium(dir), policyId: id };
    },
    remove: () => { if (file) rmSync(file, { force: true }); },
  };
}

describe.each([
  ['chromium', chromiumSetup],
  ['firefox', firefoxSetup],
] as const)('%s: an organisation policy (managed storage) sets the endpoint, rates, thresholds and sites', (_name, makeSetup) => {
  const setup = makeSetup();
  let api: ApiDouble;
  let browser: ExtBrowser;
  let policyId: string | undefined;

  beforeAll(async () => {
    api = await startApiDouble();
    ({ browser, policyId } = await setup.launch({ ...examplePolicy, endpoints: { ...(examplePolicy.endpoints as object), supertone: api.url } }));
  });
  afterAll(async () => {
    setup.remove();
    await browser?.close();
    await api?.close();
  });

  it('the background uses the managed values over the user settings', async () => {
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    if (policyId) {
      const id = await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id, null);
      expect(id, 'the policy was written for another extension id').toBe(policyId);
    }
    expect(await sendFromExtensionPage(options, 'saveSettings', { patch: { voiceId: '91992bbd4758bdcf9c9b01', ...supertoneAt('https://my-own-proxy.example.net'), alerts: { lowBalance: 10, spikeFactor: 9, pollMinutes: 60, expectedVoices: [], webhookUrl: '' } } })).toMatchObject({ ok: true });
    // Chromium loads policy shortly after start: ask until it is in effect.
    const settings = await poll(async () => (await sendFromExtensionPage(options, 'getSettings', {})) as Settings, (s) => s.endpoints.supertone === api.url, 'the managed endpoint');
    expect(settings.rounding).toBe('second');
    expect(settings.alerts).toMatchObject({ lowBalance: 2000, spikeFactor: 2, pollMinutes: 15 });
    expect(settings.privacy.disabledSites).toEqual(['mail.example.com', 'hr.example.com']);

    // The API key goes to the organisation's endpoint, not the one the user typed, and the
    // credits follow the organisation's rate (1.2 per second) and rounding (whole seconds).
    expect(await sendFromExtensionPage(options, 'setApiKey', { key: 'test-key' })).toEqual({ ok: true });
    const reply = (await sendFromExtensionPage(options, 'estimate', { text: 'Policy applies to every call.' })) as EstimateReply;
    expect(reply).toMatchObject({ ok: true, result: { source: 'api' } });
    expect(api.requests.some((r) => r.path.startsWith('/v1/predict-duration/'))).toBe(true);
    if (!reply.ok) return;
    const { seconds, credits } = reply.result;
    expect(credits.supertone).toBeCloseTo(Math.ceil(seconds) * 1.2, 6);
    expect(credits.supertone).not.toBeCloseTo(creditsByProvider(seconds, settings.model).supertone, 6);
  });

  it('options shows the managed fields disabled, as set by the organisation', async () => {
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    await options.waitForText('#endpoint-hint', /Set by your organisation/);
    const fields = await poll(() => options.evaluate(() => ['#endpoint', '#low-balance', '#spike-factor', '#poll-minutes', '#rounding', '#rate-supertone-sona_speech_1', '#speed'].map((selector) => {
      const el = document.querySelector(selector) as HTMLInputElement | null;
      return { selector, disabled: el?.disabled ?? null, value: el?.value ?? null };
    }), null), (list) => list.every((f) => f.value !== null) && list[1]?.disabled === true, 'managed fields rendered');
    expect(fields).toEqual([
      { selector: '#endpoint', disabled: true, value: api.url },
      { selector: '#low-balance', disabled: true, value: '2000' },
      { selector: '#spike-factor', disabled: true, value: '2' },
      { selector: '#poll-minutes', disabled: true, value: '15' },
      { selector: '#rounding', disabled: true, value: 'second' },
      { selector: '#rate-supertone-sona_speech_1', disabled: true, value: '1.2' },
      { selector: '#speed', disabled: false, value: '1' },
    ]);
    expect(await options.textOf('#disabled-sites-hint')).toMatch(/set by your organisation: mail\.example\.com, hr\.example\.com/);
    await options.screenshot('options-managed');
  });
});
