import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { poll, type ExtPage } from './browsers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page, in either browser: the serious and critical violations, by rule and target. */
export async function seriousA11yProblems(page: ExtPage): Promise<string[]> {
  await page.evaluateSource(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  }, null);
}

export interface Download {
  name: string;
  type: string;
  text: string;
}

/**
 * Runs `act` (a click or key press on an export button) and reads the file the page offered: the
 * blob behind its `<a download>` click is kept instead of saved, the same in both browsers.
 */
export async function downloadAfter(page: ExtPage, act: () => Promise<void>): Promise<Download> {
  const before = await page.evaluate(() => {
    const scope = globalThis as unknown as { __downloads?: Array<{ name: string; href: string }> };
    if (!scope.__downloads) {
      const downloads: Array<{ name: string; href: string }> = [];
      scope.__downloads = downloads;
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
        if (this.download) downloads.push({ name: this.download, href: this.href });
      };
    }
    return scope.__downloads.length;
  }, null);
  await act();
  const read = () => page.evaluate(async (count) => {
    const downloads = (globalThis as unknown as { __downloads: Array<{ name: string; href: string }> }).__downloads;
    const last = downloads.length > count ? downloads.at(-1) : undefined;
    if (!last) return undefined;
    const blob = await (await fetch(last.href)).blob();
    return { name: last.name, type: blob.type, text: await blob.text() };
  }, before);
  const download = await poll(read, (d) => d !== undefined, 'a download');
  if (!download) throw new Error('no download');
  return download;
}
