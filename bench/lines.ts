/**
 * `npm run bench` (lines): `scriptmeter lines` on a 100,000-row localisation sheet with the local
 * source, run as the command line runs (a child process), timed, with its peak memory (VmHWM, read
 * from /proc while it runs), and once more with 10,000 rows to show memory does not grow with the sheet.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sentence } from '../tests/fixtures/scripts';

const SPEAKERS = ['ANNA', 'BEN', 'Narrator', 'GUARD 2', 'Mira'];
const dir = mkdtempSync(join(tmpdir(), 'scriptmeter-bench-lines-'));

/** A sheet as localisation tools export it: ids, speaker, a quoted line (commas, quotes, some line breaks), a slot. */
function sheet(rows: number): string {
  const out = ['id,speaker,text,max_seconds,notes'];
  for (let i = 0; i < rows; i++) {
    const text = i % 7 === 0 ? `${sentence(i)}\n${sentence(i + 1)}` : `${sentence(i)} "${sentence(i + 2).slice(0, 30)}", she said.`;
    out.push(`line_${i},${SPEAKERS[i % SPEAKERS.length]},"${text.replace(/"/g, '""')}",${4 + (i % 5)},`);
  }
  return `${out.join('\r\n')}\r\n`;
}

function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // gone already
  }
}

async function run(rows: number): Promise<{ ms: number; peakMb: number; code: number | null; bytes: number }> {
  const path = join(dir, `sheet-${rows}.csv`);
  writeFileSync(path, sheet(rows));
  const out = join(dir, `result-${rows}.csv`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'lines', path, '--text-column', 'text',
    '--speaker-column', 'speaker', '--max-seconds-column', 'max_seconds', '--out', out, '--no-cache'], {
    env: { PATH: process.env.PATH ?? '', SCRIPTMETER_CACHE_DIR: join(dir, 'cache') }, stdio: ['ignore', 'ignore', 'ignore'],
  });
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, peakKb(child.pid ?? 0)); }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  return { ms: performance.now() - started, peakMb: peak / 1024, code, bytes: readFileSync(path).byteLength };
}

const small = await run(10_000);
const large = await run(100_000);
rmSync(dir, { recursive: true, force: true });
const rate = 100_000 / (large.ms / 1000);
const growth = large.peakMb / small.peakMb;
const rows = [
  ['`lines` throughput, 100,000 rows (local source, CSV with quotes and line breaks, run as a child process)',
    `${Math.round(rate).toLocaleString('en')} rows/s (${(large.ms / 1000).toFixed(1)} s, ${(large.bytes / 1e6).toFixed(1)} MB sheet, exit ${large.code})`, '≥ 2,000 rows/s', rate >= 2_000],
  ['`lines` peak memory (VmHWM), 100,000 rows vs 10,000 rows', `${large.peakMb.toFixed(0)} MB vs ${small.peakMb.toFixed(0)} MB (× ${growth.toFixed(2)})`, '≤ 1.5× for 10× the rows (bounded)', growth <= 1.5],
] as const;
console.log('\n| measure | figure | goal | |\n|---|---|---|---|');
for (const [what, figure, goal, met] of rows) console.log(`| ${what} | ${figure} | ${goal} | ${met ? 'met' : 'NOT met'} |`);
