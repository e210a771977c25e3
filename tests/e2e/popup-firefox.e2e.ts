import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { launchFirefox, sendFromExtensionPage, type ExtBrowser } from './browsers';

describe('firefox: popup and the toolbar badge (MV2 browserAction)', () => {
  let api: ApiDouble;
  let browser: ExtBrowser;

  beforeAll(async () => {
    api = await startApiDouble({ balance: 4_321 });
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('says there is no key, then shows the API balance once one is saved, and warns on the badge when low', async () => {
    const popup = await browser.openExtensionPage('popup.html', { width: 400, height: 900 });
    await popup.waitForText('#balance-title', /Balance/);
    expect(await popup.waitForText('.panel[aria-labelledby="balance-title"]', /No API key yet/)).toMatch(/Add one in Options/);

    expect(await sendFromExtensionPage(popup, 'saveSettings', { patch: { endpoint: api.url, alerts: { lowBalance: 5_000, spikeFactor: 3, pollMinutes: 30, expectedVoices: [], webhookUrl: '' } } })).toMatchObject({ ok: true });
    expect(await sendFromExtensionPage(popup, 'setApiKey', { key: 'test-key' })).toEqual({ ok: true });
    const view = await sendFromExtensionPage(popup, 'refreshAccount', {});
    expect(view).toMatchObject({ balance: { status: 'ok', balance: 4_321 }, low: true });

    const badge = await popup.evaluate(async () => {
      const { browser: b } = globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } };
      return { text: await b.browserAction.getBadgeText({}), title: await b.browserAction.getTitle({}) };
    }, null);
    expect(badge).toEqual({ text: '4.3k', title: 'ScriptMeter: low balance, 4,321 credits' });

    const fresh = await browser.openExtensionPage('popup.html', { width: 400, height: 900 });
    expect(await fresh.waitForText('#balance-figure', /credits/)).toBe('4,321 credits');
    expect(await fresh.waitForText('#alerts', /Low balance/)).toMatch(/at or below your alert threshold of 5,000/);
    await fresh.screenshot('popup');
  });
});
