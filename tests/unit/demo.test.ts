import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run demo`'s command-line part, as a newcomer runs it: every step must show the product working. */
describe('demo (command line part)', () => {
  it('shows a local estimate, an API estimate, a cache hit, another speed and a balance check', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, out).toBe(0);
    expect(out).toContain('No API key: approximate local estimate.');
    expect(out).toMatch(/source: api, 3 API calls/);
    expect(out).toMatch(/"chunks":0,"source":"cache"/);
    expect(out).toMatch(/"chunks":3,"source":"api"/);
    expect(out).toContain('Balance: 12,500 credits\n(exit 3)');
    expect(out.match(/\(exit 0\)/g)).toHaveLength(4);
  }, 60_000);
});
