import { z } from 'zod';

/** What a predicted duration depends on: everything the API call is given. */
export interface CacheKeyParts {
  text: string;
  voiceId: string;
  language: string;
  model: string;
  style?: string;
  speed: number;
}

/** Everything but the text: the settings a set of cached pieces belongs to. */
export function cacheScope(parts: Omit<CacheKeyParts, 'text'>): string {
  return JSON.stringify([parts.voiceId, parts.language, parts.model, parts.style ?? '', parts.speed]);
}

/** Scope and text joined by NUL, which JSON output never contains raw. */
export function cacheKey(parts: CacheKeyParts): string {
  return `${cacheScope(parts)}\u0000${parts.text}`;
}

/** The inverse of cacheKey. */
export function splitCacheKey(key: string): { scope: string; text: string } | undefined {
  const cut = key.indexOf('\u0000');
  return cut < 0 ? undefined : { scope: key.slice(0, cut), text: key.slice(cut + 1) };
}

export const cacheEntriesSchema = z.array(z.tuple([z.string(), z.number().finite().nonnegative()]));
export type CacheEntries = z.infer<typeof cacheEntriesSchema>;

/** Where the cache lives between runs: extension storage, or a file for the command line. */
export interface CachePersistence {
  /** Anything may come back (an old or corrupt store): it is checked before use. */
  load(): Promise<unknown>;
  save(entries: CacheEntries): Promise<void>;
}

/** Halvings tried when a save fails (storage full) before giving up on this save. */
const MAX_TRIMS = 4;

/**
 * Bounded least-recently-used map of piece → seconds, saved in the background after changes.
 * When storage is full the saved copy shrinks to its newest entries, leaving room for settings.
 */
export class DurationCache {
  private readonly entries = new Map<string, number>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void> | undefined;
  /** How many entries fitted in storage at the last failed save; later saves stay within it. */
  private persistLimit = Infinity;

  constructor(
    private readonly maxEntries = 5_000,
    private readonly persistence?: CachePersistence,
    private readonly saveDelayMs = 1_000,
  ) {}

  /** Loads persisted entries once; a corrupt store is dropped, not fatal. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.persistence) return;
      const parsed = cacheEntriesSchema.safeParse(await this.persistence.load().catch(() => []));
      if (!parsed.success) return;
      for (const [key, seconds] of parsed.data.slice(-this.maxEntries)) {
        if (!this.entries.has(key)) this.entries.set(key, seconds);
      }
    })();
    return this.loaded;
  }

  get(key: string): number | undefined {
    const seconds = this.entries.get(key);
    if (seconds !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, seconds);
    }
    return seconds;
  }

  set(key: string, seconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, seconds);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.scheduleSave();
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.scheduleSave();
  }

  /** Writes now; callers that exit (the command line) await this. */
  async flush(): Promise<void> {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.persist();
  }

  /** Saves the newest entries that fit: on a failed save, half as many, a few times, then the error. */
  private async persist(): Promise<void> {
    if (!this.persistence) return;
    const all = [...this.entries];
    let entries = all.slice(Math.max(0, all.length - this.persistLimit));
    for (let trims = 0; ; trims++) {
      try {
        await this.persistence.save(entries);
        if (trims > 0) {
          console.warn(`ScriptMeter: storage is full; the saved duration cache keeps its ${entries.length} newest of ${all.length} entries.`);
        }
        return;
      } catch (error) {
        if (trims === MAX_TRIMS || entries.length === 0) throw error;
        entries = entries.slice(Math.ceil(entries.length / 2));
        this.persistLimit = entries.length;
      }
    }
  }

  private scheduleSave(): void {
    if (!this.persistence || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      // A failed save (quota, disk) only costs future cache hits; the estimate itself is unaffected.
      this.persist().catch((error: unknown) => {
        console.warn('ScriptMeter: the duration cache could not be saved; estimates still work.', error);
      });
    }, this.saveDelayMs);
  }
}
