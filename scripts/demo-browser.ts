/**
 * `npm run demo`, the browser part: Chromium with the built extension, the local API double, and a
 * page of sample editors. Selects text as a user would (mouse drag, select-all, focus) and saves
 * screenshots of what appears. Headless where there is no display; with one, the browser stays open
 * until Ctrl+C so you can try it yourself.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startApiDouble } from '../tests/api-double/server';
import { chipState, launchInlineChromium, present, tooltipState, waitFor, waitForTooltip } from '../tests/pages/harness';
import { startFixtureServer } from '../tests/pages/server';
import { supertoneAt } from '../tests/fixtures/endpoints';

const VOICE = '91992bbd4758bdcf9c9b01';
const OUT = resolve('out/screenshots');
const headed = Boolean(process.env.DISPLAY);

async function shot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `demo-${name}.png`);
  await page.screenshot({ path });
  const tooltip = await tooltipState(page);
  console.log(`  ${tooltip ? `${tooltip.figure}  [${tooltip.mark}]` : '(no tooltip)'}  → ${path}`);
}

mkdirSync(OUT, { recursive: true });
const api = await startApiDouble({ latencyMs: 400 });
const pages = await startFixtureServer();
const browser = await launchInlineChromium({ headless: !headed });
console.log(`Chromium (${headed ? 'on your display' : 'headless'}) with .output/chrome-mv3, the local API on ${api.url} (400 ms latency).`);
try {
  await browser.saveSettings({ ...supertoneAt(api.url), voiceId: VOICE });
  await browser.setApiKey('test-key');
  const page = await browser.open(pages.page('demo'));

  console.log('\n1. Drag across the second line of the ad script:');
  const line = page.locator('#tiptap p').nth(1);
  const box = (await line.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 8, { steps: 12 });
  await page.mouse.up();
  await waitForTooltip(page, /approx/);
  await shot(page, '1-local-first');
  await waitForTooltip(page, /^API$/);
  await shot(page, '2-api-figure');

  console.log('\n2. Select all of a long narration in CodeMirror (read from the editor\'s model, not the visible lines):');
  await page.click('#codemirror .cm-content', { position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+a');
  await waitForTooltip(page, /^API$/);
  await shot(page, '3-codemirror-select-all');

  console.log('\n3. Focus the notes field: the chip shows the whole text\'s length:');
  await page.keyboard.press('Escape');
  await page.click('#textarea');
  // The narration's chip may still show for a moment as focus moves: wait for the notes field's own.
  const field = (await page.locator('#textarea').boundingBox())!;
  const chip = await waitFor(() => chipState(page), (state): state is NonNullable<typeof state> => present(state) && state.y >= field.y && state.y <= field.y + field.height, 'the notes field\'s chip');
  await page.screenshot({ path: join(OUT, 'demo-4-field-chip.png') });
  console.log(`  chip: ${chip.text}  → ${join(OUT, 'demo-4-field-chip.png')}`);

  if (headed) {
    console.log('\nThe browser stays open: select text yourself. Ctrl+C to finish.');
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
  }
} finally {
  await browser.close();
  await Promise.all([api.close(), pages.close()]);
}
