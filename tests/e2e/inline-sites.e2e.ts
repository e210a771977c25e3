import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import { FIXTURE_PARAGRAPHS } from '../fixtures/scripts';
import {
  closeInlineSuite, expectNoTooltip, INLINE_BROWSERS, launchInline, messageTabs, startInlineSuite, TEST_PAGES_BUILD, tooltipState, waitForTooltip, type InlineSession,
} from '../pages/harness';
import type { FixtureServer } from '../pages/server';

/**
 * Notion's whole-block selection and Word for the web's selection drawn as `span.Selected` inside a
 * cross-origin frame, on stand-in pages (tests/pages/notion.html, word.html + word-frame.html),
 * with the test-pages build (its site scripts also match those pages).
 */
const PRIVACY = { paused: false, disabledSites: [], wholeFieldApi: false, keepHistory: true };

const predicted = (api: ApiDouble, since: number) => api.requests.slice(since).filter((r) => r.path.startsWith('/v1/predict-duration/')).map((r) => (r.body as { text: string }).text).join(' ');

describe.each(INLINE_BROWSERS)('%s: Notion and Word for the web', (name) => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineSession;

  beforeAll(async () => {
    ({ api, pages, browser } = await startInlineSuite(() => launchInline(name, TEST_PAGES_BUILD[name]), { settings: { privacy: PRIVACY } }));
  });
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('Notion: blocks highlighted by a drag from the margin are estimated from their text; hovering them after Esc shows it again', async () => {
    const page = await browser.open(pages.page('notion'));
    const second = await page.box('[data-block-id="block-2"]');
    const third = await page.box('[data-block-id="block-3"]');
    const before = api.requests.length;
    // From the page's left margin, down across the second and third blocks.
    await page.mouse.move(second.x - 60, second.y + 4);
    await page.mouse.down();
    await page.mouse.move(second.x - 60, third.y + third.height / 2, 6);
    await page.mouse.up();
    expect(await page.evaluate(() => ({ halos: document.querySelectorAll('.notion-selectable-halo').length, domSelection: document.getSelection()?.toString() ?? '' }), null))
      .toEqual({ halos: 2, domSelection: '' });
    const tooltip = await waitForTooltip(page, /^API$/);
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    const sent = predicted(api, before);
    expect(sent).toContain(FIXTURE_PARAGRAPHS[1]!.slice(0, 40));
    expect(sent).toContain(FIXTURE_PARAGRAPHS[2]!.slice(-40));
    expect(sent).not.toContain(FIXTURE_PARAGRAPHS[0]!.slice(0, 40));
    expect(await messageTabs(browser, { scriptmeter: 1, type: 'selectionText' })).toContainEqual({ text: `${FIXTURE_PARAGRAPHS[1]}\n${FIXTURE_PARAGRAPHS[2]}`, source: 'selection' });
    // Placed at the last highlighted block's corner.
    expect(tooltip.y).toBeGreaterThan(third.y);
    await page.screenshot('notion-blocks');

    // Dismissed, then the pointer off the highlighted blocks (in one jump: it rests on them now): nothing; on one: the figure again.
    await page.press('Escape');
    expect(await tooltipState(page)).toBeNull();
    await page.mouse.move(second.x + second.width + 40, 4);
    expect(await expectNoTooltip(page)).toBeNull();
    await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2, 4);
    expect((await waitForTooltip(page, /./)).figure).toMatch(/^≈ \d+:\d\d/);
    expect(await page.evaluate(() => document.querySelectorAll('.notion-selectable-halo').length, null)).toBe(2);
    await page.screenshot('notion-hover');

    // A text selection inside a block is an ordinary DOM selection.
    await page.click('[data-block-id="block-4"] [contenteditable]');
    await page.selectAll();
    expect(await messageTabs(browser, { scriptmeter: 1, type: 'selectionText' })).toContainEqual({ text: 'A last short block.', source: 'selection' });
    await page.close();
  });

  it('Word for the web: the runs marked span.Selected in the cross-origin editing frame; hovering them after Esc shows it again', async () => {
    const page = await browser.open(pages.page('word'));
    const frame = await page.frame('#WacFrame_Word_0');
    await frame.evaluate(async () => {
      for (let i = 0; i < 100 && !(window as unknown as { fixture?: object }).fixture; i++) await new Promise((r) => setTimeout(r, 50));
    }, null);
    expect(await frame.evaluate(() => location.origin, null)).not.toBe(await page.evaluate(() => location.origin, null));
    const offset = await page.evaluate(() => { const f = document.querySelector('#WacFrame_Word_0')!; const r = f.getBoundingClientRect(); return { x: r.left + f.clientLeft, y: r.top + f.clientTop }; }, null);
    type Fixture = { pointAt(p: number, o: number): { x: number; y: number }; selectedText(): string };
    const at = (p: number, o: number) => frame.evaluate(([pp, oo]) => (window as unknown as { fixture: Fixture }).fixture.pointAt(pp, oo), [p, o] as const);
    const start = await at(0, 20);
    const end = await at(1, 30);
    const before = api.requests.length;
    await page.mouse.move(offset.x + start.x, offset.y + start.y);
    await page.mouse.down();
    await page.mouse.move(offset.x + end.x, offset.y + end.y, 8);
    await page.mouse.up();
    const marked = await frame.evaluate(() => (window as unknown as { fixture: Fixture }).fixture.selectedText(), null);
    expect(marked.split('|')).toHaveLength(2);
    const tooltip = await waitForTooltip(frame, /^API$/);
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    const [first, second] = marked.split('|') as [string, string];
    const sent = predicted(api, before);
    expect(sent).toContain(first.trim().slice(0, 30));
    expect(sent).toContain(second.trim().slice(-20));
    expect(sent).not.toContain(FIXTURE_PARAGRAPHS[0]!.slice(0, 15));
    // The popup asks every frame of the tab: the editing frame's answer is the one it gets.
    expect(await messageTabs(browser, { scriptmeter: 1, type: 'selectionText' })).toContainEqual({ text: `${first}\n${second}`, source: 'selection' });
    await page.screenshot('word-frame');

    // Dismissed, then the pointer off the marked runs (in one jump: it rests on them now): nothing; on one: the figure again; the marks stay.
    await page.press('Escape');
    expect(await tooltipState(frame)).toBeNull();
    // Word moving its caret in the page (Chromium sometimes reports one after Esc) selects nothing new.
    await frame.evaluate(() => document.getSelection()!.collapse(document.querySelector('.Paragraph')!.firstChild, 0), null);
    await page.mouse.move(offset.x + 4, offset.y + 4);
    expect(await expectNoTooltip(frame)).toBeNull();
    const run = await frame.evaluate(() => { const r = document.querySelector('span.Selected')!.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, null);
    await page.mouse.move(offset.x + run.x, offset.y + run.y, 4);
    expect((await waitForTooltip(frame, /./)).figure).toMatch(/^≈ \d+:\d\d/);
    expect(await frame.evaluate(() => (window as unknown as { fixture: Fixture }).fixture.selectedText(), null)).toBe(marked);
    await page.screenshot('word-hover');
    await page.close();
  });
});
