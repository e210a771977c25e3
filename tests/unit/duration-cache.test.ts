import { describe, expect, it } from 'vitest';
import { cacheKey, DurationCache, upgradeCacheKey, type CacheEntries } from '@/lib/estimate/duration-cache';

const voice = { source: 'supertone', voiceId: 'v', language: 'en', model: 'sona_speech_1', style: undefined, speed: 1 };
const key = (text: string) => cacheKey({ ...voice, text });

describe('DurationCache', () => {
  it('keys on every parameter that changes the duration', () => {
    const base = cacheKey({ ...voice, text: 'Hello.' });
    for (const change of [{ text: 'Hello!' }, { source: 'audiostack' }, { voiceId: 'w' }, { language: 'ko' }, { model: 'sona_speech_2' }, { style: 'happy' }, { speed: 1.25 }]) {
      expect(cacheKey({ ...voice, text: 'Hello.', ...change })).not.toBe(base);
    }
  });

  it('evicts the least recently used entry past its bound', () => {
    const cache = new DurationCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('persists and reloads, dropping a corrupt store', async () => {
    let stored: unknown = [];
    const persistence = { load: async () => stored, save: async (entries: CacheEntries) => { stored = entries; } };
    const first = new DurationCache(10, persistence, 0);
    first.set(key('x'), 1.25);
    await first.flush();
    const second = new DurationCache(10, persistence);
    await second.load();
    expect(second.get(key('x'))).toBe(1.25);

    stored = { not: 'a cache' };
    const third = new DurationCache(10, persistence);
    await third.load();
    expect(third.size).toBe(0);
  });

  it('survives a failing store (quota exceeded)', async () => {
    const persistence = { load: async () => { throw new Error('nope'); }, save: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    const cache = new DurationCache(10, persistence, 0);
    await cache.load();
    cache.set('k', 2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cache.get('k')).toBe(2);
  });
});

describe('DurationCache: paid answers and keys from before sources', () => {
  it('keeps paid answers for good: the free bound evicts only free ones, and clear() spares them', () => {
    const cache = new DurationCache(2);
    cache.set(key('paid'), 9, true);
    for (let i = 0; i < 10; i++) cache.set(key(`free ${i}`), i);
    expect(cache.get(key('paid'))).toBe(9);
    expect(cache.isPaid(key('paid'))).toBe(true);
    expect(cache.size).toBe(3);
    cache.set(key('paid'), 9); // a later free write of the same answer does not make it free
    expect(cache.isPaid(key('paid'))).toBe(true);
    cache.clear();
    expect([...cache.keys()]).toEqual([key('paid')]);
  });

  it('saves paid answers first and reloads them as paid', async () => {
    let stored: unknown = [];
    const persistence = { load: async () => stored, save: async (entries: CacheEntries) => { stored = entries; } };
    const cache = new DurationCache(10, persistence, 0);
    cache.set(key('free'), 1);
    cache.set(key('paid'), 2, true);
    await cache.flush();
    expect(stored).toEqual([[key('paid'), 2, 'paid'], [key('free'), 1]]);
    const again = new DurationCache(10, persistence);
    await again.load();
    expect(again.isPaid(key('paid'))).toBe(true);
    expect(again.isPaid(key('free'))).toBe(false);
  });

  it('reads keys saved before sources as Supertone\'s, and drops what is not a key', async () => {
    const legacy = `${JSON.stringify(['v', 'en', 'sona_speech_1', '', 1])}\u0000Hello.`;
    expect(upgradeCacheKey(legacy)).toBe(key('Hello.'));
    expect(upgradeCacheKey(key('Hello.'))).toBe(key('Hello.'));
    expect(upgradeCacheKey('no separator')).toBeUndefined();
    expect(upgradeCacheKey('{not json\u0000text')).toBeUndefined();
    const cache = new DurationCache(10, { load: async () => [[legacy, 3.5], ['junk', 1], 'junk'], save: async () => undefined });
    await cache.load();
    expect(cache.get(key('Hello.'))).toBe(3.5);
    expect(cache.size).toBe(1);
  });
});

describe('DurationCache in a full storage', () => {
  /** A store with room for `room` entries: a bigger save fails as storage.local does at its quota. */
  function storeWithRoom(room: number) {
    const store = { saved: [] as CacheEntries, tries: 0 };
    const persistence = {
      load: async () => store.saved,
      save: async (entries: CacheEntries) => {
        store.tries++;
        if (entries.length > room) throw new Error('Resource::kQuotaBytes quota exceeded');
        store.saved = entries;
      },
    };
    return { store, persistence };
  }

  it('saves its newest entries that fit, and stays within that size afterwards', async () => {
    const { store, persistence } = storeWithRoom(30);
    const cache = new DurationCache(100, persistence, 0);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    await cache.flush();
    expect(store.saved.length).toBeGreaterThan(0);
    expect(store.saved.length).toBeLessThanOrEqual(30);
    expect(store.saved.at(-1)).toEqual(['k99', 99]); // the newest is kept
    expect(cache.size).toBe(100); // memory is not storage: every entry still answers

    cache.set('k100', 100);
    store.tries = 0;
    await cache.flush();
    expect(store.tries).toBe(1);
    expect(store.saved.at(-1)).toEqual(['k100', 100]);

    cache.set('bought', 7, true); // a paid answer is saved whatever the room for free ones
    await cache.flush();
    expect(store.saved[0]).toEqual(['bought', 7, 'paid']);
  });

  it('gives up after a few halvings when nothing fits', async () => {
    const { store, persistence } = storeWithRoom(0);
    const cache = new DurationCache(100, persistence, 0);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    await expect(cache.flush()).rejects.toThrow(/quota/);
    expect(store.tries).toBeLessThanOrEqual(5);
    expect(cache.get('k5')).toBe(5);
  });
});
