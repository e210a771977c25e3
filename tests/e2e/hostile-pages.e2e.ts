import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureFromReply } from '@/lib/content/estimate-client';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';
import { figureText } from '@/lib/content/figure-text';
import { MAX_REATTACH } from '@/lib/content/ui';
import type { EstimateReply } from '@/lib/messages/protocol';
import type { ApiDouble } from '../api-double/server';
import { englishScript } from '../fixtures/scripts';
import {
  launchInlineChromium, launchInlineFirefox, screenshot, tooltipState, waitFor, waitForTooltip, type InlineBrowser, type InlineFirefox, type TooltipState, closeInlineSuite, startInlineSuite,
} from '../pages/harness';
import type { FixtureServer } from '../pages/server';
import { poll } from './browsers';

// The text the hostile page's CodeMirror holds (tests/pages/src/sample.js).
const LONG_SCRIPT = englishScript(12_000);

/** What the hostile page recorded (tests/pages/src/hostile.js). */
interface HostileLog {
  fight: string;
  added: number;
  removed: number;
  restyled: number;
  poisoned: string[];
  errors: string[];
}

/** What the tests do on a page, the same through playwright (Chromium) and puppeteer (Firefox). */
interface AnyPage {
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
}
const driven = (page: Page | PuppeteerPage) => page as unknown as AnyPage;

const hostileLog = (page: Page | PuppeteerPage) => driven(page).evaluate(() => (window as unknown as { hostile: HostileLog }).hostile, null);

function predictedTexts(api: ApiDouble, since = 0): string[] {
  return api.requests.slice(since).filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => (r.body as { text: string }).text);
}

/** The middle of the long script, besides its ends: only the editor's model has it (the DOM has the lines in view). */
function expectWholeScriptSent(api: ApiDouble, since: number): void {
  const parts = LONG_SCRIPT.match(/\(part \d+\)/g) ?? [];
  const sent = predictedTexts(api, since).join(' ');
  for (const part of [parts[0], parts[Math.floor(parts.length / 2)], parts.at(-1)]) expect(sent).toContain(part);
}

/** Drags across paragraph `id`'s first line, as a user selects with the mouse. */
async function dragSelect(page: Page | PuppeteerPage, id: string): Promise<void> {
  const box = await driven(page).evaluate((selector: string) => {
    const rect = document.querySelector(selector)!.getBoundingClientRect();
    return { x: rect.left, y: rect.top, width: rect.width };
  }, `#${id}`);
  const { mouse } = driven(page);
  await mouse.move(box.x + 2, box.y + 10);
  await mouse.down();
  await mouse.move(box.x + box.width - 2, box.y + 10, { steps: 8 });
  await mouse.up();
}

/** How the tooltip looks to the user (runs in the page; no closure, either driver). */
function readTooltipLook() {
  const host = document.querySelector('scriptmeter-inline')!;
  const box = host.shadowRoot!.querySelector<HTMLElement>('.tooltip')!;
  const rect = box.getBoundingClientRect();
  const style = getComputedStyle(box);
  return {
    // On top of everything at its own centre (the shadow root retargets to our host).
    onTop: document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === host,
    wide: rect.width > 80, tall: rect.height > 16, opacity: style.opacity, fontSize: style.fontSize, color: style.color,
    hostDisplay: getComputedStyle(host).display, hostStyle: host.getAttribute('style') ?? '',
  };
}
type TooltipLook = ReturnType<typeof readTooltipLook>;
const readability = (page: Page | PuppeteerPage) => (page as { evaluate(fn: () => TooltipLook): Promise<TooltipLook> }).evaluate(readTooltipLook);
/** Readable: on top, opaque, full size, our colours and font size whatever the page's rules say. */
const READABLE = { onTop: true, wide: true, tall: true, opacity: '1', fontSize: '13px', color: 'rgb(244, 246, 251)', hostDisplay: 'inline' };

/** The page's own app still answers: its button runs on the page's replaced built-ins. */
async function appStillWorks(page: Page): Promise<string> {
  const before = Number(await page.textContent('#app-out'));
  await page.click('#app-button');
  return poll(async () => (await page.textContent('#app-out')) ?? '', (text) => text === String(before + 1), 'the page\'s own button to count');
}

describe('chromium: a page that fights extensions', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser;
  const pageErrors: string[] = [];

  async function open(query = ''): Promise<Page> {
    const page = await browser.open(`${pages.page('hostile')}${query}`);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineChromium(), { settings: { maxApiCharacters: 30_000 } })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('shows a readable tooltip with the right figure beside the selection, through hostile CSS and a restyling loop', async () => {
    const page = await open();
    await dragSelect(page, 'p3');
    const tooltip = await waitForTooltip(page, /^API$/);
    const selected = await page.evaluate(() => {
      const range = window.getSelection()!.getRangeAt(0);
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), left: rect.left, right: rect.right, bottom: rect.bottom };
    });
    // The right figure: the background's own answer for exactly the selected text.
    const reply = await browser.inExtension(async (text) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ scriptmeter: 1, type: 'estimate', data: { text } });
    }, selected.text) as EstimateReply;
    expect(tooltip.figure).toBe(figureText(figureFromReply(reply), ENGLISH_INLINE_WORDS));
    // Placed just below the end of the selection (lib/content/position.ts), despite the html/body transforms.
    expect(Math.abs(tooltip.y - (selected.bottom + 6))).toBeLessThanOrEqual(3);
    expect(tooltip.x).toBeGreaterThanOrEqual(selected.left - 4);
    expect(tooltip.x).toBeLessThanOrEqual(selected.right);
    const seen = await readability(page);
    expect(seen).toMatchObject(READABLE);
    expect(seen.hostStyle).toMatch(/display:none !important/);
    await screenshot(page, 'hostile-tooltip');
    // The page did fight (its loop restyled our host), and nothing of ours broke it.
    const log = await poll(() => hostileLog(page), (l) => l.restyled > 0 && l.added > 0, 'the page to restyle our host');
    expect(log.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await appStillWorks(page);
    await page.close();
  });

  it('reads CodeMirror through the editor bridge after the page replaced the built-ins, without calling one of them', async () => {
    const page = await open();
    const since = api.requests.length;
    await page.click('.cm-content', { position: { x: 30, y: 12 } });
    await page.keyboard.press('ControlOrMeta+a');
    await waitForTooltip(page, /^API$/);
    const log = await hostileLog(page);
    expect(log.poisoned).toEqual([]);
    expectWholeScriptSent(api, since);
    expect(log.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await appStillWorks(page);
    await page.close();
  });

  it('stops putting the tooltip back after a few tries when the page keeps removing it', async () => {
    // A speed of its own: no paragraph is answered from the cache of the first test.
    await browser.saveSettings({ speed: 1.1 });
    const page = await open('?fight=remove');
    const handled = async (id: string) => {
      const text = (await page.textContent(`#${id}`))!.trim();
      const since = api.requests.length;
      await dragSelect(page, id);
      // The gesture was handled: its text reached the API (the figure is made, whether or not shown).
      await poll(async () => predictedTexts(api, since).join(' '), (sent) => sent.includes(text.slice(0, 40)), `${id} to be estimated`, 20_000);
    };
    for (const id of ['p1', 'p2', 'p3', 'p4']) await handled(id);
    const spent = await poll(() => hostileLog(page), (l) => l.added >= 1 + MAX_REATTACH, 'the extension to use its re-attach budget');
    // Then the page wins and the extension stays out of the way: more gestures, no more DOM.
    for (const id of ['p5', 'p6']) await handled(id);
    await page.waitForTimeout(500);
    const after = await hostileLog(page);
    expect(spent.added).toBe(1 + MAX_REATTACH);
    expect(after.added).toBe(spent.added);
    expect(after.removed).toBe(after.added);
    expect(await tooltipState(page)).toBeNull();
    expect(after.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await appStillWorks(page);
    await page.close();
  });
});

describe('firefox: a page that fights extensions', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineFirefox;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineFirefox(), { settings: { maxApiCharacters: 30_000 } })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('shows a readable tooltip through hostile CSS and a restyling loop, and reads CodeMirror after the built-ins were replaced', async () => {
    const page = await browser.open(pages.page('hostile'));
    await dragSelect(page, 'p3');
    await waitForTooltip(page, /^API$/);
    const seen = await readability(page);
    expect(seen).toMatchObject(READABLE);
    expect(seen.hostStyle).toMatch(/display:none !important/);
    await page.screenshot({ path: 'out/screenshots/firefox-hostile-tooltip.png' });

    const since = api.requests.length;
    await page.click('.cm-content', { offset: { x: 30, y: 12 } });
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null && s.mark === 'API' && predictedTexts(api, since).length > 0, 'the editor\'s API figure');
    const log = await hostileLog(page);
    expect(log.poisoned).toEqual([]);
    expect(log.errors).toEqual([]);
    expectWholeScriptSent(api, since);
    await page.close();
  });
});
