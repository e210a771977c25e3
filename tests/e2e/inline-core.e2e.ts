import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import {
  chipState, expectNoTooltip, INLINE_BROWSERS, launchInline, messageTabs, present, strayBoxes, tooltipState, waitFor, waitForTooltip, type InlineSession, closeInlineSuite, startInlineSuite,
} from '../pages/harness';
import type { UserPage } from '../pages/user-page';
import type { FixtureServer } from '../pages/server';

const PRIVACY = { paused: false, disabledSites: [], wholeFieldApi: false, keepHistory: true };

/** Texts the API was asked about, in order. */
function predictedTexts(api: ApiDouble): string[] {
  return api.requests.filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => (r.body as { text: string }).text);
}

/** Asks the page's content script, as the popup does, for the text it would estimate. */
const askSelectionText = (browser: InlineSession) => messageTabs(browser, { scriptmeter: 1, type: 'selectionText' });

async function selectAllIn(page: UserPage, selector: string): Promise<void> {
  await page.click(selector);
  await page.selectAll();
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(INLINE_BROWSERS)('%s: selection tooltip and field chip on fields, contenteditable, shadow roots and frames', (name) => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineSession;
  let page: UserPage;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInline(name), { api: { latencyMs: 300 } })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));
  beforeEach(async () => {
    await browser.saveSettings({ privacy: PRIVACY });
    await page?.close();
    page = await browser.open(pages.page('basic'));
  });

  it('shows the local figure at once, then the API figure, for a textarea selection', async () => {
    await selectAllIn(page, '#textarea');
    const local = await waitForTooltip(page, /approx/);
    expect(local.role).toBe('status');
    expect(local.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    expect(local.mark).toMatch(/…$/); // the API figure is on its way
    await page.screenshot('tooltip-local');
    const exact = await waitForTooltip(page, /^API$/);
    expect(exact.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    const value = await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#textarea')!.value, null);
    expect(predictedTexts(api).join(' ').replace(/\s+/g, ' ')).toContain(value.split('\n\n')[2]?.trim().slice(0, 80));
    await page.screenshot('tooltip-api');
  });

  it('reads text and search inputs; Esc and a click elsewhere dismiss; hovering the selection shows it again', async () => {
    await selectAllIn(page, '#text');
    expect((await waitForTooltip(page)).figure).toMatch(/≈/);
    await page.press('Escape');
    expect(await tooltipState(page)).toBeNull();
    expect(await strayBoxes(page)).toBe(0);
    await selectAllIn(page, '#search');
    await waitForTooltip(page);
    await page.mouse.click(900, 700);
    expect(await tooltipState(page)).toBeNull();

    // Select a sentence of plain page text with the mouse, dismiss, then hover it.
    const box = await page.box('#static');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, 8);
    await page.mouse.up();
    await waitForTooltip(page);
    await page.press('Escape');
    expect(await tooltipState(page)).toBeNull();
    await page.mouse.move(box.x + 60, box.y + box.height / 2, 3);
    expect((await waitForTooltip(page)).figure).toMatch(/≈/);
  });

  it('never reads password, card or one-time-code fields, nor whitespace', async () => {
    const before = api.requests.length;
    for (const field of ['#password', '#card', '#otp', '#notes-pass']) {
      await selectAllIn(page, field);
      expect(await expectNoTooltip(page), field).toBeNull();
      expect(await askSelectionText(browser), field).toEqual([{ text: '', source: 'none' }]);
    }
    await page.evaluate(() => { document.querySelector<HTMLTextAreaElement>('#textarea')!.value = '   \n\t  '; }, null);
    await selectAllIn(page, '#textarea');
    expect(await expectNoTooltip(page)).toBeNull();
    expect(api.requests.length).toBe(before);
  });

  it('ignores selections and events made by the page itself', async () => {
    const before = api.requests.length;
    await page.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#textarea')!;
      field.focus();
      field.select();
      for (const type of ['pointerup', 'mouseup', 'keyup', 'touchend']) field.dispatchEvent(new Event(type, { bubbles: true }));
      window.postMessage({ scriptmeter: 1, type: 'showEstimate' }, '*');
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }));
    }, null);
    expect(await expectNoTooltip(page)).toBeNull();
    expect(api.requests.length).toBe(before);
  });

  it('follows the selection as the page scrolls', async () => {
    await page.click('#contenteditable', { position: { x: 30, y: 12 }, count: 2 });
    const first = await waitForTooltip(page);
    await page.mouse.wheel(120);
    const moved = await waitFor(() => tooltipState(page), (s): s is NonNullable<typeof s> => s !== null && Math.abs(s.y - (first.y - 120)) <= 2, 'tooltip moved up by the scroll');
    expect(moved.x).toBeCloseTo(first.x, 0);
  });

  it('reads editors inside open shadow roots and same-origin frames', async () => {
    await page.click('#shadow-editor', { position: { x: 18, y: 14 }, count: 2 });
    expect((await waitForTooltip(page)).figure).toMatch(/≈/);
    await page.mouse.click(900, 700);
    await page.click('#frame-text', { position: { x: 18, y: 10 }, count: 2, frame: '#frame' });
    const inFrame = await waitForTooltip(page);
    const frameBox = await page.box('#frame');
    expect(inFrame.y).toBeGreaterThan(frameBox.y); // placed in top-level coordinates, beside the frame's text
    // From one frame straight into another: the page around them hears nothing of it.
    await page.press('Escape');
    await page.click('#preview-text', { position: { x: 18, y: 10 }, count: 2, frame: '#preview' });
    const inPreview = await waitForTooltip(page);
    expect(inPreview.x).toBeGreaterThan((await page.box('#preview')).x);
  });

  it('follows focus by keyboard from one frame into the next', async () => {
    await page.click('#frame-text', { position: { x: 18, y: 10 }, frame: '#frame' });
    await page.press('Tab');
    await page.selectAll();
    const selected = await waitForTooltip(page);
    const preview = await page.box('#preview');
    expect(selected.y).toBeGreaterThan(preview.y); // beside the preview's text, not the first frame's
  });

  it('answers the popup with the selection or the focused field, and shows the chip for a long field', async () => {
    await page.click('#textarea');
    const chip = await waitFor(() => chipState(page), present, 'chip');
    expect(chip.text).toMatch(/^\d+:\d\d/);
    expect(chip.text).toMatch(/approx/);
    await page.screenshot('chip');
    const [field] = await askSelectionText(browser);
    expect(field).toMatchObject({ source: 'field' });
    await page.selectAll();
    const [selection] = await askSelectionText(browser);
    expect(selection).toMatchObject({ source: 'selection' });
  });

  it('sends a whole field to the API only when the user turned that on, and only after their own input', async () => {
    await browser.saveSettings({ privacy: { ...PRIVACY, wholeFieldApi: true } });
    await settle(300); // the settings reach the tab
    const before = api.requests.length;
    await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#textarea')!.focus(), null);
    expect((await waitFor(() => chipState(page), present, 'chip')).text).toMatch(/approx/);
    expect(api.requests.length).toBe(before);
    // A text of its own, so the figure cannot come from the cache of an earlier test.
    await page.evaluate(() => { document.querySelector('#contenteditable')!.textContent = Array.from({ length: 12 }, (_, i) => `Whole field sentence ${i + 1} is read aloud here.`).join(' '); }, null);
    await page.click('#contenteditable');
    await waitFor(() => chipState(page), (s): s is NonNullable<typeof s> => s !== null && /API/.test(s.text), 'chip with the API figure');
    expect(api.requests.length).toBeGreaterThan(before);
  });

  it('shows the figure when the command or menu asks (tab message from the background)', async () => {
    await page.click('#textarea');
    await messageTabs(browser, { scriptmeter: 1, type: 'showEstimate' });
    expect((await waitForTooltip(page)).figure).toMatch(/≈/);
    // The click's caret change settles after the command answered: the field's figure asked for stays.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await tooltipState(page))?.figure).toMatch(/≈/);
  });

  it('does nothing while paused or on a disabled site', async () => {
    await browser.saveSettings({ privacy: { ...PRIVACY, paused: true } });
    await selectAllIn(page, '#textarea');
    expect(await expectNoTooltip(page)).toBeNull();
    expect(await askSelectionText(browser)).toEqual([{ text: '', source: 'none' }]);

    await browser.saveSettings({ privacy: { ...PRIVACY, disabledSites: ['127.0.0.1'] } });
    await page.click('#text');
    await selectAllIn(page, '#textarea');
    expect(await expectNoTooltip(page)).toBeNull();
    const other = await browser.open(pages.page('basic', 'localhost'));
    await selectAllIn(other, '#textarea');
    expect((await waitForTooltip(other)).figure).toMatch(/≈/);
    await other.close();
  });
});
