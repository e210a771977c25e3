import type { Page } from 'playwright-core';
import type { InlineBrowser } from '../pages/harness';
import { poll } from './browsers';

/** Code run in ScriptMeter's content-script world, as an attacker who controls that world would. */
export interface ContentWorld {
  page: Page;
  /** Evaluates `expression` there (awaiting a promise) and returns its value, or the exception's text. */
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Opens `url` and reaches ScriptMeter's isolated content-script world over the DevTools protocol
 * (Chromium names the world after the extension).
 */
export async function openContentWorld(browser: InlineBrowser, url: string): Promise<ContentWorld> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds: Array<{ id: number; name: string; type: string }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    worlds.push({ id: context.id, name: context.name, type: aux?.type ?? '' });
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  const isOurs = (w: { name: string; type: string }) => w.type === 'isolated' && w.name === 'ScriptMeter';
  await poll(async () => worlds.some(isOurs), Boolean, `ScriptMeter's content-script world (seen: ${JSON.stringify(worlds)})`);
  const world = worlds.find(isOurs);
  return {
    page,
    async evaluate(expression) {
      const answer = await cdp.send('Runtime.evaluate', { contextId: world?.id, expression, awaitPromise: true, returnByValue: true });
      return answer.exceptionDetails ? `exception: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}` : answer.result.value;
    },
  };
}
