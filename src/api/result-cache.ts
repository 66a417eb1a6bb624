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
  private readonly inFlight = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  /**
   * `vectors` names the state of the vector index (e.g. how many passages have their vector): answers
   * depend on it too, so while new passages are being embedded an answer is kept only until the next
   * batch of vectors lands.
   */
  constructor(
    opts: ResultCacheOptions = DEFAULT_RESULT_CACHE,
    private readonly vectors: () => string | number = () => 0,
  ) {
    this.lru = new LRUCache({ max: opts.max, ttl: opts.ttlMs });
  }

  /**
   * The cached answer for `route` + `query`, or computes and stores it; identical requests arriving while
   * it is computed share that computation. Failures are not cached.
   */
  async get<T>(route: string, query: unknown, compute: () => Promise<T>): Promise<T> {
    const gen = this.generation;
    const key = `${gen}\u0000${this.vectors()}\u0000${route}\u0000${JSON.stringify(query)}`;
    const hit = this.lru.get(key);
    if (hit) {
      this.hits++;
      return hit.value as T;
    }
    // the same query already being computed (a burst of identical requests): wait for that answer
    const pending = this.inFlight.get(key);
    if (pending) {
      this.hits++;
      return pending as Promise<T>;
    }
    this.misses++;
    const computing = compute();
    this.inFlight.set(key, computing);
    try {
      const value = await computing;
      if (gen === this.generation) this.lru.set(key, { value });
      return value;
    } finally {
      this.inFlight.delete(key);
    }
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
