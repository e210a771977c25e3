import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/settings/schema';
import { GECKO_ID } from '../../wxt.config';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { launchFirefox, poll, sendFromExtensionPage, type ExtBrowser } from './browsers';

/**
 * Enterprise policy in a real browser. Firefox reads an extension's managed storage from
 * policies.json or from a "managed storage manifest" in ~/.mozilla/managed-storage; the test uses
 * the second under a throw-away $HOME, so nothing machine-wide changes and other runs are unaffected.
 * (Chromium reads policy only from /etc/chromium/policies, machine-wide: the same merge is covered
 * there by the unit tests in tests/unit/managed-settings.test.ts.)
 */
const examplePolicy = JSON.parse(readFileSync('docs/managed-policy.example.json', 'utf8')) as Record<string, unknown>;

describe('firefox: an organisation policy (managed storage) sets the endpoint, rates, thresholds and sites', () => {
  let api: ApiDouble;
  let browser: ExtBrowser;

  beforeAll(async () => {
    api = await startApiDouble();
    const home = mkdtempSync(join(tmpdir(), 'sm-home-'));
    mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
    writeFileSync(join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify({
      name: GECKO_ID, description: 'ScriptMeter policy (e2e)', type: 'storage',
      data: { ...examplePolicy, endpoint: api.url },
    }));
    browser = await launchFirefox(undefined, { home });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the background uses the managed values over the user settings', async () => {
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    expect(await sendFromExtensionPage(options, 'saveSettings', { patch: { voiceId: '91992bbd4758bdcf9c9b01', endpoint: 'https://my-own-proxy.example.net', alerts: { lowBalance: 10, spikeFactor: 9, pollMinutes: 60, expectedVoices: [], webhookUrl: '' } } })).toMatchObject({ ok: true });
    const settings = (await sendFromExtensionPage(options, 'getSettings', {})) as Settings;
    expect(settings.endpoint).toBe(api.url);
    expect(settings.rounding).toBe('second');
    expect(settings.alerts).toMatchObject({ lowBalance: 2000, spikeFactor: 2, pollMinutes: 15 });
    expect(settings.privacy.disabledSites).toEqual(['mail.example.com', 'hr.example.com']);

    // The API key goes to the organisation's endpoint, not the one the user typed.
    expect(await sendFromExtensionPage(options, 'setApiKey', { key: 'test-key' })).toEqual({ ok: true });
    expect(await sendFromExtensionPage(options, 'estimate', { text: 'Policy applies to every call.' })).toMatchObject({ ok: true, result: { source: 'api' } });
    expect(api.requests.some((r) => r.path.startsWith('/v1/predict-duration/'))).toBe(true);
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
