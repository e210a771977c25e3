import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run demo`'s command-line part, as a newcomer runs it: every step must show the product working. */
describe('demo (command line part)', () => {
  it('shows both sources: local, Supertone (API, cache, speed, balance, the sunset) and AudioStack (the cap, a purchase, the cache, balance)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, out).toBe(0);
    expect(out).toContain('No API key: approximate local estimate.');
    expect(out).toMatch(/source: api \(Supertone\), 3 API calls/);
    expect(out).toMatch(/"chunks":0,"source":"cache"/);
    expect(out).toMatch(/"chunks":3,"source":"api"/);
    expect(out).toContain('Balance: 12,500 credits\n(exit 3)');
    expect(out).toMatch(/Supertone announced its API's shutdown for 2026-08-31.*\n\(exit 1\)/);
    expect(out).toMatch(/over --max-credits 0\.25: no call made.*\n\(exit 5\)/);
    expect(out).toMatch(/"chunks":1,"source":"api".*"vendor":"audiostack","predictCredits":0\.25,"provider":"azure"/);
    expect(out).toMatch(/"chunks":0,"source":"cache".*"vendor":"audiostack","predictCredits":0,"provider":"azure"/);
    expect(out).toContain('{"balance":249.5}');
    expect(out).toMatch(/are both set: choose one with --source[\s\S]*\(exit 2\)/);
    expect(out.match(/\(exit 0\)/g)).toHaveLength(8);
  }, 120_000);
});
