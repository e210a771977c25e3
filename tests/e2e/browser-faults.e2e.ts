/**
 * Faults of the browser itself, on the built extension (PRODUCT.md §6): the service worker stopped
 * mid-estimate, the extension reloaded under open pages, two tabs estimating at once, storage full,
 * and alarms across a browser restart. Firefox runs the faults it has: its MV2 build has a background
 * page, not a service worker, and a reload there re-injects content scripts itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ALARM } from '@/lib/background/alarms';
import { STORAGE_FULL_MESSAGE } from '@/lib/background/storage-full';
import { figureFromReply } from '@/lib/content/estimate-client';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';
import { figureText } from '@/lib/content/figure-text';
import { formatClock } from '@/lib/format';
import type { EstimateReply } from '@/lib/messages/protocol';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import {
  launchInlineChromium, launchInlineFirefox, tooltipState, waitFor, waitForTooltip, type InlineBrowser, type InlineFirefox, type TooltipState, closeInlineSuite, startInlineSuite,
} from '../pages/harness';
import type { FixtureServer } from '../pages/server';
import { launchChromium, poll, sendFromExtensionPage, type ExtPage } from './browsers';
import { supertoneAt } from '../fixtures/endpoints';

const VOICE = '91992bbd4758bdcf9c9b01';
/** Fields of the basic fixture page the tests select in. */
type Field = '#textarea' | '#text' | '#search';
type AnyPage = Page | PuppeteerPage;

const creditsCalls = (api: ApiDouble, since = 0) => api.requests.filter((r) => r.path === '/v1/credits' && r.at >= since).length;
const inFlight = (api: ApiDouble) => Promise.resolve(api.control.stats().inFlight);

async function fieldText(page: AnyPage, field: Field): Promise<string> {
  return (page as Page).$eval(field, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value);
}

let written = 0;
/**
 * Puts a text no earlier test has estimated into a field (the background's cache would answer at
 * once); `sentences` sets its length, so two fields get clearly different figures.
 */
async function freshText(page: AnyPage, field: Field, sentences: number): Promise<string> {
  written++;
  const text = Array.from({ length: sentences }, (_, i) => `Take ${written}, line ${i + 1}: the narrator reads this one slowly.`).join(' ');
  await (page as Page).$eval(field, (el, value) => { (el as HTMLInputElement).value = value; }, text);
  return text;
}

/** Selects a field's whole text with the user's own click and keys. */
async function selectAllIn(page: AnyPage, field: Field): Promise<void> {
  await page.click(field);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
}

/** The tooltip once its figure has settled: no exact figure still on its way. */
function settledTooltip(page: AnyPage, timeoutMs = 30_000): Promise<TooltipState> {
  return waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null && !/…$/.test(s.mark), 'a settled tooltip', timeoutMs);
}

/** Every "figure|mark" the tooltip shows from now on, in order, recorded in the page (no closure: runs there). */
function recordTooltipFigures(): void {
  const seen: string[] = [];
  (window as unknown as { scriptmeterFigures: string[] }).scriptmeterFigures = seen;
  let watched: ShadowRoot | null = null;
  const note = () => {
    const root = document.querySelector('scriptmeter-inline')?.shadowRoot ?? null;
    if (root && root !== watched) {
      watched = root;
      new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    const box = root?.querySelector('.tooltip');
    const shown = `${box?.querySelector('.figure')?.textContent ?? ''}|${box?.querySelector('.mark')?.textContent ?? ''}`;
    if (box?.matches(':popover-open') && seen.at(-1) !== shown) seen.push(shown);
  };
  new MutationObserver(note).observe(document.documentElement, { childList: true });
}
const recordedFigures = (page: AnyPage) => (page as Page).evaluate(() => (window as unknown as { scriptmeterFigures: string[] }).scriptmeterFigures);

describe('chromium: browser faults', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser;

  /** The options page the harness keeps open: extension-page messages and CDP go through it. */
  const extensionPage = () => {
    const page = browser.context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    if (!page) throw new Error('no extension page open');
    return page;
  };
  const send = (type: string, data: unknown) => browser.inExtension(async ([t, d]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ scriptmeter: 1, type: t, data: d });
  }, [type, data] as const);

  /** The figure the background gives for `text` when nothing goes wrong, as the tooltip writes it. */
  async function figureFor(text: string): Promise<string> {
    return figureText(figureFromReply((await send('estimate', { text })) as EstimateReply), ENGLISH_INLINE_WORDS);
  }

  /** Stops the extension's service worker the way chrome://serviceworker-internals does. */
  async function stopServiceWorker(): Promise<void> {
    const cdp = await browser.context.newCDPSession(extensionPage());
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineChromium())));
  afterAll(() => closeInlineSuite({ api, pages, browser }));
  beforeEach(() => api.control.reset());

  it('service worker stopped mid-estimate: the tooltip gets the right figure after the worker restarts, and the next estimate works', async () => {
    const page = await browser.open(pages.page('basic'));
    api.control.setLatency(2_500);
    await selectAllIn(page, '#textarea');
    await waitForTooltip(page, /…$/);
    await poll(() => inFlight(api), (n) => n > 0, 'the estimate to reach the API');
    await stopServiceWorker();

    const shown = await settledTooltip(page);
    api.control.setLatency(0);
    expect(shown.mark).toBe('API');
    expect(shown.figure).toBe(await figureFor(await fieldText(page, '#textarea')));

    await selectAllIn(page, '#text');
    const next = await waitForTooltip(page, /^API$/);
    expect(next.figure).toBe(await figureFor(await fieldText(page, '#text')));
    await page.close();
  });

  it('service worker stopped mid-estimate: the popup shows the right figure, not a hang or a raw error', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(new URL('popup.html', extensionPage().url()).href);
    const script = 'The worker stops while this sentence is being timed. It must come back with the answer.';
    api.control.setLatency(2_500);
    await popup.fill('#paste', script);
    await popup.click('form:has(#paste) button[type="submit"]');
    await poll(() => inFlight(api), (n) => n > 0, 'the estimate to reach the API');
    await stopServiceWorker();

    await popup.waitForSelector('#estimate-clock, .problem', { timeout: 30_000 });
    expect(await popup.locator('.problem').count()).toBe(0);
    api.control.setLatency(0);
    const reply = (await send('estimate', { text: script })) as EstimateReply;
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(await popup.textContent('#estimate-clock')).toBe(formatClock(reply.result.seconds));

    const second = 'And the next one works as usual.';
    if (!(await popup.isVisible('#paste'))) await popup.click('details.paste summary');
    await popup.fill('#paste', second);
    await popup.click('form:has(#paste) button[type="submit"]');
    await poll(() => popup.textContent('#estimate-clock'), (t) => t !== formatClock(reply.ok ? reply.result.seconds : -1), 'the second estimate');
    await popup.close();
  });

  describe('storage full', () => {
    const storage = <T>(fn: (arg: null) => Promise<T>) => browser.inExtension(fn, null);

    afterAll(async () => {
      await storage(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } };
        await chrome.storage.local.remove('faultFiller');
      });
    });

    type Local = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; getBytesInUse(keys: null): Promise<number>; QUOTA_BYTES: number };
    /** Fills storage.local to the byte (10 MB without unlimitedStorage); answers the bytes left. */
    /** The duration cache as saved in storage.local. */
    const savedCache = () => storage(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: Local } } };
      return ((await chrome.storage.local.get('durationCache')).durationCache ?? []) as Array<[string, number]>;
    });
    const fillStorage = () => storage(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: Local } } };
      const local = chrome.storage.local;
      const room = async () => local.QUOTA_BYTES - (await local.getBytesInUse(null));
      // A key's size is its name plus its JSON; start a little short of full, from what is there already.
      const filler = (await local.get('faultFiller')).faultFiller;
      let size = Math.max(0, (typeof filler === 'string' ? filler.length : 0) + (await room()) - 'faultFiller'.length - 2 - 4_096);
      await local.set({ faultFiller: 'x'.repeat(size) });
      // Grow by what is left; a refused step (another write got in first) is halved. The extension
      // answers a full storage by saving less (the cache gives up entries), which frees bytes: fill
      // again until it has settled.
      for (let round = 0; round < 6; round++) {
        for (let step = await room(); step > 0;) {
          const fits = await local.set({ faultFiller: 'x'.repeat(size + step) }).then(() => true, () => false);
          if (fits) size += step;
          step = fits ? await room() : Math.floor(step / 2);
        }
        await new Promise((settled) => setTimeout(settled, 1_000));
        if ((await room()) < 3) break;
      }
      return room();
    });

    it('estimates still return, the cache saves its newest entries, and a settings save says storage is full', async () => {
      // Some cached pieces first, so the cache has something to give up.
      for (const text of ['First cached sentence.', 'Second cached sentence, a little longer.', 'Third one.']) await figureFor(text);
      await poll(savedCache, (entries) => entries.length >= 3, 'the cache to be saved');

      const free = await fillStorage();
      expect(free).toBeLessThan(3); // the settings change below needs 3 more bytes

      // A settings save is refused with a clear message on the field, and the stored settings are intact.
      const options = extensionPage();
      await options.reload();
      const speed = options.locator('#speed');
      const before = await speed.inputValue();
      expect(before).toBe('1'); // the default: 1.25 makes the stored settings a few bytes longer
      await speed.fill('1.25');
      await options.click('form[aria-labelledby="voice-title"] button[type="submit"]');
      await options.waitForSelector('#speed-error', { timeout: 10_000 });
      expect(await options.textContent('#speed-error')).toBe(STORAGE_FULL_MESSAGE);
      expect(await options.textContent('form[aria-labelledby="voice-title"] .notice')).toMatch(/Not saved/);
      const stored = (await send('getSettings', {})) as { speed: number };
      expect(String(stored.speed)).toBe(before);

      // The account poll on its alarm still runs, though its state (a new low-balance alert) cannot be saved, and the next one is set.
      api.control.setBalance(10);
      const checks = creditsCalls(api);
      await storage(async () => {
        const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } };
        await chrome.alarms.create('scriptmeter-account-poll', { when: Date.now() + 500 });
      });
      await poll(() => Promise.resolve(creditsCalls(api)), (n) => n > checks, 'the account poll', 20_000);
      await poll(() => storage(async () => {
        const { chrome } = globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } };
        return (await chrome.alarms.get('scriptmeter-account-poll'))?.scheduledTime ?? 0;
      }), (t) => t > Date.now() + 60_000, 'the next account alarm', 20_000);

      // An estimate from a page still comes back with the API's figure. Full again first: the account
      // state just written may be smaller than before, and the history may have given up bytes.
      expect(await fillStorage()).toBeLessThan(3);
      const cacheWhenFull = await savedCache();
      const page = await browser.open(pages.page('basic'));
      const newText = await freshText(page, '#textarea', 1);
      await selectAllIn(page, '#textarea');
      const shown = await waitForTooltip(page, /^API$/);
      expect(shown.figure).toBe(await figureFor(newText));
      // The cache made room by dropping its oldest entries instead of failing.
      const cacheAfter = await poll(savedCache, (entries) => entries.some(([key]) => key.endsWith(newText)), 'the new piece to be saved', 15_000);
      // Entries differ in length, so the measure is bytes: the saved cache did not grow into the full storage.
      expect(JSON.stringify(cacheAfter).length).toBeLessThanOrEqual(JSON.stringify(cacheWhenFull).length + 2);

      await page.close();
    });
  });
});

describe('chromium: extension reloaded with pages open', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineChromium())));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  /** Chromium re-enables a reloaded unpacked extension only in developer mode (chrome://extensions' switch). */
  async function developerMode(): Promise<void> {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions');
    const toggle = page.locator('#devMode');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await page.close();
  }

  it('the old content script goes quiet and takes its tooltip away; after a page reload the new one works', async () => {
    // One page in use (tooltip up), one the user never touched (its content script has asked nothing yet).
    const [used, untouched] = await Promise.all([browser.open(pages.page('basic')), browser.open(pages.page('basic'))]);
    const problems: string[] = [];
    for (const page of [used, untouched]) {
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`); });
    }
    await selectAllIn(used, '#textarea');
    await waitForTooltip(used, /^API$/);

    await developerMode();
    const oldWorker = browser.context.serviceWorkers()[0];
    // The extension page asking for the reload closes with it.
    await browser.inExtension(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { reload(): void } } };
      setTimeout(() => chrome.runtime.reload(), 50);
    }, null);
    await poll(async () => browser.context.serviceWorkers().some((w) => w !== oldWorker), Boolean, 'the reloaded extension\'s worker', 30_000);
    // The user comes back a little later: by then the old scripts' extension APIs are gone.
    await used.waitForTimeout(2_000);

    // The user goes on working in both pages: clicks, selects, types.
    const hosts = (page: Page) => page.evaluate(() => document.querySelectorAll('scriptmeter-inline').length);
    for (const page of [used, untouched]) {
      await page.bringToFront();
      // In the untouched page the first thing is a click into a field (focus asks for the config).
      if (page === used) await page.mouse.click(880, 700);
      await selectAllIn(page, '#text');
      await page.keyboard.type(' and more');
      await selectAllIn(page, '#textarea');
    }
    await poll(() => hosts(used), (n) => n === 0, 'the old tooltip host to be removed');
    await used.waitForTimeout(400); // anything the old scripts still had queued
    for (const page of [used, untouched]) {
      expect(await tooltipState(page)).toBeNull();
      expect(await hosts(page)).toBe(0);
      expect(await fieldText(page, '#text')).toMatch(/ and more$/);
    }
    expect(problems).toEqual([]);

    await used.reload();
    await used.waitForSelector('html[data-ready="true"]');
    await selectAllIn(used, '#search');
    expect((await waitForTooltip(used, /^API$/)).figure).toMatch(/≈/);
    expect(problems).toEqual([]);
  });
});

describe('chromium: alarms after a browser restart', () => {
  let api: ApiDouble;
  const profile = mkdtempSync(join(tmpdir(), 'sm-restart-'));
  const alarmTime = (page: ExtPage) => page.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } };
    return (await chrome.alarms.get(name))?.scheduledTime ?? null;
  }, ACCOUNT_ALARM);

  beforeAll(async () => {
    api = await startApiDouble();
  });
  afterAll(() => api?.close());

  it('has the account alarm again after a restart, and the account poll runs on it', async () => {
    const first = await launchChromium(undefined, { userDataDir: profile });
    const options = await first.openExtensionPage('options.html');
    await sendFromExtensionPage(options, 'saveSettings', { patch: { ...supertoneAt(api.url), voiceId: VOICE } });
    await sendFromExtensionPage(options, 'setApiKey', { key: 'test-key' });
    await poll(() => Promise.resolve(creditsCalls(api)), (n) => n > 0, 'the first account check');
    const scheduled = await poll(() => alarmTime(options), (t): t is number => t !== null && t > Date.now(), 'the account alarm');
    await first.close();

    // Chromium loads a command-line unpacked extension afresh at each start, which drops its alarms
    // (installed extensions usually keep theirs): the background re-creates the missing one at start.
    const restartedAt = Date.now();
    const second = await launchChromium(undefined, { userDataDir: profile });
    try {
      const page = await second.openExtensionPage('options.html');
      const after = await poll(() => alarmTime(page), (t): t is number => t !== null && t > restartedAt, 'the account alarm after the restart', 30_000);
      if (after !== scheduled) expect(creditsCalls(api, restartedAt)).toBeGreaterThan(0);
      // The alarm comes due: the restarted background polls the account and schedules the next check.
      const checks = creditsCalls(api);
      await page.evaluate(async (name) => {
        const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } };
        await chrome.alarms.create(name, { when: Date.now() + 500 });
      }, ACCOUNT_ALARM);
      await poll(() => Promise.resolve(creditsCalls(api)), (n) => n > checks, 'GET /v1/credits from the alarm', 30_000);
      await poll(() => alarmTime(page), (t): t is number => t !== null && t > Date.now() + 60_000, 'the next account alarm');
    } finally {
      await second.close();
    }
  });
});

describe.each([
  ['chromium', () => launchInlineChromium()],
  ['firefox', () => launchInlineFirefox()],
] as const)('%s: two tabs at once, and a stale answer dropped', (_name, launch) => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser | InlineFirefox;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite<InlineBrowser | InlineFirefox>(launch)));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  /** The figure a fresh tab shows for `text` alone, nothing else in flight (the background's cache answers). */
  async function figureAlone(text: string): Promise<string> {
    const page: AnyPage = await browser.open(pages.page('basic'));
    await (page as Page).$eval('#textarea', (el, value) => { (el as HTMLTextAreaElement).value = value; }, text);
    await selectAllIn(page, '#textarea');
    const { figure } = await waitForTooltip(page, /^API$/);
    await page.close();
    return figure;
  }

  it('each tab gets its own figure', async () => {
    const [first, second]: [AnyPage, AnyPage] = await Promise.all([browser.open(pages.page('basic')), browser.open(pages.page('basic'))]);
    const texts = [await freshText(first, '#textarea', 6), await freshText(second, '#textarea', 2)];
    api.control.setLatency(1_500);
    await selectAllIn(first, '#textarea');
    await selectAllIn(second, '#textarea');
    await Promise.all([waitForTooltip(first, /…$/), waitForTooltip(second, /…$/)]);
    const [a, b] = await Promise.all([settledTooltip(first), settledTooltip(second)]);
    api.control.setLatency(0);
    expect([a.mark, b.mark]).toEqual(['API', 'API']);
    const expected = [await figureAlone(texts[0]!), await figureAlone(texts[1]!)];
    expect(expected[0]).not.toBe(expected[1]);
    expect([a.figure, b.figure]).toEqual(expected);
    await Promise.all([first.close(), second.close()]);
  });

  it('B selected before A\'s answer: A\'s figure never replaces B\'s', async () => {
    const page: AnyPage = await browser.open(pages.page('basic'));
    await (page as Page).evaluate(recordTooltipFigures);
    const [textA, textB] = [await freshText(page, '#textarea', 5), await freshText(page, '#text', 1)];
    api.control.setLatency(3_000);
    await selectAllIn(page, '#textarea');
    await waitForTooltip(page, /…$/);
    await poll(() => inFlight(api), (n) => n > 0, 'A\'s estimate to reach the API');
    api.control.setLatency(100); // B overtakes A
    await selectAllIn(page, '#text');
    const shownB = await waitForTooltip(page, /^API$/);
    await poll(() => inFlight(api), (n) => n === 0, 'A\'s answer to come back', 20_000);
    api.control.setLatency(0);
    const [figureA, figureB] = [await figureAlone(textA), await figureAlone(textB)];
    expect(figureA).not.toBe(figureB);
    expect(shownB.figure).toBe(figureB);
    expect((await tooltipState(page))?.figure).toBe(figureB);
    const seen = await recordedFigures(page);
    expect(seen.at(-1)).toBe(`${figureB}|API`);
    expect(seen).not.toContain(`${figureA}|API`);
    await page.close();
  });
});
