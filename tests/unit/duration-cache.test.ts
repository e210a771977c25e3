import { describe, expect, it } from 'vitest';
import { cacheKey, DurationCache, type CacheEntries } from '@/lib/estimate/duration-cache';

const voice = { voiceId: 'v', language: 'en', model: 'sona_speech_1', style: undefined, speed: 1 };

describe('DurationCache', () => {
  it('keys on every parameter that changes the duration', () => {
    const base = cacheKey({ ...voice, text: 'Hello.' });
    for (const change of [{ text: 'Hello!' }, { voiceId: 'w' }, { language: 'ko' }, { model: 'sona_speech_2' }, { style: 'happy' }, { speed: 1.25 }]) {
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
    first.set('x', 1.25);
    await first.flush();
    const second = new DurationCache(10, persistence);
    await second.load();
    expect(second.get('x')).toBe(1.25);

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
