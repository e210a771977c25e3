import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimateReply } from '@/lib/messages/protocol';
import { chunkText } from '@/lib/text/chunk';
import { predictedDuration } from '../api-double/duration';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { englishScript } from '../fixtures/scripts';
import { EXT_BROWSERS, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';

const VOICE = '91992bbd4758bdcf9c9b01';

/** Asks the background for an estimate from an extension page, as the popup does. */
async function estimateFromPage(page: ExtPage, text: string): Promise<EstimateReply> {
  return (await sendFromExtensionPage(page, 'estimate', { text })) as EstimateReply;
}

describe.each(EXT_BROWSERS)('%s: options page and background estimate', (name, launch) => {
  let api: ApiDouble;
  let browser: ExtBrowser;
  let options: ExtPage;

  beforeAll(async () => {
    api = await startApiDouble();
    browser = await launch();
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('estimates locally, labelled, before any key is set', async () => {
    const reply = await estimateFromPage(options, 'Hello there. This works without a key.');
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.result.source).toBe('local');
      expect(reply.result.localReason).toMatch(/No API key/);
      expect(reply.result.seconds).toBeGreaterThan(1);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('refuses bad values beside the field and saves good ones', async () => {
    await options.waitForText('#voice-title', /API and voice/);
    await options.fill('#speed', '7');
    await options.fill('#endpoint', 'http://remote.example.com');
    await options.click('form[aria-labelledby="voice-title"] button[type="submit"]');
    expect(await options.waitForText('#speed-error', /at most 2/)).toBeTruthy();
    expect(await options.textOf('#endpoint-error')).toMatch(/https/);
    await options.screenshot('options-errors');

    await options.fill('#endpoint', api.url);
    await options.fill('#voice-id', VOICE);
    await options.fill('#speed', '1.25');
    await options.select('#model', 'sona_speech_2');
    await options.click('form[aria-labelledby="voice-title"] button[type="submit"]');
    await options.waitForText('form[aria-labelledby="voice-title"] .notice', /^Saved\.$/);
  });

  it('stores the key write-only and estimates through the API with the chosen voice settings', async () => {
    await options.fill('#api-key', 'test-key-e2e-0001');
    await options.click('form[aria-labelledby="key-title"] button[type="submit"]');
    await options.waitForText('#api-key-hint', /ending …0001/);
    expect(await options.evaluate(() => (document.querySelector('#api-key') as HTMLInputElement).value, null)).toBe('');
    await options.screenshot('options');
    if (browser.name === 'chromium') {
      // WebDriver BiDi (Firefox) cannot emulate the colour scheme; dark mode is covered in Chromium.
      await options.emulateDark(true);
      await options.screenshot('options-dark');
      await options.emulateDark(false);
    }

    // The double only knows test-key: this key is rejected, and the estimate says so while still giving a figure.
    const rejected = await estimateFromPage(options, 'A short line to estimate.');
    expect(rejected.ok && rejected.result.errors).toEqual(['API key rejected: check the key in ScriptMeter options.']);
    expect(api.requests.at(-1)?.headers['x-sup-api-key']).toBe('test-key-e2e-0001');

    await options.fill('#api-key', 'test-key');
    await options.click('form[aria-labelledby="key-title"] button[type="submit"]');
    await options.waitForText('#api-key-hint', /ending …-key/);
    const text = englishScript(2_500);
    const reply = await estimateFromPage(options, text);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const expected = chunkText(text).reduce((sum, c) => sum + predictedDuration(VOICE, {
      text: c.text.trim(), language: 'en', model: 'sona_speech_2', voice_settings: { speed: 1.25 },
    }), 0);
    expect(reply.result.source).toBe('api');
    expect(reply.result.seconds).toBeCloseTo(expected, 1);
    expect(reply.voice).toMatchObject({ voiceId: VOICE, model: 'sona_speech_2', speed: 1.25 });
    const again = await estimateFromPage(options, text);
    expect(again.ok && again.result.source).toBe('cache');
  });
});
