import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import { launchInlineChromium, launchInlineFirefox, waitForTooltip, type InlineBrowser, type InlineFirefox, closeInlineSuite, startInlineSuite } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';
import { openContentWorld } from './content-world';

const KEY = 'secret-key-0001';
const VAULT = 'scriptmeter-secrets';

/** IndexedDB databases of the calling world's origin. */
const DATABASES = 'indexedDB.databases().then((all) => JSON.stringify(all.map((db) => db.name)))';

/** What a page's own scripts can see of it: DOM, localStorage, IndexedDB names. */
function pageSees(page: { evaluate(fn: () => Promise<string>): Promise<string> }): Promise<string> {
  return page.evaluate(async () => document.documentElement.outerHTML + JSON.stringify(localStorage)
    + JSON.stringify((await indexedDB.databases()).map((db) => db.name)));
}

/**
 * The API key stays with the background: neither the page nor ScriptMeter's own content script
 * (the untrusted zone) can read extension storage. Evaluated inside the content script's isolated
 * world through the DevTools protocol, as an attacker controlling that world would.
 */
describe('chromium: the key is out of reach of pages and content scripts', () => {
  let browser: InlineBrowser;
  let pages: FixtureServer;

  beforeAll(async () => {
    pages = await startFixtureServer();
    browser = await launchInlineChromium();
    await browser.setApiKey(KEY);
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it('refuses storage to the content script world, whose IndexedDB is the page\'s, and shows no key to the page', async () => {
    const { page, evaluate } = await openContentWorld(browser, pages.page('basic'));
    const answer = String(await evaluate('chrome.storage.local.get(null).then((all) => JSON.stringify(all), (error) => "refused: " + error.message)'));
    expect(answer).not.toContain(KEY);
    expect(answer).toMatch(/refused|not allowed|Access to storage/i);
    expect(String(await evaluate(DATABASES))).not.toContain(VAULT);
    expect(await pageSees(page)).not.toContain(KEY);
  });
});

/**
 * Firefox opens storage.local to content scripts and has no switch to close it, and its content
 * scripts cannot be reached from outside: the key must simply not be in storage.local (what a
 * content script could read), but in the extension origin's IndexedDB (which it cannot open: its
 * IndexedDB is the page's), and still be the one the API receives.
 */
describe('firefox: the key is not where a content script can read it', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineFirefox;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineFirefox(), { api: { keys: [KEY] }, key: KEY })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('keeps the key in the extension\'s IndexedDB, not storage.local, and the API still gets it', async () => {
    // What a Firefox content script could read: browser.storage.local is one area for the whole extension.
    const local = await browser.inExtension(async () => {
      const { browser: ext } = globalThis as unknown as { browser: { storage: { local: { get(keys: null): Promise<unknown> } } } };
      return JSON.stringify(await ext.storage.local.get(null));
    }, null);
    expect(local).not.toContain(KEY);
    const vault = await browser.inExtension(async (name) => {
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      const get = db.transaction('secrets').objectStore('secrets').get('apiKey');
      const stored = await new Promise<unknown>((resolve, reject) => { get.onsuccess = () => resolve(get.result); get.onerror = () => reject(get.error); });
      db.close();
      return stored;
    }, VAULT);
    expect(vault).toBe(KEY);

    const page: PuppeteerPage = await browser.open(pages.page('basic'));
    const before = api.requests.length;
    await page.click('#textarea');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await waitForTooltip(page, /^API$/);
    const keys = api.requests.slice(before).filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => r.headers['x-sup-api-key']);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set([KEY]));
    expect(await pageSees(page)).not.toContain(KEY);
    expect(await pageSees(page)).not.toContain(VAULT);
    await page.close();
  });
});
