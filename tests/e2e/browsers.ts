import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type ElementHandle, type KeyInput, type Page as PuppeteerPage } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';

/** The few page operations the end-to-end tests need, the same in both browsers. */
export interface ExtPage {
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Gives files from disk to an <input type="file">, as a user choosing them would. */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** A real key press on whatever has focus: "Tab", "Shift+Tab", "Enter", " ", "ArrowRight". */
  press(key: string): Promise<void>;
  textOf(selector: string): Promise<string>;
  waitForText(selector: string, pattern: RegExp): Promise<string>;
  /** Runs `fn` in the page; `arg` and the result cross as JSON, which the drivers' own types cannot express generically. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Runs script source as given (e.g. a library to inject); extension-page CSP does not apply to it. */
  evaluateSource(source: string): Promise<unknown>;
  emulateDark(dark: boolean): Promise<void>;
  screenshot(name: string): Promise<string>;
}

export interface ExtBrowser {
  name: 'chromium' | 'firefox';
  /** `viewport` defaults to 900×900; the popup is shown at its own size. */
  openExtensionPage(path: string, viewport?: Viewport): Promise<ExtPage>;
  /**
   * Starts the background afresh, as after the browser stopped it or an update: it loads its
   * modules again and reads everything from storage. Chromium stops the service worker (the next
   * message starts it); Firefox reloads the add-on. Open pages may be closed.
   */
  restartBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}
const DEFAULT_VIEWPORT: Viewport = { width: 900, height: 900 };

export const SCREENSHOT_DIR = resolve('out/screenshots');

function screenshotPath(browser: string, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${browser}-${name}.png`);
}

export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

function chromiumPage(page: PlaywrightPage): ExtPage {
  const textOf = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';
  return {
    fill: (selector, value) => page.fill(selector, value),
    select: async (selector, value) => { await page.selectOption(selector, value); },
    click: (selector) => page.click(selector),
    setFiles: (selector, paths) => page.setInputFiles(selector, paths),
    press: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    textOf,
    waitForText: (selector, pattern) => poll(() => textOf(selector), (t) => pattern.test(t), `${selector} ~ ${pattern}`),
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
    evaluateSource: (source) => page.evaluate(source),
    emulateDark: (dark) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
    screenshot: async (name) => {
      const path = screenshotPath('chromium', name);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

/** Chromium's flags for a headless run with unpacked extensions (ours, then any `others`) and no outside traffic. */
export function chromiumExtensionArgs(extensionDir: string, others: readonly string[] = []): string[] {
  const dirs = [extensionDir, ...others].join(',');
  return [
    `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  ];
}

/** Chromium's id spelling: the first 128 bits of a SHA-256, digits a–p. */
export function chromiumIdOf(bytes: Buffer | string): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Chromium's id for an unpacked extension: from the public key in its manifest's `key` when it has
 * one (ScriptMeter does, lib/extension-identity.ts), else from its directory's absolute path.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const { key } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { key?: string };
  return key ? chromiumIdOf(Buffer.from(key, 'base64')) : chromiumIdOf(realpathSync(extensionDir));
}

/** The service worker of the extension in `extensionDir`, once it runs (others may be loaded beside it). */
export async function extensionWorker(context: BrowserContext, extensionDir: string): Promise<Worker> {
  const id = unpackedExtensionId(extensionDir);
  const find = async () => context.serviceWorkers().find((worker) => new URL(worker.url()).host === id);
  // The worker may start before or after we look: ask again until it is there.
  const worker = await poll(find, (found) => found !== undefined, `the service worker of ${extensionDir}`, 60_000);
  if (!worker) throw new Error(`No service worker for ${extensionDir}`);
  return worker;
}

/** Sends one protocol message from an extension page (popup, options), as those pages do. */
export function sendFromExtensionPage(page: ExtPage, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(async ({ type: t, data: d }) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('no extension API on this page');
    return api.runtime.sendMessage({ scriptmeter: 1, type: t, data: d });
  }, { type, data });
}

/** `userDataDir` keeps the profile (storage, alarms) across launches; by default each launch gets a fresh one. */
export interface ChromiumOptions {
  userDataDir?: string;
  /** More command-line flags (a proxy, say). */
  args?: string[];
}

export async function launchChromium(extensionDir = resolve('.output/chrome-mv3'), options: ChromiumOptions = {}): Promise<ExtBrowser> {
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sm-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 900, height: 900 },
    args: [...chromiumExtensionArgs(extensionDir), ...(options.args ?? [])],
  });
  const extensionId = new URL((await extensionWorker(context, extensionDir)).url()).host;
  return {
    name: 'chromium',
    async openExtensionPage(path, viewport = DEFAULT_VIEWPORT) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return chromiumPage(page);
    },
    async restartBackground() {
      // runtime.reload() would leave an extension loaded from the command line disabled.
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await page.close();
    },
    close: () => context.close(),
  };
}

/** Puppeteer presses one key at a time: a modifier ('Shift+Tab') is held around the key. */
export async function pressWithModifiers(page: PuppeteerPage, key: string): Promise<void> {
  const keys = key.split('+') as KeyInput[];
  const main = keys.pop() ?? (key as KeyInput);
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(main);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

function firefoxPage(page: PuppeteerPage): ExtPage {
  // Waiting for the element first, as Playwright's locators do: Puppeteer's own calls fail at once.
  const textNow = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
  const textOf = async (selector: string) => {
    await page.waitForSelector(selector);
    return textNow(selector);
  };
  return {
    async fill(selector, value) {
      await page.$eval(selector, (el) => { (el as HTMLInputElement).value = ''; });
      await page.type(selector, value);
    },
    select: async (selector, value) => { await page.select(selector, value); },
    async click(selector) {
      await page.waitForSelector(selector);
      await page.click(selector);
    },
    async setFiles(selector, paths) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    press: (key) => pressWithModifiers(page, key),
    textOf,
    waitForText: (selector, pattern) => poll(() => textNow(selector).catch(() => ''), (t) => pattern.test(t), `${selector} ~ ${pattern}`),
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T,
    evaluateSource: (source) => page.evaluate(source),
    emulateDark: (dark) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]),
    screenshot: async (name) => {
      const path = screenshotPath('firefox', name);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

/** `prefs` adds Firefox preferences; `home` sets $HOME, where Firefox looks for managed storage (~/.mozilla/managed-storage). */
export interface FirefoxOptions {
  prefs?: Record<string, string | number | boolean>;
  home?: string;
}

export async function launchFirefox(extensionDir = resolve('.output/firefox-mv2'), options: FirefoxOptions = {}): Promise<ExtBrowser> {
  const uuid = randomUUID();
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }), ...options.prefs },
    ...(options.home && { env: { ...process.env, HOME: options.home } }),
  });
  await browser.installExtension(extensionDir);
  return {
    name: 'firefox',
    async openExtensionPage(path, viewport = DEFAULT_VIEWPORT) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      // Awaiting goto on moz-extension:// pages can hang over BiDi; wait for the document instead.
      void page.goto(`moz-extension://${uuid}/${path}`).catch(() => undefined);
      // Asked again on each failure: an evaluation that meets the navigation half-way errors over BiDi.
      const loaded = () => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:').catch(() => false);
      await poll(loaded, (ready) => ready, `${path} to load`, 15_000);
      return firefoxPage(page);
    },
    async restartBackground(this: ExtBrowser) {
      const page = await this.openExtensionPage('options.html');
      await page.evaluate(() => {
        const { browser: api } = globalThis as unknown as { browser: { runtime: { reload(): void } } };
        setTimeout(() => api.runtime.reload(), 0);
      }, null);
      // Back once its pages load and its background answers again.
      await poll(async () => {
        const fresh = await this.openExtensionPage('options.html').catch(() => undefined);
        return fresh ? sendFromExtensionPage(fresh, 'keyStatus', {}).then(() => true, () => false) : false;
      }, (ready) => ready, 'the add-on to reload', 30_000);
    },
    close: () => browser.close(),
  };
}

/** Both browsers by name, for `describe.each`: the extension-page flows run in each. */
export const EXT_BROWSERS = [
  ['chromium', () => launchChromium()],
  ['firefox', () => launchFirefox()],
] as const;
