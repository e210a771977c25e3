/**
 * `npm run size`: fails when a build grows past its budget. The content script is injected into
 * every page the user opens, so it has the tightest budget; the whole extension is what users
 * download. Budgets are raw bytes as shipped (stores and browsers unpack the zip); gzip is printed
 * for comparison only. Run after `npm run build`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Budget {
  label: string;
  /** Files under the build directory, relative; a directory counts everything under it. */
  path: string;
  maxBytes: number;
}

const KB = 1024;
const BUDGETS: Budget[] = [
  { label: 'content script', path: 'content-scripts/content.js', maxBytes: 60 * KB },
  { label: 'editor bridge (page world)', path: 'content-scripts/editor-bridge.js', maxBytes: 8 * KB },
  { label: 'whole extension', path: '.', maxBytes: 600 * KB },
];
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

function size(path: string): { raw: number; gzip: number } {
  return files(path).reduce((sum, file) => {
    const bytes = readFileSync(file);
    return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
  }, { raw: 0, gzip: 0 });
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
let over = 0;
for (const build of BUILDS) {
  for (const budget of BUDGETS) {
    const { raw, gzip } = size(join(build, budget.path));
    const ok = raw <= budget.maxBytes;
    if (!ok) over++;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${build} ${budget.label}: ${kb(raw)} (gzip ${kb(gzip)}) of ${kb(budget.maxBytes)}`);
  }
}
if (over > 0) console.log(`\n${over} budget(s) exceeded: shrink the bundle or raise the budget in scripts/size-check.ts with a reason.`);
process.exitCode = over > 0 ? 1 : 0;
