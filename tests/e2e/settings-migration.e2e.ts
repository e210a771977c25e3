import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXT_BROWSERS, type ExtBrowser, type ExtPage } from './browsers';

/** Settings as version 1 of ScriptMeter stored them: no privacy.keepHistory, one (Supertone) endpoint. */
const V1 = {
  endpoint: 'https://tts-proxy.example.com', voiceId: 'voice-from-v1', speed: 1.25, slotSeconds: 45,
  privacy: { paused: true, disabledSites: ['mail.example.com', 'hr.example.com'], wholeFieldApi: true },
  alerts: { lowBalance: 250, spikeFactor: 4, pollMinutes: 60, expectedVoices: ['voice-from-v1'], webhookUrl: '' },
};

type StorageArea = { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
type Api = { storage: { local: StorageArea } };

/** Writes v1 settings as WXT versions them (the value under "settings", its meta under "settings$"). */
function seedV1(page: ExtPage): Promise<void> {
  return page.evaluate(async (v1) => {
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (scope.browser ?? scope.chrome)?.storage.local.set({ settings: v1, settings$: { v: 1 } });
  }, V1);
}

function storedSettings(page: ExtPage): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (scope.browser ?? scope.chrome)?.storage.local.get(['settings', 'settings$'])) ?? {};
  }, null);
}

const checked = (page: ExtPage, selector: string) => page.evaluate((s) => (document.querySelector(s) as HTMLInputElement).checked, selector);
const value = (page: ExtPage, selector: string) => page.evaluate((s) => (document.querySelector(s) as HTMLInputElement).value, selector);

const { endpoint, ...V1_REST } = V1;

describe.each(EXT_BROWSERS)('%s: settings stored by version 1 are migrated when the background starts', (_name, launch) => {
  let browser: ExtBrowser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every v1 value, adds the v2 history switch and the v3 sources, shown in the options page', async () => {
    const first = await browser.openExtensionPage('options.html');
    await first.waitForText('#privacy-title', /Privacy/);
    await seedV1(first);
    await browser.restartBackground();
    const options = await browser.openExtensionPage('options.html');

    await options.waitForText('#history-count', /Estimates/);
    expect(await value(options, '#disabled-sites')).toBe('mail.example.com\nhr.example.com');
    expect(await checked(options, '#paused')).toBe(true);
    expect(await checked(options, '#whole-field')).toBe(true);
    expect(await checked(options, '#keep-history')).toBe(true);
    expect(await value(options, '#voice-id')).toBe('voice-from-v1');
    expect(await value(options, '#endpoint')).toBe(endpoint);
    expect(await value(options, '#speed')).toBe('1.25');
    expect(await value(options, '#low-balance')).toBe('250');
    expect(await value(options, '#expected-voices')).toBe('voice-from-v1');

    expect(await storedSettings(options)).toEqual({
      settings: {
        ...V1_REST, privacy: { ...V1.privacy, keepHistory: true },
        endpoints: { supertone: endpoint, audiostack: 'https://v2.api.audio' }, source: 'auto',
      },
      settings$: { v: 3 },
    });
  });
});
