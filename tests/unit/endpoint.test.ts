import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '@/lib/sources/endpoint';

describe('checkEndpoint', () => {
  it('accepts https and normalizes a trailing slash', () => {
    expect(checkEndpoint('https://supertoneapi.com/')).toEqual({ ok: true, url: 'https://supertoneapi.com' });
    expect(checkEndpoint(' https://proxy.example.com/supertone/ ')).toEqual({ ok: true, url: 'https://proxy.example.com/supertone' });
  });

  it('allows plain http only to this machine', () => {
    expect(checkEndpoint('http://127.0.0.1:8787').ok).toBe(true);
    expect(checkEndpoint('http://localhost:8787').ok).toBe(true);
    const remote = checkEndpoint('http://proxy.example.com');
    expect(remote.ok).toBe(false);
    if (!remote.ok) expect(remote.error).toMatch(/https/);
  });

  it('explains what is wrong with other addresses', () => {
    for (const bad of ['supertoneapi.com', 'ftp://x.y', 'https://user:pw@x.y', 'https://x.y/?a=1', '']) {
      const result = checkEndpoint(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
    }
  });
});
