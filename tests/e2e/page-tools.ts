import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExtPage } from './browsers';

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
 * Makes the page keep what it offers for download (the blob behind an `<a download>` click)
 * instead of saving it, the same in both browsers; `takeDownload` then reads the last one.
 */
export function catchDownloads(page: ExtPage): Promise<void> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { __downloads?: Array<{ name: string; href: string }> };
    if (scope.__downloads) return;
    const downloads: Array<{ name: string; href: string }> = [];
    scope.__downloads = downloads;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (this.download) downloads.push({ name: this.download, href: this.href });
    };
  }, null);
}

/** The newest download offered since `catchDownloads`, once there are more than `seen`. */
export async function takeDownload(page: ExtPage, seen: number): Promise<Download | undefined> {
  return page.evaluate(async (count) => {
    const downloads = (globalThis as unknown as { __downloads?: Array<{ name: string; href: string }> }).__downloads ?? [];
    const last = downloads.length > count ? downloads.at(-1) : undefined;
    if (!last) return undefined;
    const blob = await (await fetch(last.href)).blob();
    return { name: last.name, type: blob.type, text: await blob.text() };
  }, seen);
}
