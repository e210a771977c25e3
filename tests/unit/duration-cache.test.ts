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
