import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalibrationFile } from '@/lib/calibration/record';
import { measureAudioFile } from '../../cli/audio';
import { EXT_BROWSERS, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';
import { downloadAfter } from './page-tools';

const FIXTURES = resolve('tests/fixtures/audio');
const RENDERS = ['r1.mp3', 'r2.flac', 'r3.opus', 'r4.m4a', 'r5.ogg', 'r6.wav'];
let dir: string;

/** Runs the command line with its data in `data`. */
function cli(args: string[], data: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { env: { PATH: process.env.PATH ?? '', SCRIPTMETER_DATA_DIR: data }, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sm-calibrate-'));
  copyFileSync(join(FIXTURES, 'r2.flac'), join(dir, 'swapped.flac'));
  writeFileSync(join(dir, 'swapped.txt'), 'Yes.');
  writeFileSync(join(dir, 'lonely.txt'), 'A script whose render is missing.');
});

/** The table's rows as [render, measured seconds, note]. */
function tableRows(page: ExtPage): Promise<Array<[string, number, string]>> {
  return page.evaluate(() => [...document.querySelectorAll('#cal-result tbody tr')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    return [cells[0] ?? '', Number.parseFloat(cells[1] ?? ''), cells[3] ?? ''] as [string, number, string];
  }), null);
}

describe.each(EXT_BROWSERS)('%s: calibrate a voice from renders in Options', (_name, launch) => {
  let browser: ExtBrowser;
  let page: ExtPage;

  beforeAll(async () => {
    browser = await launch();
    page = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    await page.waitForText('#calibrate-title', /Calibrate a voice/);
    await page.waitForText('#cal-measure', /Measure and fit/);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('measures renders of every format in the page, leaves out silence and bad pairings, and saves through the background', async () => {
    await page.fill('#cal-voice', 'espeak-m3');
    await page.fill('#cal-language', 'en');
    await page.setFiles('#cal-files', [
      ...RENDERS.flatMap((file) => [join(FIXTURES, file), join(FIXTURES, file.replace(/\.\w+$/u, '.txt'))]),
      join(FIXTURES, 'silent.wav'), join(FIXTURES, 'silent.txt'), join(dir, 'swapped.flac'), join(dir, 'swapped.txt'), join(dir, 'lonely.txt'),
    ]);
    await page.click('#cal-measure');
    const summary = await page.waitForText('#cal-summary', /Renders used: \d+\. Cross-validated error: ±\d+\.\d %\./);
    const rows = await tableRows(page);
    const problems = await page.textOf('#cal-problems');
    expect(problems).toContain('lonely.txt: No audio file of the same name.');
    // M4A/AAC is decoded where the browser has the codec; otherwise it is named, not lost.
    const decoded = RENDERS.filter((file) => rows.some(([name]) => name === file));
    expect(decoded.length + (problems.includes('r4.m4a: This browser cannot decode this file') ? 1 : 0)).toBe(RENDERS.length);
    expect(decoded).toEqual(expect.arrayContaining(['r1.mp3', 'r2.flac', 'r3.opus', 'r5.ogg', 'r6.wav']));
    expect(summary).toContain(`Renders used: ${decoded.length}.`);
    expect(rows.find(([name]) => name === 'silent.wav')?.[2]).toBe('Only silence: left out.');
    expect(rows.find(([name]) => name === 'swapped.flac')?.[2]).toMatch(/^Text and audio disagree \(expected about [\d.]+ s\): wrong pairing or another voice\? Left out\.$/);
    // The browser's decoder and the command line's agree on the speech, padding left out by both.
    for (const file of decoded) {
      const measured = rows.find(([name]) => name === file)?.[1] ?? 0;
      expect(Math.abs(measured - (await measureAudioFile(join(FIXTURES, file))).speech)).toBeLessThan(0.1);
    }
    await page.screenshot('calibrate-fit');

    await page.click('#cal-save');
    await page.waitForText('#cal-notice', /^Saved\. Figures for espeak-m3 · en · sona_speech_1 now say: calibrated from \d renders, ±\d %\.$/);
    await page.waitForText('#cal-list', /espeak-m3 · en · sona_speech_1 · renders: \d, ±\d+\.\d %/);
    const stored = await sendFromExtensionPage(page, 'listCalibrations', {}) as { calibrations: Array<{ key: unknown; samples: number }> };
    expect(stored.calibrations).toEqual([expect.objectContaining({ key: { voiceId: 'espeak-m3', language: 'en', model: 'sona_speech_1' }, samples: decoded.length })]);
  });

  it('makes the popup say the figure is calibrated', async () => {
    await sendFromExtensionPage(page, 'saveSettings', { patch: { voiceId: 'espeak-m3', language: 'en', model: 'sona_speech_1' } });
    const popup = await browser.openExtensionPage('popup.html', { width: 400, height: 900 });
    await popup.waitForText('#estimate-origin', /cannot read this page/);
    await popup.fill('#paste', 'A script this voice never rendered. It runs for two sentences.');
    await popup.click('.paste button[type="submit"]');
    await popup.waitForText('#estimate-calibration', /^calibrated from \d renders, ±\d %$/);
    await popup.screenshot('popup-calibrated');
  });

  it('calibrates from one render and a pasted script', async () => {
    await page.click('#cal-mode-one');
    await page.fill('#cal-voice', 'pasted-voice');
    await page.setFiles('#cal-audio', [join(FIXTURES, 'r6.wav')]);
    await page.fill('#cal-script', readFileSync(join(FIXTURES, 'r6.txt'), 'utf8'));
    await page.click('#cal-measure');
    await page.waitForText('#cal-summary', /^Renders used: 1\. Cross-validated error: ±\d+\.\d %\.$/);
    await page.click('#cal-save');
    await page.waitForText('#cal-list', /pasted-voice · en/);
  });

  it('exports a file the command line imports, and imports a file the command line exported', async () => {
    const download = await downloadAfter(page, () => page.click('#cal-export'));
    expect(download.name).toBe('scriptmeter-calibrations.json');
    const exported = parseCalibrationFile(JSON.parse(download.text));
    expect(exported.ok && exported.calibrations.map((c) => c.key.voiceId).sort()).toEqual(['espeak-m3', 'pasted-voice']);
    const file = join(dir, `${browser.name}-from-extension.json`);
    writeFileSync(file, download.text);
    const data = join(dir, `${browser.name}-cli-data`);
    expect(cli(['calibrations', 'import', file], data).status).toBe(0);
    expect(cli(['calibrations', 'list'], data).stdout).toMatch(/espeak-m3 · en · sona_speech_1: \d renders/);

    const cliData = join(dir, `${browser.name}-cli-own`);
    expect(cli(['calibrate', '--voice', 'from-cli', '--language', 'en', '--source', 'audiostack', FIXTURES], cliData).status).toBe(0);
    const fromCli = join(dir, `${browser.name}-from-cli.json`);
    expect(cli(['calibrations', 'export', fromCli], cliData).status).toBe(0);
    await page.setFiles('#cal-import', [fromCli]);
    await page.waitForText('#cal-notice', /^1 calibrations imported\.$/);
    await page.waitForText('#cal-list', /from-cli · en · audiostack · renders: \d/);

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'scriptmeter-calibrations', version: 7, calibrations: [] }));
    await page.setFiles('#cal-import', [join(dir, 'bad.json')]);
    await page.waitForText('#cal-notice', /^Not imported: not a ScriptMeter calibration file/);
    await page.evaluate(() => document.querySelector('#calibrate-title')?.scrollIntoView(), null);
    await page.screenshot('calibrate-section');
  });
});
