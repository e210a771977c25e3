/**
 * First-open benchmarks (part of `npm run bench`), Chromium with the built extension, each in a
 * fresh profile where the browser's first `storage.managed.get()` takes seconds:
 * - options, first open after install, until its fields are usable (filled from the settings);
 * - the popup, first open after install, until its estimate panel is there;
 * - the popup's first open with the background asleep (stopped, as the browser does after 30 s idle);
 * - the first tooltip after a browser start (the profile used once, the browser started again):
 *   from the double-click's pointerup to the frame after the tooltip appears.
 * A first open is measured as a user meets it: one second after the background first started (no
 * click comes sooner after an install). Opened the moment the background appears instead, the page
 * waits for the background's own first start; that is measured too, for scale, without a goal.
 * With SCRIPTMETER_BENCH_BEFORE=<an older build's chrome-mv3>, each run measures that build too, in
 * turns with this one, so the load of a shared machine falls on both. Prints a Markdown table.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumExtensionArgs, extensionWorker } from '../tests/e2e/browsers';
import { startFixtureServer } from '../tests/pages/server';
import { selectWord } from './page-actions';

const BUILD = resolve('.output/chrome-mv3');
const BEFORE = process.env.SCRIPTMETER_BENCH_BEFORE ? resolve(process.env.SCRIPTMETER_BENCH_BEFORE) : undefined;
const RUNS = 3;

/** How a page is opened after the browser starts with the extension just installed. */
type Opening = 'settled' | 'starting' | 'asleep';
/** No click comes sooner after an install than this after the background first started. */
const FIRST_CLICK_MS = 1000;

async function launch(build: string, profile: string, opening: Opening = 'settled'): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1000, height: 800 }, args: chromiumExtensionArgs(build),
  });
  const worker = await extensionWorker(context, build);
  const id = new URL(worker.url()).host;
  if (opening !== 'starting') {
    await worker.evaluate(() => 1); // answered once its script has run
    await new Promise((r) => setTimeout(r, FIRST_CLICK_MS));
  }
  if (opening === 'asleep') {
    const blank = await context.newPage();
    const session = await context.newCDPSession(blank);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await blank.close();
  }
  return { context, id };
}

/** Milliseconds from the page's navigation start until `ready()` holds, checked every frame in the page. */
async function untilUsable(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // Source text, not a function: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const usable = ${ready};
    const deadline = performance.now() + 20000;
    const check = () => usable() ? resolve(performance.now()) : performance.now() > deadline ? reject(new Error('never usable')) : requestAnimationFrame(check);
    check();
  })`) as Promise<number>;
}

const OPTIONS_USABLE = `() => { const e = document.querySelector('#endpoint'); const s = document.querySelector('#speed'); return !!e && e.value !== '' && !!s && s.value !== ''; }`;
const POPUP_USABLE = `() => document.querySelector('#paste') !== null`;

/** The page's own loading (until DOMContentLoaded), per build: the part of a first open that is not waiting for settings. */
const pageLoads = new Map<string, number[]>();

async function firstOpen(build: string, path: string, ready: string, opening: Opening = 'settled'): Promise<number> {
  const { context, id } = await launch(build, mkdtempSync(join(tmpdir(), 'sm-first-')), opening);
  try {
    const page = await context.newPage();
    const usable = await untilUsable(page, `chrome-extension://${id}/${path}`, ready);
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const key = `${build} ${path} ${opening}`;
    pageLoads.set(key, [...pageLoads.get(key) ?? [], loaded]);
    return usable;
  } finally {
    await context.close();
  }
}

async function firstTooltipAfterStart(build: string, pagesUrl: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'sm-restart-'));
  await (await launch(build, profile)).context.close();
  // The page opens at once: the tooltip's figure must not wait for the background's start.
  const { context } = await launch(build, profile, 'starting');
  try {
    const page = await context.newPage();
    await page.goto(`${pagesUrl}/pages/bench.html`);
    await page.waitForSelector('html[data-ready="true"]');
    await selectWord(page, 5);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const times = await page.evaluate(() => (window as unknown as { bench: { tooltipTimes: Array<{ ms: number }> } }).bench.tooltipTimes);
      if (times[0]) return times[0].ms;
      if (Date.now() > deadline) throw new Error('no tooltip after the browser start');
      await page.waitForTimeout(20);
    }
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figure = (values: number[]) => `median ${median(values).toFixed(0)} ms (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;

type Measure = { what: string; goal?: number; page?: string; opening?: Opening; run: (build: string, pagesUrl: string) => Promise<number> };
const pageMeasure = (what: string, page: string, ready: string, opening: Opening, goal?: number): Measure => ({ what, goal, page, opening, run: (build) => firstOpen(build, page, ready, opening) });
const MEASURES: Measure[] = [
  pageMeasure('Options, first open after install (fresh profile), until its fields are usable', 'options.html', OPTIONS_USABLE, 'settled', 500),
  pageMeasure('Popup, first open after install (fresh profile), until its estimate panel is there', 'popup.html', POPUP_USABLE, 'settled', 500),
  pageMeasure('Popup, first open with the background asleep (stopped, as after 30 s idle; fresh profile)', 'popup.html', POPUP_USABLE, 'asleep', 500),
  { what: 'First tooltip after a browser start (local figure), pointerup → frame after it shows', goal: 300, run: firstTooltipAfterStart },
  pageMeasure('For scale: options opened the moment the background appears, while its first start is under way', 'options.html', OPTIONS_USABLE, 'starting'),
  pageMeasure('For scale: the popup opened the same way', 'popup.html', POPUP_USABLE, 'starting'),
];

/**
 * The floor: an empty page of the same extension, opened the same way (fresh profile, a second after
 * the background first started). What a first open costs beyond it is ScriptMeter's own; the rest is the browser's.
 */
async function emptyPageFloor(): Promise<number[]> {
  const copy = mkdtempSync(join(tmpdir(), 'sm-floor-'));
  cpSync(BUILD, copy, { recursive: true });
  writeFileSync(join(copy, 'empty.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body><p id="empty">.</p></body></html>');
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstOpen(copy, 'empty.html', `() => document.querySelector('#empty') !== null`));
  return runs;
}

const pages = await startFixtureServer();
const results = MEASURES.map(() => ({ after: [] as number[], before: [] as number[] }));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [index, measure] of MEASURES.entries()) {
      // In turns, starting with the other build each run.
      const order = BEFORE ? (i % 2 === 0 ? ['before', 'after'] as const : ['after', 'before'] as const) : ['after'] as const;
      for (const side of order) results[index]![side].push(await measure.run(side === 'after' ? BUILD : BEFORE!, pages.url));
    }
  }
} finally {
  await pages.close();
}
const rows = MEASURES.map((measure, index) => {
  const { after, before } = results[index]!;
  const loads = measure.page ? pageLoads.get(`${BUILD} ${measure.page} ${measure.opening}`) : undefined;
  const own = loads ? `, of which the page's own loading (to DOMContentLoaded) median ${median(loads).toFixed(0)} ms` : '';
  const goal = measure.goal === undefined ? '| — | — |' : `| ≤ ${measure.goal} ms | ${median(after) <= measure.goal ? 'met' : 'NOT met'} |`;
  return `| ${measure.what} | ${figure(after)}${own}${BEFORE ? `; before: ${figure(before)}` : ''} ${goal}`;
});
const floor = await emptyPageFloor();
console.log(`\nFirst open (Chromium, ${RUNS} runs each; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):\n\n| measure | figure | goal | |\n|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\nFor scale, an empty page of the same extension opened the same way: ${figure(floor)}.`);
