/**
 * First-open benchmarks (part of `npm run bench`), Chromium with the built extension, each in a
 * fresh profile where the browser's first `storage.managed.get()` takes seconds:
 * - options, first open after install, until its fields are usable (filled from the settings);
 * - the popup, first open after install, until its estimate panel is there;
 * - the first tooltip after a browser start (the profile used once, the browser started again):
 *   from the double-click's pointerup to the frame after the tooltip appears.
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

async function launch(build: string, profile: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1000, height: 800 }, args: chromiumExtensionArgs(build),
  });
  const id = new URL((await extensionWorker(context, build)).url()).host;
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

async function firstOpen(build: string, path: string, ready: string): Promise<number> {
  const { context, id } = await launch(build, mkdtempSync(join(tmpdir(), 'sm-first-')));
  try {
    const page = await context.newPage();
    const usable = await untilUsable(page, `chrome-extension://${id}/${path}`, ready);
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const key = `${build} ${path}`;
    pageLoads.set(key, [...pageLoads.get(key) ?? [], loaded]);
    return usable;
  } finally {
    await context.close();
  }
}

async function firstTooltipAfterStart(build: string, pagesUrl: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'sm-restart-'));
  await (await launch(build, profile)).context.close();
  const { context } = await launch(build, profile);
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

type Measure = { what: string; goal: number; run: (build: string, pagesUrl: string) => Promise<number> };
const MEASURES: Measure[] = [
  { what: 'Options, first open after install (fresh profile), until its fields are usable', goal: 500, run: (build) => firstOpen(build, 'options.html', OPTIONS_USABLE) },
  { what: 'Popup, first open after install (fresh profile), until its estimate panel is there', goal: 500, run: (build) => firstOpen(build, 'popup.html', POPUP_USABLE) },
  { what: 'First tooltip after a browser start (local figure), pointerup → frame after it shows', goal: 300, run: firstTooltipAfterStart },
];

/**
 * The floor: an empty page of the same extension, opened the same way (fresh profile, right after the
 * browser starts). What a first open costs beyond it is ScriptMeter's own; the rest is the browser's.
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
  const met = median(after) <= measure.goal;
  const path = measure.what.startsWith('Options') ? 'options.html' : measure.what.startsWith('Popup') ? 'popup.html' : undefined;
  const loads = path ? pageLoads.get(`${BUILD} ${path}`) : undefined;
  const own = loads ? `, of which the page's own loading (to DOMContentLoaded) median ${median(loads).toFixed(0)} ms` : '';
  return `| ${measure.what} | ${figure(after)}${own}${BEFORE ? `; before: ${figure(before)}` : ''} | ≤ ${measure.goal} ms | ${met ? 'met' : 'NOT met'} |`;
});
const floor = await emptyPageFloor();
console.log(`\nFirst open (Chromium, ${RUNS} runs each; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):\n\n| measure | figure | goal | |\n|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\nFor scale, an empty page of the same extension opened the same way: ${figure(floor)}.`);
