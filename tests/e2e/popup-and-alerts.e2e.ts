import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '@/lib/account/badge';
import { startApiDouble, type ApiDouble, type UsageRecordInput } from '../api-double/server';
import { launchChromium, launchFirefox, poll, type ExtBrowser, type ExtPage } from './browsers';
import { seriousA11yProblems } from './page-tools';
import { FIREFOX_ALERTS, rgba, toolbarState } from './toolbar';

const VOICE = '91992bbd4758bdcf9c9b01';
const POPUP = { width: 400, height: 900 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Usage the browser will read: a steady week of two voices, and a little today (local time, like the
 * popup). Every record sits between its day's midnight and the time of day now, so none moves to
 * another day whenever the test runs (an hour after "now - n days" is tomorrow after 23:00).
 */
function steadyUsage(now: number): UsageRecordInput[] {
  const record = (at: number, voice_id: string, voice_name: string, minutes: number): UsageRecordInput =>
    ({ at: new Date(at), voice_id, voice_name, model: 'sona_speech_1', api_key: 'sup_****3f9a', minutes });
  const records: UsageRecordInput[] = [];
  const midpoint = todayMidpoint(now);
  for (let day = 1; day <= 10; day++) records.push(record(midpoint - day * DAY, VOICE, 'Adam', 2), record(midpoint - day * DAY + 1, 'voice-b-0001', 'Bella', 1));
  records.push(record(midpoint, VOICE, 'Adam', 1));
  return records;
}

/** A moment that is certainly today and not in the future, whatever the time of day. */
function todayMidpoint(now: number): number {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return Math.floor((midnight.getTime() + now) / 2);
}

describe.each([
  ['chromium', () => launchChromium()],
  ['firefox', () => launchFirefox(undefined, { prefs: FIREFOX_ALERTS })],
] as const)('%s: popup, balance, usage and alerts against the local API', (name, launch) => {
  let api: ApiDouble;
  let browser: ExtBrowser;
  let options: ExtPage;
  /** Shots in both themes where the driver can switch them (WebDriver BiDi cannot emulate the colour scheme). */
  const bothThemes = async (page: ExtPage, shot: string, check: () => Promise<void> = async () => undefined) => {
    await page.screenshot(shot);
    if (name !== 'chromium') return;
    await page.emulateDark(true);
    await page.screenshot(`${shot}-dark`);
    await check();
  };

  beforeAll(async () => {
    api = await startApiDouble({ balance: 12_500 });
    api.control.setUsage(steadyUsage(Date.now()));
    browser = await launch();
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('saves the endpoint and key in options, and Test connection says the balance in words', async () => {
    // Opened before any check has finished: the popup follows the background's checks as they land.
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    expect(await popup.waitForText('.panel[aria-labelledby="balance-title"]', /No API key yet/)).toMatch(/Add one in Options/);
    await options.waitForText('#voice-title', /API and voice/);
    await options.fill('#endpoint', api.url);
    await options.fill('#voice-id', VOICE);
    await options.click('form[aria-labelledby="voice-title"] button[type="submit"]');
    await options.waitForText('form[aria-labelledby="voice-title"] .notice', /^Saved\.$/);
    await options.click('#test-connection');
    await options.waitForText('#test-result', /Save a key first/);
    await options.fill('#api-key', 'test-key');
    await options.click('form[aria-labelledby="key-title"] button[type="submit"]');
    await options.waitForText('#api-key-hint', /ending …-key/);
    await options.click('#test-connection');
    expect(await options.waitForText('#test-result', /Connected/)).toBe('Connected. The balance is 12,500 credits.');
    // The check the new key started shows in the popup left open, without Refresh.
    expect(await popup.waitForText('#balance-figure', /credits/)).toBe('12,500 credits');
  });

  it("shows the API's balance, minutes left, usage and an estimate of pasted text in the popup", async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    expect(await popup.waitForText('#balance-figure', /credits/)).toBe('12,500 credits');
    // 12,500 credits at Supertone's default 1 credit per second.
    expect(await popup.textOf('#minutes-left')).toBe('≈ 208 min of speech left at sona_speech_1');
    expect(await popup.waitForText('#usage-total', /min in 7 days/)).toMatch(/^19 min in 7 days/);
    expect(await popup.textOf('#top-voices')).toMatch(/Adam.*Bella/);

    api.control.setBalance(9_876);
    await popup.click('#refresh');
    expect(await popup.waitForText('#balance-figure', /9,876/)).toBe('9,876 credits');

    // The popup's own tab has no content script: it says so and offers the paste box.
    expect(await popup.textOf('#estimate-origin')).toMatch(/cannot read this page/);
    await popup.fill('#paste', 'The first paragraph is short.\n\nThe second one is a little longer than the first one.');
    await popup.click('.paste button[type="submit"]');
    expect(await popup.waitForText('#estimate-source', /API/)).toMatch(/From the Supertone API/);
    expect(await popup.textOf('#estimate-clock')).toMatch(/^0:0\d$/);
    expect(await popup.waitForText('#breakdown-table', /2.*second one/)).toMatch(/1.*first paragraph/);
    expect(await popup.textOf('#slot-verdict')).toMatch(/^Fits a 30 s slot/);

    expect(await seriousA11yProblems(popup)).toEqual([]);
    await bothThemes(popup, 'popup', async () => expect(await seriousA11yProblems(popup)).toEqual([]));
  });

  it('a threshold above the balance produces one notification and the badge warning', async () => {
    api.control.setBalance(12_500);
    await options.fill('#low-balance', '20000');
    await options.click('form[aria-labelledby="alerts-title"] button[type="submit"]');
    await options.waitForText('form[aria-labelledby="alerts-title"] .notice', /^Saved\.$/);
    const state = await poll(() => toolbarState(options), (s) => s.notifications.some((id) => id.startsWith('low-balance')), 'low-balance notification');
    expect(state).toMatchObject({ text: '12k', color: rgba(BADGE_COLORS.low), title: 'ScriptMeter: low balance, 12,500 credits' });
    expect(state.notifications.filter((id) => id.startsWith('low-balance'))).toHaveLength(1);

    const popup = await browser.openExtensionPage('popup.html', POPUP);
    expect(await popup.waitForText('#alerts', /Low balance/)).toMatch(/12,500 credits, at or below your alert threshold of 20,000/);
    await popup.click('#refresh');
    await popup.waitForText('#refresh', /^Refresh$/);
    expect((await toolbarState(options)).notifications.filter((id) => id.startsWith('low-balance'))).toHaveLength(1);
  });

  it('a spike in the usage data and a voice new to the usage produce their alerts', async () => {
    const now = Date.now();
    api.control.addUsage([
      { at: new Date(todayMidpoint(now)), voice_id: VOICE, voice_name: 'Adam', model: 'sona_speech_1', api_key: 'sup_****3f9a', minutes: 40 },
      { at: new Date(todayMidpoint(now)), voice_id: 'test-voice-9999', voice_name: 'Forgotten test voice', model: 'sona_speech_1', api_key: 'sup_****3f9a', minutes: 0.5 },
    ]);
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    await popup.waitForText('#balance-figure', /credits/);
    await popup.click('#refresh');
    const alerts = await popup.waitForText('#alerts', /Spend spike[\s\S]*New voice|New voice[\s\S]*Spend spike/);
    expect(alerts).toMatch(/Today's 41\.5 min is above 9 min: 3× the median of the previous 7 days \(3 min\)/);
    expect(alerts).toMatch(/not in your expected set: Forgotten test voice \(test-voice-9999\)/);
    const state = await toolbarState(options);
    expect(state.notifications.filter((id) => id.startsWith('spike'))).toHaveLength(1);
    expect(state.notifications.filter((id) => id.startsWith('new-voice'))).toHaveLength(1);

    expect(await seriousA11yProblems(popup)).toEqual([]);
    await bothThemes(popup, 'popup-alerts');
  });

  it('the options page passes axe in both themes', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForText('#alerts-title', /Alerts/);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await bothThemes(page, 'options-full', async () => expect(await seriousA11yProblems(page)).toEqual([]));
  });

  it.each(['ko', 'ja'])('shows the popup in %s', async (lang) => {
    const popup = await browser.openExtensionPage(`popup.html?lang=${lang}`, POPUP);
    await popup.waitForText('#balance-figure', /12,500/);
    expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe(lang);
    expect(await popup.textOf('#balance-title')).toBe(lang === 'ko' ? '잔액' : '残高');
    await popup.screenshot(`popup-${lang}`);
  });
});
