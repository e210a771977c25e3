import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS } from '@/lib/sources/defaults';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { INLINE_BROWSERS, launchInline, selectTextareaText, tooltipState, waitFor, waitForTooltip, type InlineSession, type TooltipState } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';
import type { UserPage } from '../pages/user-page';
import { EXT_BROWSERS, poll, sendFromExtensionPage, type ExtBrowser } from './browsers';
import { downloadAfter } from './page-tools';

/**
 * A new user with only an AudioStack key, whose every prediction costs credits: the local figure at
 * once, the exact one only after the user's own click (tooltip and popup) or on its own under the
 * automatic rule's daily cap; never twice for the same answer, and never for a page that fakes the
 * click. The double's charges are the proof.
 */
const PREDICT = '/speech/predict';
const predictCharges = (double: AudioStackDouble) => double.control.charges().filter((charge) => charge.path === PREDICT).length;

/** The tooltip's "Exact · N credits" button as the user sees it, or null (runs in the page). */
function readExactButton(): { text: string; x: number; y: number } | null {
  const button = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector<HTMLElement>('.tooltip .exact');
  if (!button || !button.checkVisibility()) return null;
  const rect = button.getBoundingClientRect();
  return { text: button.textContent ?? '', x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
type ExactButton = NonNullable<ReturnType<typeof readExactButton>>;
const exactButton = (page: UserPage) => page.evaluate(readExactButton, null);

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(INLINE_BROWSERS)('%s: AudioStack figures in the tooltip, under the spend rule', (name) => {
  let double: AudioStackDouble;
  let pages: FixtureServer;
  let browser: InlineSession;
  let page: UserPage;

  beforeAll(async () => {
    [double, pages, browser] = await Promise.all([startAudioStackDouble({ balance: 100 }), startFixtureServer(), launchInline(name)]);
    await browser.saveSettings({ endpoints: { ...DEFAULT_ENDPOINTS, audiostack: double.url }, voiceId: 'sara' });
    await browser.inExtension(async (data) => {
      const scope = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: 'setApiKey', data });
    }, { key: 'test-key', vendor: 'audiostack' });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([double?.close(), pages?.close()]);
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.open(pages.page('basic'));
  });

  it('shows the local figure at once with its price, ignores a page that fakes the click, and buys once after the real one', async () => {
    const text = `Only an AudioStack key is saved in this ${name} profile. The exact figure costs a quarter of a credit.`;
    await selectTextareaText(page, text);
    await waitForTooltip(page, /approx/);
    const button = await waitFor(() => exactButton(page), (b): b is ExactButton => b !== null, 'the Exact button');
    const local = await waitForTooltip(page, /approx/); // settled: the background's local figure, with its offer
    expect(button.text).toBe('Exact · 0.25 credits');
    if (name === 'chromium') await page.screenshot('tooltip-exact-button');
    expect(predictCharges(double)).toBe(0);

    // The page finds our open shadow root and clicks the button from script, and posts the message a
    // content script would send with consent: none of it is a user's click, and nothing is bought.
    await page.evaluate((t) => {
      const fake = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector<HTMLButtonElement>('.exact');
      fake?.click();
      fake?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.postMessage({ scriptmeter: 1, type: 'estimate', data: { text: t, consent: { maxCredits: 100 } } }, '*');
    }, text);
    await settle(1_000);
    expect(predictCharges(double)).toBe(0);
    expect((await tooltipState(page))?.mark).toBe(local.mark);

    await page.mouse.click(button.x, button.y);
    const exact = await waitForTooltip(page, /^API$/);
    expect(exact.figure).toMatch(/^≈ 0:\d\d · /);
    expect(predictCharges(double)).toBe(1);
    expect(await page.evaluate(() => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip')?.textContent ?? '', null))
      .toContain('Prediction cost 0.25 credits.');

    // Selected again (another gesture, then a new page): the answer is known, nothing is charged.
    await page.press('Escape');
    await selectTextareaText(page, text);
    await waitForTooltip(page, /^API$/);
    await page.close();
    page = await browser.open(pages.page('basic'));
    await selectTextareaText(page, text);
    await waitForTooltip(page, /^API$/);
    expect(await exactButton(page)).toBeNull();
    expect(predictCharges(double)).toBe(1);
  });

  it('buys on its own under the automatic rule until the daily cap, then says so and offers the button', async () => {
    const before = predictCharges(double);
    // Room for two calls on top of what was spent today already (the first test's 0.25).
    const { spentToday } = await browser.inExtension(async () => {
      const scope = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: 'spendStatus', data: {} }) as Promise<{ spentToday: number }>;
    }, null);
    const cap = spentToday + 0.5;
    await browser.saveSettings({ spend: { rule: 'auto', dailyCap: cap } });
    for (const n of [1, 2]) {
      await selectTextareaText(page, `Automatic figure number ${n} in ${name}, bought under the daily cap without a click.`);
      await waitForTooltip(page, /^API$/);
      await page.press('Escape');
    }
    expect(predictCharges(double)).toBe(before + 2);
    await selectTextareaText(page, `A third text in ${name}: today's cap is used up.`);
    const readNote = () => page.evaluate(() => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? '', null);
    expect(await waitFor(readNote, (t): t is string => t !== '', "the cap's reason"))
      .toBe(`Today's automatic limit of ${cap} credits for exact figures is reached: approximate local estimate.`);
    expect((await tooltipState(page))?.mark).toBe('approx.');
    expect((await waitFor(() => exactButton(page), (b): b is ExactButton => b !== null, 'the Exact button')).text).toBe('Exact · 0.25 credits');
    expect(predictCharges(double)).toBe(before + 2);

    await browser.saveSettings({ spend: { rule: 'never', dailyCap: cap } });
    await page.press('Escape');
    await selectTextareaText(page, `A fourth text in ${name}, with paid predictions turned off.`);
    await waitFor(readNote, (t): t is string => t === 'Paid predictions are off (Options): approximate local estimate.', 'the "never" reason');
    expect(await exactButton(page)).toBeNull();
    expect(predictCharges(double)).toBe(before + 2);
    await browser.saveSettings({ spend: { rule: 'ask', dailyCap: 5 } });
  });
});

describe.each(EXT_BROWSERS)('%s: AudioStack in the popup and options', (name, launch) => {
  let double: AudioStackDouble;
  let browser: ExtBrowser;

  beforeAll(async () => {
    [double, browser] = await Promise.all([startAudioStackDouble({ balance: 100 }), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await double?.close();
  });

  it('sets up AudioStack in options: key, endpoint, test at 0 credits, the voice list at its price, a voice', async () => {
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    await options.waitForText('#source-title', /Source and spending/);
    await options.fill('#audiostack-endpoint', double.url);
    await options.click('form[aria-labelledby="audiostack-title"] button[type="submit"]');
    await options.waitForText('form[aria-labelledby="audiostack-title"] .notice', /^Saved\.$/);
    await options.fill('#audiostack-key', 'test-key');
    await options.click('form[aria-labelledby="audiostack-key-title"] button[type="submit"]');
    await options.waitForText('#audiostack-key-hint', /ending …-key/);
    await options.click('#audiostack-test-connection');
    expect(await options.waitForText('#audiostack-test-result', /Connected/)).toBe('Connected. The balance is 100 credits. This test cost 0 credits.');
    expect(double.control.charges()).toEqual([]);

    expect(await options.waitForText('#audiostack-voices-fetch', /Fetch/)).toBe('Fetch voice list · 0.25 credits');
    await options.click('#audiostack-voices-fetch');
    await options.waitForText('#audiostack-voices', /sara/);
    expect(double.control.charges().map((c) => c.path)).toEqual(['/speech/voice']);
    await options.click('#audiostack-voices li:first-child button');
    expect(await options.waitForText('#audiostack-chosen', /Now using/)).toMatch(/Now using sara\. Credits are priced at Azure/);
    // The list's price is counted with the day's paid calls.
    expect(await options.waitForText('#spend-today', /Spent/)).toBe('Spent today on paid calls: 0.25 credits.');
    expect(await options.evaluate(() => (document.querySelector('#voice-id') as HTMLInputElement).value, null)).toBe('sara');
    if (name === 'chromium') await options.screenshot('options-sources');
    // Reopened, the list is the one kept: nothing is fetched (or charged) again.
    const again = await browser.openExtensionPage('options.html');
    await again.waitForText('#audiostack-voices', /sara/);
    expect(double.control.charges()).toHaveLength(1);
  });

  it('buys the exact figure from the popup with one click, and a reopened popup costs nothing', async () => {
    const text = `A pasted script in the ${name} popup. Its exact figure costs a quarter of a credit.`;
    const estimateIn = async () => {
      const popup = await browser.openExtensionPage('popup.html', { width: 420, height: 700 });
      await popup.fill('#paste', text);
      await popup.click('.paste button[type="submit"]');
      await popup.waitForText('#estimate-source', /./);
      return popup;
    };
    const popup = await estimateIn();
    expect(await popup.waitForText('#estimate-exact', /Exact/)).toBe('Exact · 0.25 credits');
    const charged = double.control.charges().length;
    await popup.click('#estimate-exact');
    await popup.waitForText('#estimate-spent', /cost 0\.25 credits/);
    expect(await popup.textOf('#estimate-source')).toMatch(/From the AudioStack API/);
    expect(double.control.charges()).toHaveLength(charged + 1);
    if (name === 'chromium') await popup.screenshot('popup-exact-bought');

    const reopened = await estimateIn();
    await poll(() => reopened.textOf('#estimate-source'), (t) => /cache|API/i.test(t), 'the cached figure');
    expect(await reopened.evaluate(() => document.querySelector('#estimate-exact') === null, null)).toBe(true);
    expect(double.control.charges()).toHaveLength(charged + 1);
    expect(await sendFromExtensionPage(reopened, 'spendStatus', {})).toEqual({ spentToday: 0.5 });
  });

  it('under the automatic rule, a multi-paragraph script in the popup makes the whole script\'s calls and no more (the breakdown buys nothing)', async () => {
    const popup = await browser.openExtensionPage('popup.html', { width: 420, height: 900 });
    await sendFromExtensionPage(popup, 'saveSettings', { patch: { spend: { rule: 'auto', dailyCap: 5 } } });
    // Three short paragraphs: one section for AudioStack, so one call for the whole script.
    const script = [
      `The first paragraph of a ${name} script opens the scene.`,
      'The second paragraph goes on a little longer, so that its figure differs from the first one.',
      'The third paragraph closes it.',
    ].join('\n\n');
    const before = predictCharges(double);
    await popup.fill('#paste', script);
    await popup.click('.paste button[type="submit"]');
    expect(await popup.waitForText('#estimate-source', /From the AudioStack API/)).toMatch(/API calls: 1/);
    expect(await popup.waitForText('#breakdown-table', /3.*third paragraph/)).toMatch(/1.*first paragraph.*2.*second paragraph/s);
    // One exact answer covers all three: each paragraph's share is marked approximate and the note says why.
    expect(await popup.textOf('#breakdown-divided')).toMatch(/shared between them by the local model/);
    expect(await popup.evaluate(() => document.querySelectorAll('#breakdown-table tr.approx').length, null)).toBe(3);
    if (name === 'chromium') await popup.screenshot('popup-breakdown-auto');
    // The cue sheet of text without speakers is the breakdown's: a download buys nothing either.
    const srt = await downloadAfter(popup, () => popup.click('#download-srt'));
    expect(srt.text.match(/-->/g)).toHaveLength(3);
    expect(srt.text).toMatch(/^3\n[\d:,]+ --> [\d:,]+\nThe third paragraph closes it\.$/m);
    await settle(1_000); // a breakdown or download that bought would have done so by now
    expect(predictCharges(double)).toBe(before + 1);
    await sendFromExtensionPage(popup, 'saveSettings', { patch: { spend: { rule: 'ask', dailyCap: 5 } } });
  });

  it("options' spend today follows the ledger: a figure bought in the popup shows there at once, without a save or a reload", async () => {
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    const { spentToday } = (await sendFromExtensionPage(options, 'spendStatus', {})) as { spentToday: number };
    await options.waitForText('#spend-today', new RegExp(`: ${spentToday} credits`));
    const popup = await browser.openExtensionPage('popup.html', { width: 420, height: 700 });
    await popup.fill('#paste', `One more line in ${name}, bought while the options page stays open.`);
    await popup.click('.paste button[type="submit"]');
    await popup.click('#estimate-exact');
    await popup.waitForText('#estimate-spent', /cost 0\.25 credits/);
    expect(await options.waitForText('#spend-today', new RegExp(`: ${spentToday + 0.25} credits`))).toBe(`Spent today on paid calls: ${spentToday + 0.25} credits.`);
  });
});
