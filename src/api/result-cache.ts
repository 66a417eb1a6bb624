/**
 * A bounded LRU of read answers (search, ask) keyed by route and validated query. Repeated queries skip
 * query analysis, embedding and ranking.
 *
 * Two kinds of change, two freshness rules:
 * - **Documents** (an ingest here, or in another process seen through the graph's change marker):
 *   `refresh()` recomputes the most recently used answers against the new graph, then switches to them
 *   at once (like Solr's auto-warming of a new searcher). Meanwhile the answers from before are served,
 *   for at most the refresh's time budget; an upload's response waits for the refresh, so whoever
 *   uploaded reads their own write. Without warming, every ingest turned every cached query into a miss
 *   at the same moment and stalled search under load (`npm run load`). `invalidate()` forgets at once.
 * - **Vectors** (passages of committed documents getting their embeddings in the background): an answer
 *   computed before the latest batch of vectors is still served once while the fresh one is computed in
 *   the background (stale-while-revalidate, one refresh per query at a time).
 */
import { LRUCache } from 'lru-cache';

export interface ResultCacheOptions {
  /** Entries kept at most (least recently used evicted first). */
  max: number;
  /** An entry older than this is recomputed. */
  ttlMs: number;
  /** Most recently used answers a refresh recomputes (the rest are dropped). */
  warm: number;
  /** Answers a refresh computes at the same time. */
  warmConcurrency: number;
  /** A refresh starts no new computation after this long; what is done by then is kept. */
  warmBudgetMs: number;
}

export const DEFAULT_RESULT_CACHE: ResultCacheOptions = {
  max: 2_000,
  ttlMs: 10 * 60_000,
  warm: 128,
  warmConcurrency: 2,
  warmBudgetMs: 3_000,
};

interface Entry {
  value: unknown;
  /** The vector state the answer was computed on. */
  vectors: string | number;
  /** How to compute it again (for a refresh). */
  compute: () => Promise<unknown>;
}

export class ResultCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly opts: ResultCacheOptions;
  private generation = 0;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  hits = 0;
  misses = 0;
  /** Answers served while their refresh for newer vectors was being computed. */
  stale = 0;
  /** Answers recomputed by refreshes. */
  warmed = 0;

  /**
   * `vectors` names the state of the vector index (e.g. how many passages have their vector): answers
   * depend on it too, see the file comment.
   */
  constructor(
    opts: Partial<ResultCacheOptions> = {},
    private readonly vectors: () => string | number = () => 0,
  ) {
    this.opts = { ...DEFAULT_RESULT_CACHE, ...opts };
    this.lru = new LRUCache({ max: this.opts.max, ttl: this.opts.ttlMs });
  }

  /**
   * The cached answer for `route` + `query`, or computes and stores it; identical requests arriving while
   * it is computed share that computation. Failures are not cached.
   */
  async get<T>(route: string, query: unknown, compute: () => Promise<T>): Promise<T> {
    const key = `${this.generation}\u0000${route}\u0000${JSON.stringify(query)}`;
    const vectors = this.vectors();
    const hit = this.lru.get(key);
    if (hit && hit.vectors === vectors) {
      this.hits++;
      return hit.value as T;
    }
    const pending = this.inFlight.get(key);
    if (hit) {
      // computed on older vectors: serve it once more and refresh in the background
      this.stale++;
      if (!pending) this.compute(key, compute).catch(() => undefined);
      return hit.value as T;
    }
    // the same query already being computed (a burst of identical requests): wait for that answer
    if (pending) {
      this.hits++;
      return pending as Promise<T>;
    }
    this.misses++;
    return this.compute(key, compute);
  }

  private async compute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const gen = this.generation;
    const vectors = this.vectors();
    const computing = compute();
    this.inFlight.set(key, computing);
    try {
      const value = await computing;
      if (gen === this.generation) this.lru.set(key, { value, vectors, compute });
      return value;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * The documents changed: recomputes the most recently used answers, then serves only answers computed
   * after the change (see the file comment). Resolves when the switch is done; a call during a refresh
   * runs one more refresh after it.
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.rewarm();
        } while (this.refreshAgain);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private async rewarm(): Promise<void> {
    const prefix = `${this.generation}\u0000`;
    const todo = [...this.lru.entries()].filter(([k]) => k.startsWith(prefix)).slice(0, this.opts.warm);
    const fresh: [string, Entry][] = [];
    const deadline = performance.now() + this.opts.warmBudgetMs;
    const worker = async (): Promise<void> => {
      for (let next = todo.shift(); next && performance.now() < deadline; next = todo.shift()) {
        const [key, entry] = next;
        const vectors = this.vectors();
        try {
          fresh.push([
            key.slice(prefix.length),
            { value: await entry.compute(), vectors, compute: entry.compute },
          ]);
          this.warmed++;
        } catch {
          // not kept: the next request computes it
        }
      }
    };
    await Promise.all(Array.from({ length: this.opts.warmConcurrency }, worker));
    this.generation++;
    this.lru.clear();
    for (const [rest, entry] of fresh.reverse()) this.lru.set(`${this.generation}\u0000${rest}`, entry);
  }

  /** Forgets every answer at once. */
  invalidate(): void {
    this.generation++;
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
