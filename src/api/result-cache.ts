/**
 * A bounded LRU of read answers (search, ask) keyed by route and validated query. Repeated queries skip
 * query analysis, embedding and ranking. Every ingest bumps the generation, so no answer from before an
 * ingest is served after it (an answer computed across the bump is stored under the old generation).
 */
import { LRUCache } from 'lru-cache';

export interface ResultCacheOptions {
  /** Entries kept at most (least recently used evicted first). */
  max: number;
  /** An entry older than this is recomputed. */
  ttlMs: number;
}

export const DEFAULT_RESULT_CACHE: ResultCacheOptions = { max: 2_000, ttlMs: 10 * 60_000 };

export class ResultCache {
  private readonly lru: LRUCache<string, { value: unknown }>;
  private generation = 0;
  hits = 0;
  misses = 0;

  /**
   * `stable` says whether answers may be kept now: while the vectors of new passages are still being
   * computed, hybrid answers change by themselves, so they are computed but not stored.
   */
  constructor(
    opts: ResultCacheOptions = DEFAULT_RESULT_CACHE,
    private readonly stable: () => boolean = () => true,
  ) {
    this.lru = new LRUCache({ max: opts.max, ttl: opts.ttlMs });
  }

  /** The cached answer for `route` + `query`, or computes and stores it. Failures are not cached. */
  async get<T>(route: string, query: unknown, compute: () => Promise<T>): Promise<T> {
    const gen = this.generation;
    const key = `${gen}\u0000${route}\u0000${JSON.stringify(query)}`;
    const hit = this.lru.get(key);
    if (hit) {
      this.hits++;
      return hit.value as T;
    }
    this.misses++;
    const value = await compute();
    if (gen === this.generation && this.stable()) this.lru.set(key, { value });
    return value;
  }

  /** Forgets every answer (call after the stored documents changed). */
  invalidate(): void {
    this.generation++;
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
