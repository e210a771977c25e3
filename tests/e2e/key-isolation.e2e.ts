import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchInlineChromium, type InlineBrowser } from '../pages/harness';
import { startFixtureServer } from '../pages/server';
import { openContentWorld } from './content-world';

/**
 * The API key stays with the background: neither the page nor ScriptMeter's own content script
 * (the untrusted zone) can read extension storage. Evaluated inside the content script's isolated
 * world through the DevTools protocol, as an attacker controlling that world would.
 */
describe('chromium: the key is out of reach of pages and content scripts', () => {
  let browser: InlineBrowser;
  let pages: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    pages = await startFixtureServer();
    browser = await launchInlineChromium();
    await browser.setApiKey('secret-key-0001');
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it('refuses storage to the content script world and shows no key to the page', async () => {
    const { page, evaluate } = await openContentWorld(browser, pages.page('basic'));
    const answer = String(await evaluate('chrome.storage.local.get(null).then((all) => JSON.stringify(all), (error) => "refused: " + error.message)'));
    expect(answer).not.toContain('secret-key-0001');
    expect(answer).toMatch(/refused|not allowed|Access to storage/i);

    const pageSees = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify(localStorage));
    expect(pageSees).not.toContain('secret-key-0001');
  });
});
