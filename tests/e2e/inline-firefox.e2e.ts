import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { launchInlineFirefox, waitForTooltip, type InlineFirefox } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';

const VOICE = '91992bbd4758bdcf9c9b01';

async function selectAll(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
}

describe('firefox: the selection tooltip on fields, contenteditable and a model-backed editor', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineFirefox;

  beforeAll(async () => {
    [api, pages, browser] = await Promise.all([startApiDouble({ latencyMs: 200 }), startFixtureServer(), launchInlineFirefox()]);
    await browser.saveSettings({ endpoint: api.url, voiceId: VOICE });
    await browser.setApiKey('test-key');
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), pages?.close()]);
  });

  it('shows the local figure, then the API figure, for a textarea selection', async () => {
    const page = await browser.open(pages.page('basic'));
    await selectAll(page, '#textarea');
    const tooltip = await waitForTooltip(page, /^API$/);
    expect(tooltip.role).toBe('status');
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    await page.screenshot({ path: 'out/screenshots/firefox-tooltip-api.png' });
    await page.close();
  });

  it('reads a contenteditable selection and never a password field', async () => {
    const page = await browser.open(pages.page('basic'));
    await selectAll(page, '#contenteditable');
    expect((await waitForTooltip(page)).figure).toMatch(/≈/);
    const before = api.requests.length;
    await selectAll(page, '#password');
    await new Promise((r) => setTimeout(r, 400));
    expect(api.requests.length).toBe(before);
    await page.close();
  });

  it('reads Ace from its model (the bridge reaches it through wrappedJSObject)', async () => {
    await browser.saveSettings({ speed: 1.3 });
    const page = await browser.open(pages.page('ace'));
    const before = api.requests.length;
    await selectAll(page, '.ace_content');
    await waitForTooltip(page, /^API$/);
    const sent = api.requests.slice(before).map((r) => (r.body as { text?: string }).text ?? '').join(' ');
    expect(sent).toContain('(part 80)'); // far below the lines Ace renders
    await page.close();
  });
});
