import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchInlineChromium, type InlineBrowser } from '../pages/harness';
import { startFixtureServer } from '../pages/server';

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
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const worlds: Array<{ id: number; name: string; type: string }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      worlds.push({ id: context.id, name: context.name, type: aux?.type ?? '' });
    });
    await cdp.send('Runtime.enable');
    await page.goto(pages.page('basic'));
    await page.waitForSelector('html[data-ready="true"]');
    const deadline = Date.now() + 10_000;
    while (!worlds.some((w) => w.type === 'isolated' && w.name === 'ScriptMeter') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const contentWorld = worlds.find((w) => w.type === 'isolated' && w.name === 'ScriptMeter');
    expect(contentWorld, JSON.stringify(worlds)).toBeDefined();

    const read = await cdp.send('Runtime.evaluate', {
      contextId: contentWorld?.id,
      expression: 'chrome.storage.local.get(null).then((all) => JSON.stringify(all), (error) => "refused: " + error.message)',
      awaitPromise: true,
      returnByValue: true,
    });
    const answer = String(read.result.value ?? read.exceptionDetails?.exception?.description ?? '');
    expect(answer).not.toContain('secret-key-0001');
    expect(answer).toMatch(/refused|not allowed|Access to storage/i);

    const pageSees = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify(localStorage));
    expect(pageSees).not.toContain('secret-key-0001');
  });
});
