import { z } from 'zod';

/**
 * What a predicted duration depends on: the source that answered and everything its call was
 * given (see DurationSource.cacheInputs: fields a vendor does not take come in neutral).
 */
export interface CacheKeyParts {
  text: string;
  source: string;
  voiceId: string;
  language: string;
  model?: string;
  style?: string;
  speed: number;
}

/** Everything but the text: the settings a set of cached pieces belongs to. */
export function cacheScope(parts: Omit<CacheKeyParts, 'text'>): string {
  return JSON.stringify([parts.source, parts.voiceId, parts.language, parts.model ?? '', parts.style ?? '', parts.speed]);
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

const legacyScopeSchema = z.tuple([z.string(), z.string(), z.string(), z.string(), z.number()]);

/**
 * Keys saved before sources existed have no source in their scope ([voice, language, model, style,
 * speed]); Supertone was then the only one, so they are Supertone's. Anything else unreadable is
 * dropped (undefined): it would never be asked for again.
 */
export function upgradeCacheKey(key: string): string | undefined {
  const parts = splitCacheKey(key);
  if (!parts) return undefined;
  let scope: unknown;
  try {
    scope = JSON.parse(parts.scope);
  } catch {
    return undefined;
  }
  if (Array.isArray(scope) && scope.length === 6) return key;
  const legacy = legacyScopeSchema.safeParse(scope);
  if (!legacy.success) return undefined;
  const [voiceId, language, model, style, speed] = legacy.data;
  return cacheKey({ source: 'supertone', voiceId, language, model, style, speed, text: parts.text });
}

/** Saved entries: [key, seconds], or [key, seconds, 'paid'] for an answer that cost credits. */
const entrySchema = z.union([
  z.tuple([z.string(), z.number().finite().nonnegative()]),
  z.tuple([z.string(), z.number().finite().nonnegative(), z.literal('paid')]),
]);
export const cacheEntriesSchema = z.array(entrySchema);
export type CacheEntries = z.infer<typeof cacheEntriesSchema>;

/** Where the cache lives between runs: extension storage, or a file for the command line. */
export interface CachePersistence {
  /** Anything may come back (an old or corrupt store): it is checked before use. */
  load(): Promise<unknown>;
  save(entries: CacheEntries): Promise<void>;
}

/** Halvings tried when a save fails (storage full) before giving up on this save. */
const MAX_TRIMS = 4;

interface Entry {
  seconds: number;
  paid: boolean;
}

/**
 * Piece → seconds, saved in the background after changes. Free answers are a bounded
 * least-recently-used set; answers that cost credits are kept for good (never evicted, saved
 * first), so the same paid question is never asked twice. When storage is full the saved copy
 * keeps every paid answer and the newest free ones that fit.
 */
export class DurationCache {
  private readonly entries = new Map<string, Entry>();
  private freeCount = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void> | undefined;
  /** How many free entries fitted in storage at the last failed save; later saves stay within it. */
  private persistLimit = Infinity;

  constructor(
    private readonly maxEntries = 5_000,
    private readonly persistence?: CachePersistence,
    private readonly saveDelayMs = 1_000,
  ) {}

  /** Loads persisted entries once; a corrupt store is dropped, not fatal; old keys are upgraded. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.persistence) return;
      const list = z.array(z.unknown()).safeParse(await this.persistence.load().catch(() => []));
      if (!list.success) return;
      for (const raw of list.data) {
        const entry = entrySchema.safeParse(raw);
        if (!entry.success) continue;
        const [storedKey, seconds, paid] = entry.data;
        const key = upgradeCacheKey(storedKey);
        if (key !== undefined && !this.entries.has(key)) this.put(key, { seconds, paid: paid === 'paid' });
      }
    })();
    return this.loaded;
  }

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.seconds;
  }

  /** `paid`: the answer cost credits, so it is kept for good. A paid entry never turns free. */
  set(key: string, seconds: number, paid = false): void {
    const before = this.entries.get(key);
    this.put(key, { seconds, paid: paid || (before?.paid ?? false) });
    this.scheduleSave();
  }

  isPaid(key: string): boolean {
    return this.entries.get(key)?.paid ?? false;
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

  /** Forgets free answers only: paid ones were bought and stay. */
  clear(): void {
    for (const [key, entry] of this.entries) if (!entry.paid) this.entries.delete(key);
    this.freeCount = 0;
    this.scheduleSave();
  }

  /** Writes now; callers that exit (the command line) await this. */
  async flush(): Promise<void> {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.persist();
  }

  private put(key: string, entry: Entry): void {
    const before = this.entries.get(key);
    if (before && !before.paid) this.freeCount -= 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (!entry.paid) this.freeCount += 1;
    if (this.freeCount <= this.maxEntries) return;
    for (const [oldest, old] of this.entries) {
      if (this.freeCount <= this.maxEntries) break;
      if (old.paid) continue;
      this.entries.delete(oldest);
      this.freeCount -= 1;
    }
  }

  /** Saves every paid entry and the newest free ones that fit: on a failed save, half as many free ones, a few times. */
  private async persist(): Promise<void> {
    if (!this.persistence) return;
    const all = [...this.entries];
    const paid: CacheEntries = all.filter(([, e]) => e.paid).map(([key, e]) => [key, e.seconds, 'paid']);
    const free: CacheEntries = all.filter(([, e]) => !e.paid).map(([key, e]) => [key, e.seconds]);
    let kept = free.slice(Math.max(0, free.length - this.persistLimit));
    for (let trims = 0; ; trims++) {
      try {
        await this.persistence.save([...paid, ...kept]);
        if (trims > 0) {
          console.warn(`ScriptMeter: storage is full; the saved duration cache keeps its ${kept.length} newest of ${free.length} free entries and every paid one.`);
        }
        return;
      } catch (error) {
        if (trims === MAX_TRIMS || kept.length === 0) throw error;
        kept = kept.slice(Math.ceil(kept.length / 2));
        this.persistLimit = kept.length;
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
