/**
 * `npm test`: type check, unit and contract tests, both browser builds, then the end-to-end tests
 * in real browsers. Prints one closing line "N passed, N failed" (CI reads it) and fails when any
 * step fails or when no test ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const reportSchema = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numTotalTests: z.number() });

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function vitest(label: string, config: string): { passed: number; failed: number; ok: boolean } {
  const report = join(mkdtempSync(join(tmpdir(), 'scriptmeter-report-')), 'report.json');
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const parsed = reportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    return { passed: parsed.numPassedTests, failed: parsed.numFailedTests + (parsed.numTotalTests - parsed.numPassedTests - parsed.numFailedTests), ok };
  } catch {
    return { passed: 0, failed: 1, ok: false }; // no report: the run itself broke
  }
}

let passed = 0;
let failed = 0;
const steps: string[] = [];

function count(step: string, ok: boolean): void {
  if (!ok) steps.push(step);
}

count('typecheck', run('Type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
const unit = vitest('Unit and contract tests', 'vitest.config.ts');
passed += unit.passed;
failed += unit.failed;
count('unit', unit.ok);
const built = run('Build (Chrome MV3, Firefox MV2)', 'npm', ['run', '--silent', 'build']);
count('build', built);
// The same code with the site readers (Docs, Word, Notion) also on their fixture pages, in .output/test-pages.
const builtForPages = built && run('Build for the site fixture pages', 'npm', ['run', '--silent', 'build:test-pages']);
count('build:test-pages', builtForPages);
if (built && builtForPages) {
  count('size', run('Size budgets', 'npx', ['tsx', 'scripts/size-check.ts']));
  count('web-ext lint', run('web-ext lint (Firefox build)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']));
  const e2e = vitest('End-to-end tests in Chromium and Firefox', 'vitest.e2e.config.ts');
  passed += e2e.passed;
  failed += e2e.failed;
  count('e2e', e2e.ok);
}

if (steps.length > 0) console.log(`\nFailed steps: ${steps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = steps.length > 0 || failed > 0 || passed === 0 ? 1 : 0;
