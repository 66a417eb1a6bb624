/**
 * Lexical top-10 latency in process: the search's own Lucene path (`lexicalSearch` over the PassageStore,
 * the candidates and coordination the service uses), and the retired in-process BM25
 * (scripts/reference/bm25.ts, "old engine") built over the same passages and terms.
 */
import type { GraphConnection } from '../../graph/connection.ts';
import { PassageStore } from '../../graph/passage-store.ts';
import { indexTerms, queryTerms } from '../../core/text/normalize.ts';
import { lexicalSearch } from '../../src/search/lexical.ts';
import { BM25_PARAMS, Bm25Index } from '../reference/bm25.ts';
import type { BenchPassage } from './corpus.ts';
import { passageId } from './graph.ts';
import { heapMb, latencyLine, measureLatency, memory, seconds, timed } from './measure.ts';

const WARMUP = 20;

/**
 * Twice: after `WARMUP` of the measured queries (a JVM just started), then again after a pass over
 * `warmup`, other queries of the same kind (a server in steady state: Lucene's code compiled by the JIT).
 */
export async function benchLucene(conn: GraphConnection, queries: string[], warmup: string[]): Promise<void> {
  const store = new PassageStore(conn);
  const search = (q: string) => lexicalSearch(store, queryTerms(q), { k: 10 });
  await measureLatency(queries.slice(0, WARMUP), search);
  const label = '  Lucene lexicalSearch (k 10, coordination)';
  console.log(latencyLine(`${label}, just started`, await measureLatency(queries, search)));
  await measureLatency(warmup, search);
  console.log(
    latencyLine(`${label}, after ${warmup.length} other queries`, await measureLatency(queries, search)),
  );
}

/** The old engine at the same size; returns its top-10 ids per query (for the overlap with Lucene). */
export async function benchOldBm25(passages: Iterable<BenchPassage>, queries: string[]): Promise<void> {
  const before = heapMb();
  const { value: index, ms } = await timed(() => {
    const idx = new Bm25Index(BM25_PARAMS);
    let i = 0;
    for (const p of passages) idx.add(passageId(i++), indexTerms(p.text));
    return idx;
  });
  console.log(
    `  old in-process BM25: built over ${index.size} passages in ${seconds(ms)}, ` +
      `~${Math.round(heapMb() - before)} MB heap; ${memory()}`,
  );
  const search = (q: string) => index.search(queryTerms(q), { k: 10, coordination: true });
  await measureLatency(queries.slice(0, WARMUP), search);
  console.log(
    latencyLine('  old in-process BM25 (k 10, coordination)', await measureLatency(queries, search)),
  );
}
