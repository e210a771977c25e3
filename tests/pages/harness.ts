/**
 * Drives the built extension on fixture pages as a user would: Chromium through playwright-core,
 * Firefox ESR through puppeteer-core (WebDriver BiDi). Real mouse and keyboard input, so every
 * event the content script sees is trusted.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer, { type Page as PuppeteerPage } from 'puppeteer-core';
import { GECKO_ID } from '@/lib/extension-identity';
import type { Settings } from '@/lib/settings/schema';
import { chromiumExtensionArgs, extensionWorker, poll, SCREENSHOT_DIR } from '../e2e/browsers';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import type { ApiDoubleOptions } from '../api-double/types';
import { startFixtureServer, type FixtureServer } from './server';
import { playwrightUser, puppeteerUser, type FrameView, type UserPage } from './user-page';
import { supertoneAt } from '../fixtures/endpoints';

export interface TooltipState {
  figure: string;
  mark: string;
  role: string | null;
  /** Top-left corner in the viewport. */
  x: number;
  y: number;
}

/** What both inline launchers share: settings and the key go through the background, as from options. */
interface InlineControls {
  /** Runs code in an extension page (to change settings or message tabs, as the popup does). */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  setApiKey(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface InlineBrowser extends InlineControls {
  context: BrowserContext;
  open(url: string): Promise<Page>;
}

/** Settings and key messages sent from the extension page; a refusal throws. */
function controls(inExtension: InlineControls['inExtension']): Pick<InlineControls, 'saveSettings' | 'setApiKey'> {
  const send = async (type: string, data: unknown) => {
    const reply = await inExtension(async ([t, d]) => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: t, data: d });
    }, [type, data] as const);
    if (typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === false) throw new Error(`${type} refused: ${JSON.stringify(reply)}`);
  };
  return { saveSettings: (patch) => send('saveSettings', { patch }), setApiKey: (key) => send('setApiKey', { key }) };
}

const INLINE_VIEWPORT = { width: 1000, height: 800 };

/**
 * `otherExtensions`: more unpacked extensions loaded beside ScriptMeter (e.g. one that sends it
 * messages); `uiLanguage`: the browser's own language (what `i18n.getUILanguage()` answers).
 */
export async function launchInlineChromium(options: { headless?: boolean; extensionDir?: string; otherExtensions?: string[]; uiLanguage?: string; args?: string[] } = {}): Promise<InlineBrowser> {
  const extensionDir = options.extensionDir ?? resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sm-inline-')), {
    executablePath: '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: INLINE_VIEWPORT,
    args: [...chromiumExtensionArgs(extensionDir, options.otherExtensions), ...(options.args ?? [])],
    ...(options.uiLanguage && { locale: options.uiLanguage, env: { ...process.env, LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` } }),
  });
  const extensionId = new URL((await extensionWorker(context, extensionDir)).url()).host;
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);

  const inExtension = <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> =>
    extensionPage.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown);
  return {
    context,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      return page;
    },
    inExtension,
    ...controls(inExtension),
    close: () => context.close(),
  };
}

/** The same, in Firefox ESR through puppeteer-core (WebDriver BiDi). */
export interface InlineFirefox extends InlineControls {
  open(url: string): Promise<PuppeteerPage>;
}

export async function launchInlineFirefox(extensionDir: string = resolve('.output/firefox-mv2'), prefs: Record<string, unknown> = {}): Promise<InlineFirefox> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }), ...prefs },
  });
  await browser.installExtension(extensionDir);
  const extensionPage = await browser.newPage();
  // Awaiting goto on moz-extension:// pages can hang over BiDi; wait for the document instead,
  // asking again on each failure (an evaluation that meets the navigation half-way errors).
  void extensionPage.goto(`moz-extension://${uuid}/options.html`).catch(() => undefined);
  const loaded = () => extensionPage.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:').catch(() => false);
  await poll(loaded, (ready) => ready, 'the options page to load', 15_000);
  const inExtension = async <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> =>
    (await extensionPage.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown)) as T;
  return {
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport(INLINE_VIEWPORT);
      await page.goto(url);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      return page;
    },
    inExtension,
    ...controls(inExtension),
    close: () => browser.close(),
  };
}

/** The voice the end-to-end tests estimate with (one of the API double's). */
export const E2E_VOICE = '91992bbd4758bdcf9c9b01';

/** What an inline end-to-end suite runs against: the local API, the fixture pages, a browser. */
export interface InlineSuite<B extends InlineControls> {
  api: ApiDouble;
  pages: FixtureServer;
  browser: B;
}

/**
 * Starts a suite: ScriptMeter pointed at the local API and E2E_VOICE (plus `settings`), with
 * `key` saved ('test-key' by default; null for none).
 */
export async function startInlineSuite<B extends InlineControls>(
  launch: () => Promise<B>,
  options: { api?: ApiDoubleOptions; settings?: Partial<Settings>; key?: string | null } = {},
): Promise<InlineSuite<B>> {
  const [api, pages, browser] = await Promise.all([startApiDouble(options.api), startFixtureServer(), launch()]);
  await browser.saveSettings({ ...supertoneAt(api.url), voiceId: E2E_VOICE, ...options.settings });
  if (options.key !== null) await browser.setApiKey(options.key ?? 'test-key');
  return { api, pages, browser };
}

/** Closes whatever of a suite was started (a failed start leaves parts undefined). */
export async function closeInlineSuite(suite: Partial<InlineSuite<InlineControls>>): Promise<void> {
  await suite.browser?.close();
  await Promise.all([suite.api?.close(), suite.pages?.close()]);
}

/** Either browser, its pages driven through one interface: for tests that run in both. */
export interface InlineSession extends InlineControls {
  name: 'chromium' | 'firefox';
  open(url: string): Promise<UserPage>;
}

export const INLINE_BROWSERS = ['chromium', 'firefox'] as const;

/**
 * The builds whose site readers (Docs, Word, Notion) also run on their fixture pages:
 * `SCRIPTMETER_TEST_PAGES=1 npm run build` (npm test does it). Production builds never match them.
 */
export const TEST_PAGES_BUILD = { chromium: resolve('.output/test-pages/chrome-mv3'), firefox: resolve('.output/test-pages/firefox-mv2') } as const;

/** Per browser: Chromium's extra command-line flags, Firefox's extra prefs (a proxy, say). */
export interface BrowserExtras {
  chromiumArgs?: string[];
  firefoxPrefs?: Record<string, unknown>;
}

/** `extensionDir`: another build than the production one (e.g. TEST_PAGES_BUILD[name]). */
export async function launchInline(name: InlineSession['name'], extensionDir?: string, extras: BrowserExtras = {}): Promise<InlineSession> {
  if (name === 'chromium') {
    const browser = await launchInlineChromium({ extensionDir, args: extras.chromiumArgs });
    return { ...browser, name, open: async (url) => playwrightUser(await browser.open(url)) };
  }
  const browser = await launchInlineFirefox(extensionDir, extras.firefoxPrefs);
  return { ...browser, name, open: async (url) => puppeteerUser(await browser.open(url)) };
}

/** Sends `message` to every tab's content script from an extension page, as the popup does; the replies that came. */
export function messageTabs(browser: InlineControls, message: object): Promise<unknown[]> {
  return browser.inExtension(async (m) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
    const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
    const { tabs } = scope.browser ?? scope.chrome;
    const replies = await Promise.all((await tabs.query({})).map((tab) => (tab.id === undefined ? undefined : tabs.sendMessage(tab.id, m).catch(() => undefined))));
    return replies.filter((reply) => reply !== undefined);
  }, message);
}

/** Any page either driver or UserPage gives: each evaluates a function with one JSON argument. */
export type AnyPage = Page | PuppeteerPage | UserPage | FrameView;

function inPage<T>(page: AnyPage, fn: () => T): Promise<T> {
  return (page as { evaluate(fn: (arg: null) => T, arg: null): Promise<T> }).evaluate(fn, null);
}

/** Reads the tooltip in the page (runs in the page; no closure). */
function readTooltip(): TooltipState | null {
  const box = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector<HTMLElement>('.tooltip');
  // What the user sees: open, displayed and not hidden.
  if (!box || !box.matches(':popover-open') || !box.checkVisibility({ visibilityProperty: true })) return null;
  const rect = box.getBoundingClientRect();
  return {
    figure: box.querySelector('.figure')?.textContent ?? '', mark: box.querySelector('.mark')?.textContent ?? '',
    role: box.getAttribute('role'), x: rect.left, y: rect.top,
  };
}

/** The tooltip as the user sees it, or null when it is not shown. */
export function tooltipState(page: AnyPage): Promise<TooltipState | null> {
  return inPage(page, readTooltip);
}

export function chipState(page: AnyPage): Promise<{ text: string; x: number; y: number } | null> {
  return inPage(page, () => {
    const box = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector<HTMLElement>('.chip');
    if (!box || !box.matches(':popover-open') || !box.checkVisibility({ visibilityProperty: true })) return null;
    const rect = box.getBoundingClientRect();
    return { text: box.textContent ?? '', x: rect.left, y: rect.top };
  });
}

/** Puts `text` in the fixture page's textarea and selects it all as a user would (a real click and Ctrl+A). */
export async function selectTextareaText(page: UserPage, text: string): Promise<void> {
  await page.evaluate((value) => { (document.querySelector('#textarea') as HTMLTextAreaElement).value = value; }, text);
  await page.click('#textarea');
  await page.selectAll();
}

export const present = <T>(value: T | null): value is T => value !== null;

export async function waitFor<T, S extends T = T>(read: () => Promise<T>, ok: (value: T) => value is S, what: string, timeoutMs = 10_000): Promise<S> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const waitForTooltip = (page: AnyPage, mark: RegExp = /./): Promise<TooltipState> =>
  waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null && mark.test(s.mark), `tooltip with mark ${mark}`);

/** Settles long enough for a tooltip that should not appear to have appeared. */
export async function expectNoTooltip(page: AnyPage): Promise<TooltipState | null> {
  await new Promise((r) => setTimeout(r, 400));
  return tooltipState(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `chromium-${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Closed boxes the user can still see (a closed popover must not be displayed). */
export function strayBoxes(page: AnyPage): Promise<number> {
  return inPage(page, () => [...(document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelectorAll('[popover]:not(:popover-open)') ?? [])]
    .filter((box) => box.checkVisibility()).length);
}
