import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { launchInlineChromium, waitForTooltip, type InlineBrowser } from '../pages/harness';
import { startFixtureServer } from '../pages/server';
import { englishScript } from '../fixtures/scripts';
import { supertoneAt } from '../fixtures/endpoints';

/**
 * Store screenshots (1280×800, what the Chrome Web Store and AMO take) made from the real extension
 * against the local API: the tooltip over a real editor, the popup, and the options page. Written to
 * out/store, not over the committed images in docs/store: a test run leaves the repository as it was.
 */
const DOCS = resolve('out/store');
const SIZE = { width: 1280, height: 800 };
const VOICE = '91992bbd4758bdcf9c9b01';

/** Puts a narrow page (the popup) on a 1280×800 canvas, centred, as a store expects. */
async function onCanvas(browser: InlineBrowser, image: Buffer, caption: string, name: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.setContent(`<body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;gap:56px;
    background:linear-gradient(135deg,#e7ecff,#f7f7f8);font:600 30px/1.3 system-ui,sans-serif;color:#1b1d21">
    <p style="max-width:440px">${caption}</p>
    <img src="data:image/png;base64,${image.toString('base64')}" style="max-height:740px;border-radius:12px;box-shadow:0 12px 40px #0003"></body>`);
  await page.screenshot({ path: join(DOCS, name) });
  await page.close();
}

describe('store screenshots', () => {
  let api: ApiDouble;
  let pages: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: InlineBrowser;
  let extensionBase: string;

  beforeAll(async () => {
    mkdirSync(DOCS, { recursive: true });
    api = await startApiDouble({ latencyMs: 150, balance: 8_240 });
    pages = await startFixtureServer();
    browser = await launchInlineChromium();
    await browser.saveSettings({ ...supertoneAt(api.url), voiceId: VOICE });
    await browser.setApiKey('test-key');
    extensionBase = await browser.inExtension(async () => location.origin, null);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), pages?.close()]);
  });

  it('shows the API figure in a tooltip over a real editor', async () => {
    const page = await browser.open(pages.page('demo'));
    await page.setViewportSize(SIZE);
    const line = page.locator('#tiptap p').nth(1);
    const box = await line.boundingBox();
    if (!box) throw new Error('no paragraph to select');
    await page.mouse.move(box.x + 1, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height - 8, { steps: 10 });
    await page.mouse.up();
    const tooltip = await waitForTooltip(page, /^API$/);
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    await page.screenshot({ path: join(DOCS, '1-tooltip.png') });
  });

  it('shows the popup with an estimate, the balance and usage', async () => {
    const popup: Page = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 1100 });
    await popup.goto(`${extensionBase}/popup.html`);
    await popup.fill('#paste', englishScript(900));
    await popup.click('.paste button[type="submit"]');
    await popup.waitForSelector('#estimate-clock');
    await popup.waitForSelector('#balance-figure');
    expect(await popup.textContent('#balance-figure')).toMatch(/8,240/);
    // The browser sizes a popup window to its content: 380 px wide, as tall as it draws.
    await popup.setViewportSize({ width: 380, height: 200 });
    const image = await popup.screenshot({ fullPage: true });
    await popup.close();
    await onCanvas(browser, image, 'Length, cost in every provider, your balance and usage — one click away.', '2-popup.png');
  });

  it('shows the options page', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize(SIZE);
    await options.goto(`${extensionBase}/options.html`);
    await options.waitForSelector('#voice-title');
    await options.screenshot({ path: join(DOCS, '3-options.png') });
    await options.close();
  });
});
