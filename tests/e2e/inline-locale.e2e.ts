import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import { launchInlineChromium, screenshot, waitForTooltip, type InlineBrowser, closeInlineSuite, startInlineSuite } from '../pages/harness';
import type { FixtureServer } from '../pages/server';

/** The tooltip speaks the browser's language: its words come from the background with the inline config. */
describe('chromium in Korean: the tooltip and its reasons', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineChromium({ uiLanguage: 'ko' }), { key: null })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  async function selectTextarea(): Promise<Awaited<ReturnType<InlineBrowser['open']>>> {
    const page = await browser.open(pages.page('basic'));
    await page.click('#textarea');
    await page.keyboard.press('Control+A');
    return page;
  }

  it('shows the local figure marked in Korean, with the reason in Korean, without a key', async () => {
    const page = await selectTextarea();
    const shown = await waitForTooltip(page, /^근사치$/); // settled: no exact figure on its way
    expect(shown.figure).toMatch(/^≈ \d+:\d\d · [\d,.]+ 크레딧$/);
    const note = await page.evaluate(() => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? '');
    expect(note).toBe('API 키 없음: 로컬 근사치입니다.');
    await page.close();
  });

  it('gives an API error in Korean', async () => {
    await browser.setApiKey('rejected-key-0001');
    const page = await selectTextarea();
    await waitForTooltip(page, /^근사치$/);
    const note = await page.evaluate(() => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? '');
    expect(note).toBe('API 키가 거부되었습니다. ScriptMeter 옵션에서 키를 확인하세요.');
    await screenshot(page, 'tooltip-ko');
    await page.close();
  });
});
