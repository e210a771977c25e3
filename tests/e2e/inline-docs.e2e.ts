import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '@/lib/extension-identity';
import type { ApiDouble } from '../api-double/server';
import { FIXTURE_PARAGRAPHS } from '../fixtures/scripts';
import {
  chipState, closeInlineSuite, expectNoTooltip, INLINE_BROWSERS, launchInline, messageTabs, startInlineSuite, TEST_PAGES_BUILD, tooltipState, waitFor, waitForTooltip, type InlineSession,
} from '../pages/harness';
import type { FixtureServer } from '../pages/server';
import type { UserPage } from '../pages/user-page';

/**
 * Google Docs, against tests/pages/docs.html: a stand-in that implements exactly the Docs interfaces
 * the reader relies on (the flag, the annotated text, the text-event iframe and its copy handler,
 * the SVG selection rectangles), its text drawn on a canvas. Run on the test-pages build, whose
 * Docs scripts also match the fixture's address; the production manifest is checked not to.
 */
const PRIVACY = { paused: false, disabledSites: [], wholeFieldApi: false, keepHistory: true };

interface DocsState { flag: unknown; annotated: boolean; counters: { annotatedReads: number; copyEvents: number; trustedCopies: number; edits: number }; text: string; selection: { anchor: number; focus: number } }

const docsState = (page: UserPage) => page.evaluate(() => {
  const f = (window as unknown as { fixture: { flag: unknown; annotated: boolean; counters: DocsState['counters']; text(): string; selection(): DocsState['selection'] } }).fixture;
  return { flag: f.flag ?? null, annotated: f.annotated, counters: { ...f.counters }, text: f.text(), selection: f.selection() };
}, null);

const pointAt = (page: UserPage, offset: number) => page.evaluate((o) => (window as unknown as { fixture: { pointAt(o: number): { x: number; y: number } } }).fixture.pointAt(o), offset);

/** Drags the mouse over the canvas from one raw offset to another, as a user selects. */
async function drag(page: UserPage, from: number, to: number): Promise<void> {
  const start = await pointAt(page, from);
  const end = await pointAt(page, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, 8);
  await page.mouse.up();
}

/**
 * Offsets in Docs' raw text (ETX first, a newline after each paragraph) of 60 characters of paragraph
 * `index` (each test its own: an answer cached by an earlier test would make no request).
 */
function paragraphSpan(index: number): { from: number; to: number; text: string } {
  const raw = `\u0003${FIXTURE_PARAGRAPHS.join('\n')}\n`;
  const para = FIXTURE_PARAGRAPHS[index]!;
  const from = raw.indexOf(para) + para.indexOf(' ') + 1;
  const to = from + 60;
  return { from, to, text: raw.slice(from, to) };
}

const predicted = (api: ApiDouble, since: number) => api.requests.slice(since).filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => (r.body as { text: string }).text).join(' ');

describe('the test-pages build', () => {
  it('production manifests carry no fixture address; the test build adds them to the site scripts only', () => {
    for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
      const manifest = readFileSync(`${dir}/manifest.json`, 'utf8');
      expect(manifest).not.toMatch(/127\.0\.0\.1\/(document|pages)|localhost\/pages/);
    }
    const test = JSON.parse(readFileSync(`${TEST_PAGES_BUILD.chromium}/manifest.json`, 'utf8')) as { content_scripts: Array<{ matches: string[]; js: string[] }> };
    const withFixture = test.content_scripts.filter((script) => script.matches.some((m) => m.startsWith('http://127.0.0.1') || m.startsWith('http://localhost')));
    expect(withFixture.flatMap((script) => script.js).sort()).toEqual(['content-scripts/docs-page.js', 'docs-inline.js', 'site-notion.js', 'word-frame.js']);
  });
});

describe.each(INLINE_BROWSERS)('%s: Google Docs (a stand-in page with the Docs interfaces)', (name) => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineSession;
  const docUrl = (query = '', id = 'fixture-doc') => `${pages.url}/document/d/${id}/edit${query}`;

  beforeAll(async () => {
    ({ api, pages, browser } = await startInlineSuite(() => launchInline(name, TEST_PAGES_BUILD[name]), { settings: { privacy: PRIVACY } }));
  });
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('sets the annotated-canvas flag to ScriptMeter\'s own id before Docs loads', async () => {
    const page = await browser.open(docUrl());
    const state = await docsState(page);
    expect(state.flag).toBe(name === 'chromium' ? CHROME_EXTENSION_ID : GECKO_ID);
    expect(state.annotated).toBe(true);
    await page.close();
  });

  it('a mouse selection on the canvas: the API figure for exactly the selected text, read from the annotated text, placed at the selection rectangles, by Docs\' script alone; nothing changed', async () => {
    const page = await browser.open(docUrl());
    const span = paragraphSpan(1);
    const before = api.requests.length;
    await drag(page, span.from, span.to);
    const tooltip = await waitForTooltip(page, /^API$/);
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    expect(predicted(api, before)).toBe(span.text.trim());
    expect(await messageTabs(browser, { scriptmeter: 1, type: 'selectionText' })).toContainEqual({ text: span.text, source: 'selection' });
    // The general script is kept off Docs (exclude_matches): had it run too, it would have drawn a
    // second tooltip for the same selection, a moment before this one's API figure.
    expect(await page.evaluate(() => document.querySelectorAll('scriptmeter-inline').length, null)).toBe(1);

    const last = await page.evaluate(() => {
      const rects = [...document.querySelectorAll('.kix-canvas-tile-selection svg rect.sel')].map((r) => r.getBoundingClientRect());
      const end = rects.at(-1)!;
      return { right: end.right, bottom: end.bottom, top: end.top, count: rects.length };
    }, null);
    expect(last.count).toBeGreaterThan(0);
    // Just below the last rectangle's end (or above it when there is no room), its left edge near the corner.
    expect(Math.abs(tooltip.y - (last.bottom + 6)) <= 2 || tooltip.y < last.top).toBe(true);
    expect(Math.abs(tooltip.x - (last.right - 12))).toBeLessThanOrEqual(2);

    const state = await docsState(page);
    expect(state.counters.annotatedReads).toBeGreaterThan(0);
    expect(state.counters.copyEvents).toBe(0);
    expect(state.text).toBe(`\u0003${FIXTURE_PARAGRAPHS.join('\n')}\n`);
    expect([Math.min(state.selection.anchor, state.selection.focus), Math.max(state.selection.anchor, state.selection.focus)]).toEqual([span.from, span.to]);
    await page.screenshot('docs-tooltip');
    await page.close();
  });

  it('hovering a selection rectangle after Esc shows the figure again, and only there; document, selection and clipboard unchanged', async () => {
    const page = await browser.open(docUrl());
    const span = paragraphSpan(0);
    await drag(page, span.from, span.to);
    await waitForTooltip(page, /./);
    await page.press('Escape');
    expect(await tooltipState(page)).toBeNull();
    const dismissed = await docsState(page);
    // Off the selection (the page's top-left corner, in one jump): nothing.
    await page.mouse.move(4, 4);
    expect(await expectNoTooltip(page)).toBeNull();
    const rect = await page.evaluate(() => {
      const r = document.querySelector('.kix-canvas-tile-selection svg rect.sel')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, null);
    await page.mouse.move(rect.x, rect.y, 4);
    expect((await waitForTooltip(page, /./)).figure).toMatch(/^≈ \d+:\d\d/);
    const after = await docsState(page);
    expect(after.text).toBe(dismissed.text);
    expect(after.selection).toEqual(dismissed.selection);
    expect(after.counters.edits).toBe(0);
    expect(after.counters.copyEvents).toBe(0);
    await page.screenshot('docs-hover');
    await page.close();
  });

  it('reads the annotated text again on every use: text typed a moment ago is in the next selection', async () => {
    const page = await browser.open(docUrl());
    const span = paragraphSpan(1);
    await drag(page, span.from, span.from);
    for (const key of ['Q', 'u', 'x']) await page.press(key);
    for (let i = 0; i < 8; i++) await page.press('Shift+ArrowLeft');
    const expected = (await docsState(page)).text.slice(span.from - 5, span.from + 3);
    expect(expected).toMatch(/Qux$/);
    const replies = await waitFor(() => messageTabs(browser, { scriptmeter: 1, type: 'selectionText' }), (r): r is unknown[] => JSON.stringify(r).includes('Qux'), 'the typed text in the selection');
    expect(replies).toContainEqual({ text: expected, source: 'selection' });
    await waitForTooltip(page, /./);
    await page.close();
  });

  it('when Docs ignores the flag: the selection through the text-event frame\'s copy event, at the caret; clipboard, document and selection untouched', async () => {
    const page = await browser.open(docUrl('?annotate=off'));
    // Chromium lets the test read the real clipboard: a sentinel put there must still be there after.
    const clipboard = (browser as InlineSession & { context?: BrowserContext }).context;
    await clipboard?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
    if (clipboard) await page.evaluate(() => navigator.clipboard.writeText('clipboard sentinel'), null);
    const span = paragraphSpan(2);
    const before = api.requests.length;
    await drag(page, span.from, span.to);
    const tooltip = await waitForTooltip(page, /^API$/);
    expect(predicted(api, before)).toBe(span.text.trim());
    const state = await docsState(page);
    expect(state.annotated).toBe(false);
    expect(state.counters.copyEvents).toBeGreaterThan(0);
    expect(state.counters.trustedCopies).toBe(0);
    expect(state.text).toBe(`\u0003${FIXTURE_PARAGRAPHS.join('\n')}\n`);
    expect([Math.min(state.selection.anchor, state.selection.focus), Math.max(state.selection.anchor, state.selection.focus)]).toEqual([span.from, span.to]);
    if (clipboard) expect(await page.evaluate(() => navigator.clipboard.readText(), null)).toBe('clipboard sentinel');
    // No rectangles without the annotated canvas: pointed at Docs' caret, at the selection's end.
    const caret = await page.evaluate(() => { const r = document.querySelector('.kix-cursor-caret')!.getBoundingClientRect(); return { right: r.right, bottom: r.bottom, top: r.top }; }, null);
    expect(Math.abs(tooltip.y - (caret.bottom + 6)) <= 2 || tooltip.y < caret.top).toBe(true);
    await page.close();
  });

  it('the chip: the whole document from the annotated text, or from the text export when the interface is empty', async () => {
    const whole = FIXTURE_PARAGRAPHS.join('\n');
    for (const mode of ['on', 'empty'] as const) {
      const page = await browser.open(docUrl(`?annotate=${mode}`, `doc-${name}-${mode}`));
      const exportsBefore = pages.requests.filter((p) => p.includes('/export?format=txt')).length;
      const span = paragraphSpan(1);
      await drag(page, span.from, span.from); // a click: the caret, focus in Docs' text-event frame
      const chip = await waitFor(() => chipState(page), (c): c is NonNullable<typeof c> => c !== null, `the chip (${mode})`);
      expect(chip.text).toMatch(/\d+:\d\d/);
      const replies = await messageTabs(browser, { scriptmeter: 1, type: 'selectionText' });
      // Docs' control characters and the export's BOM and CRLF are cleaned the same way.
      expect(replies, mode).toContainEqual({ text: `${whole}\n`, source: 'field' });
      const exports = pages.requests.filter((p) => p.includes('/export?format=txt')).length - exportsBefore;
      if (mode === 'on') expect(exports).toBe(0);
      else expect(exports).toBeGreaterThan(0);
      await page.screenshot(`docs-chip-${mode}`);
      await page.close();
    }
  });
});
