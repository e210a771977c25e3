import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_CSV_COLUMNS } from '@/lib/history/csv';
import type { EstimateReply } from '@/lib/messages/protocol';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { EXT_BROWSERS, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';
import { downloadAfter } from './page-tools';
import { supertoneAt } from '../fixtures/endpoints';

const VOICE = '91992bbd4758bdcf9c9b01';
const SECRET = 'Confidential launch line for Project Nightjar, do not store.';
const PASTED = 'The first paragraph is short.\n\nThe second one is a little longer than the first one.';

/** Clicks an options button that downloads a file, and reads the file it offered. */
const exportFrom = (page: ExtPage, button: string) => downloadAfter(page, () => page.click(button));

/** RFC 4180 lines split into cells (no quoted fields here: hosts, figures and ids have no commas). */
const cells = (csv: string) => csv.trimEnd().split('\r\n').map((line) => line.split(','));

describe.each(EXT_BROWSERS)('%s: estimate history exported as CSV', (_name, launch) => {
  let api: ApiDouble;
  let browser: ExtBrowser;
  let options: ExtPage;

  beforeAll(async () => {
    api = await startApiDouble();
    browser = await launch();
    options = await browser.openExtensionPage('options.html');
    await sendFromExtensionPage(options, 'saveSettings', { patch: { ...supertoneAt(api.url), voiceId: VOICE } });
    await sendFromExtensionPage(options, 'setApiKey', { key: 'test-key' });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('records two estimates, from the options page and from the popup, and exports them without their text', async () => {
    const fromOptions = (await sendFromExtensionPage(options, 'estimate', { text: SECRET })) as EstimateReply;
    expect(fromOptions.ok && fromOptions.result.source).toBe('api');

    const popup = await browser.openExtensionPage('popup.html', { width: 400, height: 900 });
    await popup.waitForText('#estimate-origin', /cannot read this page/);
    await popup.fill('#paste', PASTED);
    await popup.click('.paste button[type="submit"]');
    await popup.waitForText('#estimate-source', /From the Supertone API/);
    // The per-paragraph figures are derived from the one estimate: no new entries in the history.
    await popup.waitForText('#breakdown-table', /second one/);

    const page = await browser.openExtensionPage('options.html');
    expect(await page.waitForText('#history-count', /Estimates/)).toBe('Estimates in the history: 2.');
    const download = await exportFrom(page, '#export-estimates');
    expect(download.name).toBe('scriptmeter-estimates.csv');
    expect(download.type).toBe('text/csv');
    expect(download.text).not.toMatch(/Nightjar|paragraph/);
    const [header, ...rows] = cells(download.text);
    expect(header).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['options', String(SECRET.length), String(fromOptions.ok && Math.round(fromOptions.result.seconds * 1000) / 1000), expect.any(String), 'supertone', 'api', VOICE, 'sona_speech_1', 'supertone', '0'],
      ['popup', String(PASTED.length), expect.any(String), expect.any(String), 'supertone', 'api', VOICE, 'sona_speech_1', 'supertone', '0'],
    ]);
    for (const [time] of rows) expect(Date.now() - Date.parse(time ?? '')).toBeLessThan(10 * 60_000);
  });

  it('records nothing while the history is off, and clears it on request', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForText('#history-count', /: 2\./);
    await page.click('#keep-history');
    await page.click('form[aria-labelledby="privacy-title"] button[type="submit"]');
    await page.waitForText('form[aria-labelledby="privacy-title"] .notice', /^Saved\.$/);
    await sendFromExtensionPage(page, 'estimate', { text: 'Said while the history is off.' });
    expect(cells((await exportFrom(page, '#export-estimates')).text)).toHaveLength(3);

    await page.click('#clear-history');
    expect(await page.waitForText('#history-count', /cleared/)).toBe('History cleared.');
    await page.click('#export-estimates');
    expect(await page.waitForText('#backup-result', /No estimates/)).toMatch(/No estimates in the history yet/);
  });
});
