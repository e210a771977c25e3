import { describe, expect, it } from 'vitest';
import { loadOnce } from '@/components/lazy';

/** The options page's checks load once, after its first render; a save awaits them or uses them at once. */
describe('loadOnce', () => {
  it('loads once, and is there without an await once it has loaded', async () => {
    let imports = 0;
    const lazy = loadOnce(async () => ({ check: ++imports }));
    expect(lazy.loaded()).toBeUndefined();
    const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
    expect(first).toBe(second);
    expect(lazy.loaded()).toBe(first);
    expect(imports).toBe(1);
  });

  it('tries again after a failed load instead of failing every later save', async () => {
    let attempts = 0;
    const lazy = loadOnce(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk not loaded');
      return { check: attempts };
    });
    await expect(lazy.load()).rejects.toThrow('chunk not loaded');
    expect(lazy.loaded()).toBeUndefined();
    expect(await lazy.load()).toEqual({ check: 2 });
  });
});
