/**
 * What a user does on a fixture page, the same in Chromium (playwright-core) and Firefox
 * (puppeteer-core over WebDriver BiDi): real mouse and keyboard input, so every event the
 * content script sees is trusted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ElementHandle, Frame, Page as PuppeteerPage } from 'puppeteer-core';
import { pressWithModifiers, SCREENSHOT_DIR } from '../e2e/browsers';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface ClickOptions {
  /** Relative to the element's top-left corner; the centre when absent. */
  position?: Point;
  /** 2 for a double click. */
  count?: 1 | 2;
  /** A same-origin iframe holding the element. */
  frame?: string;
}

/** A frame's document, evaluated in as a page is. */
export interface FrameView {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

export interface UserPage {
  click(selector: string, options?: ClickOptions): Promise<void>;
  /** One key by its name ('Escape', 'a'), with modifiers as 'Shift+ArrowLeft'. */
  press(key: string): Promise<void>;
  /** Ctrl+A (the platform's select-all). */
  selectAll(): Promise<void>;
  /** The element scrolled into view, in viewport coordinates. */
  box(selector: string): Promise<Box>;
  mouse: {
    move(x: number, y: number, steps?: number): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    click(x: number, y: number): Promise<void>;
    wheel(deltaY: number): Promise<void>;
  };
  /** Runs `fn` in the page; `arg` and the result cross as JSON. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The document of the (possibly cross-origin) frame `selector`, to evaluate in. */
  frame(selector: string): Promise<FrameView>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function screenshotPath(browser: string, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${browser}-${name}.png`);
}

export function playwrightUser(page: Page): UserPage {
  const locate = (selector: string, frame?: string) => (frame ? page.frameLocator(frame).locator(selector) : page.locator(selector)).first();
  return {
    click: (selector, options = {}) => locate(selector, options.frame).click({
      ...(options.position && { position: options.position }), clickCount: options.count ?? 1,
    }),
    press: (key) => page.keyboard.press(key),
    selectAll: () => page.keyboard.press('ControlOrMeta+a'),
    async box(selector) {
      const element = locate(selector);
      await element.scrollIntoViewIfNeeded();
      const box = await element.boundingBox();
      if (!box) throw new Error(`${selector} has no box`);
      return box;
    },
    mouse: {
      move: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      click: (x, y) => page.mouse.click(x, y),
      wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    },
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
    async frame(selector) {
      const frame = await (await page.waitForSelector(selector)).contentFrame();
      if (!frame) throw new Error(`${selector} has no frame`);
      return { evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => frame.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown) };
    },
    async screenshot(name) {
      const path = screenshotPath('chromium', name);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}

export function puppeteerUser(page: PuppeteerPage): UserPage {
  const frameOf = async (frame: string): Promise<Frame> => {
    const handle = await page.waitForSelector(frame);
    const content = await handle?.contentFrame();
    if (!content) throw new Error(`${frame} has no frame`);
    return content;
  };
  const find = async (selector: string, frame?: string): Promise<ElementHandle> => {
    // Into open shadow roots, as Playwright's locators go.
    const element = await (frame ? await frameOf(frame) : page.mainFrame()).waitForSelector(`pierce/${selector}`);
    if (!element) throw new Error(`${selector} not found`);
    return element;
  };
  return {
    async click(selector, options = {}) {
      const element = await find(selector, options.frame);
      await element.click({ ...(options.position && { offset: options.position }), count: options.count ?? 1 });
      await element.dispose();
    },
    press: (key) => pressWithModifiers(page, key),
    async selectAll() {
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
    },
    async box(selector) {
      const element = await find(selector);
      await element.scrollIntoView();
      const box = await element.boundingBox();
      await element.dispose();
      if (!box) throw new Error(`${selector} has no box`);
      return box;
    },
    mouse: {
      move: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      click: (x, y) => page.mouse.click(x, y),
      wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    },
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T,
    async frame(selector) {
      const frame = await frameOf(selector);
      return { evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => (await frame.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T };
    },
    async screenshot(name) {
      const path = screenshotPath('firefox', name);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}
