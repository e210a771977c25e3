import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import SrtParser from 'srt-parser-2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import type { Settings } from '@/lib/settings/schema';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { VOICES } from '../api-double/voices';
import { EXT_BROWSERS, poll, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';
import { seriousA11yProblems } from './page-tools';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/scripts/${name}`, import.meta.url), 'utf8');
const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
const [DEFAULT, HOST, ANNA, BEN] = VOICES.map((voice) => voice.voice_id) as [string, string, string, string];
const POPUP = { width: 400, height: 1400 };

/** The speaker table as text per row: name, voice note, lines, length, credits. */
function speakerRows(popup: ExtPage): Promise<string[]> {
  return popup.evaluate(() => [...document.querySelectorAll('#speaker-table tbody tr')].map((row) =>
    [...row.querySelectorAll('.speaker-name, .voice-note, .cast-button, td')].map((cell) => (cell.textContent ?? '').trim()).join(' ')), null);
}

/** Clicks a cue-sheet button and returns what it would have downloaded (the blob's text). */
function downloaded(popup: ExtPage, button: string): Promise<{ name: string; text: string }> {
  return popup.evaluate(async (selector) => {
    const saved = new Promise<{ name: string; href: string }>((resolve) => {
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) { resolve({ name: this.download, href: this.href }); };
    });
    (document.querySelector(selector) as HTMLButtonElement).click();
    const { name, href } = await saved;
    return { name, text: await (await fetch(href)).text() };
  }, button);
}

describe.each(EXT_BROWSERS)('%s: dialogue scripts with a cast', (name, launch) => {
  let api: ApiDouble;
  let browser: ExtBrowser;
  let options: ExtPage;
  const askedVoices = () => new Set(api.requests.filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => r.path.split('/').pop()));

  beforeAll(async () => {
    api = await startApiDouble();
    browser = await launch();
    options = await browser.openExtensionPage('options.html', { width: 900, height: 1600 });
    await options.waitForText('#voice-title', /API and voice/);
    await options.fill('#endpoint', api.url);
    await options.fill('#voice-id', DEFAULT);
    await options.click('form[aria-labelledby="voice-title"] button[type="submit"]');
    await options.waitForText('form[aria-labelledby="voice-title"] .notice', /^Saved\.$/);
    await options.fill('#api-key', 'test-key');
    await options.click('form[aria-labelledby="key-title"] button[type="submit"]');
    await options.waitForText('#api-key-hint', /ending …-key/);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('sets the cast in options: a row per speaker, a bad speed explained, saved', async () => {
    await options.waitForText('#cast-title', /Cast/);
    expect(await options.textOf('#cast-empty')).toMatch(/No one cast yet/);
    await options.click('#cast-add');
    await options.click('#cast-add');
    await options.fill('#cast-table tbody tr:nth-child(1) .cast-name', 'host');
    await options.fill('#cast-table tbody tr:nth-child(1) .cast-voice', HOST);
    await options.fill('#cast-table tbody tr:nth-child(2) .cast-name', 'Anna');
    await options.fill('#cast-table tbody tr:nth-child(2) .cast-voice', ANNA);
    await options.fill('#cast-table tbody tr:nth-child(2) .cast-speed', '3');
    await options.click('#cast-section button[type="submit"]');
    expect(await options.waitForText('#cast-error', /speed/)).toBe('Anna.speed: Speed is at most 2.');
    await options.fill('#cast-table tbody tr:nth-child(2) .cast-speed', '1.2');
    await options.click('#cast-section button[type="submit"]');
    await options.waitForText('#cast-section .notice', /^Saved\.$/);
    const settings = (await sendFromExtensionPage(options, 'getSettings', {})) as Settings;
    expect(settings.cast).toEqual({ host: { voice: HOST }, Anna: { voice: ANNA, speed: 1.2 } });
    await options.screenshot('dialogue-options-cast');
    expect(await seriousA11yProblems(options)).toEqual([]);
  });

  it('a podcast with three speakers: per-speaker figures in the popup, the cast used, one click casts the third', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    await popup.fill('#paste', fixture('podcast.txt'));
    api.requests.length = 0;
    await popup.click('.paste button[type="submit"]');
    await popup.waitForText('#speaker-table', /Ben/);
    const rows = await speakerRows(popup);
    expect(rows.map((row) => row.split(' ')[0])).toEqual(['(no', 'HOST', 'ANNA', 'Ben']);
    expect(rows[1]).toMatch(new RegExp(`^HOST ${HOST} 3 0:\\d\\d [\\d.]+$`));
    expect(rows[2]).toMatch(new RegExp(`^ANNA ${ANNA} 2 0:\\d\\d [\\d.]+$`));
    expect(rows[3]).toMatch(/^Ben default voice Cast 2 0:\d\d [\d.]+$/);
    expect(await popup.textOf('#estimate-credits')).toMatch(/credits at each voice’s provider · 3 voices/);
    expect(await popup.textOf('#estimate-source')).toMatch(/From the Supertone API/);
    expect(askedVoices()).toEqual(new Set([HOST, ANNA, DEFAULT]));
    expect(await popup.textOf('#line-table')).toMatch(/1\s*Episode 12.*2\s*HOST\s*Welcome back/s);
    await popup.screenshot('dialogue-popup-podcast');
    expect(await seriousA11yProblems(popup)).toEqual([]);

    const vtt = await downloaded(popup, '#download-vtt');
    expect(vtt.name).toBe('script.vtt');
    const parsed = new WebVTTParser(entities).parse(vtt.text, 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((cue) => { const first = cue.tree.children[0]; return first?.name === 'v' ? first.value : null; })).toEqual([null, 'HOST', 'ANNA', 'HOST', 'Ben', 'ANNA', 'Ben', 'HOST']);

    // Ben has no voice: cast one from the popup, and the script is estimated again with it.
    await popup.click('#speaker-table tr[data-speaker="Ben"] .cast-button');
    await popup.fill('#cast-voice-id', BEN);
    await popup.screenshot('dialogue-popup-casting');
    api.requests.length = 0;
    await popup.click('.cast-form form button[type="submit"]');
    await poll(() => speakerRows(popup), (r) => r.some((row) => row.startsWith(`Ben ${BEN}`)), 'Ben cast in the popup');
    expect(askedVoices().has(BEN)).toBe(true);
    expect(await popup.textOf('#estimate-credits')).toMatch(/· 4 voices/);
    const settings = (await sendFromExtensionPage(popup, 'getSettings', {})) as Settings;
    expect(settings.cast.Ben).toEqual({ voice: BEN });
  });

  it('a Fountain screenplay: speakers from the character cues, what is not spoken listed, SRT that parses', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    await popup.fill('#paste', fixture('brick-and-steel.fountain'));
    await popup.click('.paste button[type="submit"]');
    await popup.waitForText('#speaker-table', /STEEL/);
    expect(await popup.textOf('#speakers-title')).toMatch(/screenplay \(Fountain\)/);
    const rows = await speakerRows(popup);
    expect(rows.map((row) => row.split(' ')[0])).toEqual(['STEEL', 'BRICK', 'McCLANE', '(no']);
    expect(rows[0]).toMatch(/^STEEL default voice Cast 4 /);
    const excluded = await popup.textOf('#estimate-source');
    for (const rule of [/Title page \(1\)/, /Scene headings .*\(2\)/, /Scene numbers #12# \(2\)/, /Parentheticals like \(beat\) \(1\)/, /Notes \[\[…\]\] \(1\)/, /Boneyard .* \(1\)/, /Action lines \(not narrated\) \(4\)/, /Transitions .*\(2\)/]) {
      expect(excluded).toMatch(rule);
    }
    await popup.screenshot('dialogue-popup-fountain');
    const srt = await downloaded(popup, '#download-srt');
    const cues = new SrtParser().fromSrt(srt.text);
    expect(cues.map((cue) => cue.text.split(':')[0])).toEqual(['STEEL', 'BRICK', 'STEEL', 'STEEL', 'BRICK', 'BRICK', 'STEEL', 'McCLANE', 'Willy Wonka! Willy Wonka! The amazing chocolatier!']);
    for (let k = 1; k < cues.length; k++) expect(cues[k]!.startSeconds).toBeCloseTo(cues[k - 1]!.endSeconds, 3);
  });
});
