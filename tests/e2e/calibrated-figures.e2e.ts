import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@/lib/calibration/fit';
import { calibrate, calibrationFile } from '@/lib/calibration/record';
import { speechFeatures } from '@/lib/estimate/local-model';
import { measureAudioFile } from '../../cli/audio';
import type { ApiDouble } from '../api-double/server';
import { closeInlineSuite, launchInline, launchInlineChromium, startInlineSuite, waitForTooltip, type AnyPage, type InlineBrowser, type InlineSession } from '../pages/harness';
import type { FixtureServer } from '../pages/server';

const FIXTURES = resolve('tests/fixtures/audio');
const VOICE = 'espeak-m3';

/** The fixtures' calibration, as `scriptmeter calibrate` makes it, in the file users import. */
async function calibrationFileOfFixtures(): Promise<unknown> {
  const observations: Observation[] = [];
  for (const file of ['r1.mp3', 'r2.flac', 'r3.opus', 'r4.m4a', 'r5.ogg', 'r6.wav']) {
    const text = readFileSync(join(FIXTURES, file.replace(/\.\w+$/u, '.txt')), 'utf8');
    observations.push({ id: file, kind: 'render', features: speechFeatures(text, 'en'), seconds: (await measureAudioFile(join(FIXTURES, file))).speech, speed: 1 });
  }
  return calibrationFile([calibrate({ voiceId: VOICE, language: 'en' }, observations).calibration]);
}

const noteOf = (page: AnyPage) => (page as { evaluate(fn: () => string): Promise<string> }).evaluate(
  () => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? '');

async function importInto(browser: Pick<InlineBrowser, 'inExtension'>, file: unknown): Promise<void> {
  const reply = await browser.inExtension(async (data) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: 'importCalibrations', data: { file: data } });
  }, file);
  expect(reply).toEqual({ ok: true, imported: 1 });
}

/** No key, so every figure is local and says why; the voice the fixtures' renders calibrate. */
const NO_KEY_VOICE = { key: null, settings: { voiceId: VOICE, language: 'en' } } as const;
const CALIBRATED_NOTE = /^No API key: approximate local estimate\. · calibrated from 6 renders, ±\d %$/;

describe.each(['chromium', 'firefox'] as const)('%s: a calibrated voice says so in the tooltip', (name) => {
  let suite: { api: ApiDouble; pages: FixtureServer; browser: InlineSession };

  beforeAll(async () => {
    suite = await startInlineSuite(() => launchInline(name), NO_KEY_VOICE);
  });
  afterAll(() => closeInlineSuite(suite));

  it('a calibration imported while a page is open applies to its next figure, which says so', async () => {
    const page = await suite.browser.open(suite.pages.page('basic'));
    await page.click('#textarea');
    await page.selectAll();
    await waitForTooltip(page, /approx/);
    await expect.poll(() => noteOf(page), { timeout: 10_000 }).toBe('No API key: approximate local estimate.');
    await page.press('Escape');
    await importInto(suite.browser, await calibrationFileOfFixtures());
    await page.click('#text');
    await page.selectAll();
    await expect.poll(() => noteOf(page), { timeout: 10_000 }).toMatch(CALIBRATED_NOTE);
  });

  it('shows "calibrated from 6 renders, ±N %" beside the reason the figure is local (a page opened after the import)', async () => {
    const page = await suite.browser.open(suite.pages.page('basic'));
    await page.click('#textarea');
    await page.selectAll();
    await waitForTooltip(page, /approx/);
    // The settled figure (the background's, after the page's instant one) keeps the note.
    await expect.poll(() => noteOf(page), { timeout: 10_000 }).toMatch(CALIBRATED_NOTE);
  });
});

describe('chromium in Japanese: the calibration note in the user\'s language', () => {
  let suite: { api: ApiDouble; pages: FixtureServer; browser: InlineBrowser };

  beforeAll(async () => {
    suite = await startInlineSuite(() => launchInlineChromium({ uiLanguage: 'ja' }), NO_KEY_VOICE);
    await importInto(suite.browser, await calibrationFileOfFixtures());
  });
  afterAll(() => closeInlineSuite(suite));

  it('says it in Japanese', async () => {
    const page = await suite.browser.open(suite.pages.page('basic'));
    await page.click('#textarea');
    await page.keyboard.press('Control+A');
    await waitForTooltip(page);
    await expect.poll(() => noteOf(page), { timeout: 10_000 }).toMatch(/レンダリング 6 件で補正、±\d%$/);
  });
});
