/**
 * `npm run bench`: speed and memory of search at scale. Builds a synthetic corpus of BENCH_PASSAGES
 * (default 100 000) passages varied from the real seed + dev passages, then prints: BM25 index build
 * time and memory, offline embedder training time and embedding throughput, HNSW and exact vector
 * index build times, HNSW recall@10 against exact search, p50/p95 query latency of BM25, vector (HNSW,
 * exact), hybrid (RRF of BM25 and HNSW with DEFAULT_FUSION), and end-to-end HTTP `/api/search` latency
 * on the real runtime. The indexes are built from the same modules and parameters the SearchService
 * uses. Figures are printed, never asserted. BENCH_HTTP=0 skips the HTTP part.
 */
import { BM25_PARAMS, Bm25Index } from './reference/bm25.ts';
import { OfflineEmbedder } from '../src/search/embedder/index.ts';
import { reciprocalRankFusion } from '../src/search/fusion.ts';
import { indexTerms, queryTerms } from '../core/text/normalize.ts';
import { DEFAULT_FUSION } from '../src/search/service.ts';
import { createVectorIndex, type VectorIndex } from '../src/search/vector/index.ts';
import { realPassages, sampleQueries, syntheticCorpus, type BenchPassage } from './bench/corpus.ts';
import { benchHttp } from './bench/http.ts';
import { heapMb, latencyLine, memory, seconds, timed } from './bench/measure.ts';
import { loadQuestions } from './eval/judge.ts';

const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 100_000);
const QUERIES = 200;
/** Queries timed per index (BM25 takes most of a second per query at 100k passages). */
const LATENCY_QUERIES = 100;
/** Candidates per list, as the service asks for k=10 (MIN_CANDIDATES). */
const CANDIDATES = 50;
const EMBED_BATCH = 64;
/** The offline embedder learns its vocabulary from an evenly spaced sample of this many passages. */
const TRAIN_SAMPLE = Number(process.env.BENCH_TRAIN_SAMPLE ?? 20_000);

async function buildCorpus(): Promise<{ corpus: BenchPassage[]; queries: string[] }> {
  const { value: real, ms: realMs } = await timed(realPassages);
  const { value: corpus, ms } = await timed(() => syntheticCorpus(real, PASSAGES));
  const chars = corpus.reduce((a, p) => a + p.text.length, 0);
  console.log(
    `Corpus: ${corpus.length} synthetic passages (${(chars / 1e6).toFixed(1)} M chars, mean ${Math.round(chars / corpus.length)}) ` +
      `from ${real.length} real passages (parsed + structured in ${seconds(realMs)}), built in ${seconds(ms)}; ${memory()}`,
  );
  return { corpus, queries: sampleQueries(corpus, QUERIES) };
}

async function buildBm25(corpus: BenchPassage[]): Promise<Bm25Index> {
  const before = heapMb();
  const { value: bm25, ms } = await timed(() => {
    const index = new Bm25Index(BM25_PARAMS);
    for (const p of corpus) index.add(p.id, indexTerms(p.text));
    return index;
  });
  console.log(
    `\nBM25 index: ${bm25.size} passages in ${seconds(ms)} (${Math.round(bm25.size / (ms / 1000))} passages/s), ` +
      `~${Math.round(heapMb() - before)} MB heap; ${memory()}`,
  );
  return bm25;
}

async function buildEmbeddings(
  corpus: BenchPassage[],
): Promise<{ embedder: OfflineEmbedder; vectors: number[][] }> {
  const texts = corpus.map((p) => p.text);
  const step = Math.max(1, texts.length / TRAIN_SAMPLE);
  const sample = Array.from(
    { length: Math.min(TRAIN_SAMPLE, texts.length) },
    (_, i) => texts[Math.floor(i * step)]!,
  );
  const { value: embedder, ms: trainMs } = await timed(() => OfflineEmbedder.train(sample));
  console.log(
    `\nOffline embedder: trained in ${seconds(trainMs)} (vocabulary and IDF over a sample of ${sample.length} passages, ` +
      `SVD on an evenly spaced sample capped at 2 500; dim ${embedder.dim}, ${embedder.vocabularySize} features); ${memory()}`,
  );
  const { value: vectors, ms } = await timed(async () => {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH)
      out.push(...(await embedder.embedPassages(texts.slice(i, i + EMBED_BATCH))));
    return out;
  });
  console.log(
    `  embedding: ${vectors.length} passages in ${seconds(ms)} = ${Math.round(vectors.length / (ms / 1000))} passages/s; ${memory()}`,
  );
  return { embedder, vectors };
}

async function buildVectorIndex(
  kind: 'hnsw' | 'exact',
  model: string,
  dim: number,
  corpus: BenchPassage[],
  vectors: number[][],
) {
  const { value: index, ms } = await timed(() => {
    const idx = createVectorIndex({ kind, model, dim, expectedSize: corpus.length });
    corpus.forEach((p, i) => idx.add(p.id, vectors[i]!));
    return idx;
  });
  const params = kind === 'hnsw' ? ' (M 16, efConstruction 200, ef 100, single-threaded insert)' : '';
  console.log(`${kind.toUpperCase()} index${params}: ${index.size} × ${dim} in ${seconds(ms)}; ${memory()}`);
  return index;
}

/** HNSW recall@10 against exact search, with the latency of each exact search (k 10). */
function recallAt10(hnsw: VectorIndex, exact: VectorIndex, queryVectors: number[][]) {
  let found = 0;
  const exactMs: number[] = [];
  for (const q of queryVectors) {
    const t0 = performance.now();
    const truth = new Set(exact.search(q, 10).map((h) => h.id));
    exactMs.push(performance.now() - t0);
    found += hnsw.search(q, 10).filter((h) => truth.has(h.id)).length;
  }
  return { recall: found / (queryVectors.length * 10), exactMs };
}

/**
 * One pass per query: BM25, query embedding, HNSW search and RRF are timed separately; the hybrid
 * latency is their sum (what a hybrid query runs, one after another), so BM25 runs once per query.
 */
async function latencies(
  bm25: Bm25Index,
  embedder: OfflineEmbedder,
  hnsw: VectorIndex,
  exactMs: number[],
  queries: string[],
) {
  const w = DEFAULT_FUSION;
  const t = { bm25: [] as number[], embed: [] as number[], hnsw: [] as number[], hybrid: [] as number[] };
  for (const q of queries) {
    const t0 = performance.now();
    const lexical = bm25.search(queryTerms(q), { k: CANDIDATES, coordination: true });
    const t1 = performance.now();
    const v = await embedder.embedQuery(q);
    const t2 = performance.now();
    const semantic = hnsw.search(v, CANDIDATES);
    const t3 = performance.now();
    reciprocalRankFusion([lexical, semantic], { k: w.rrfK, weights: [w.bm25, w.vector] });
    const t4 = performance.now();
    t.bm25.push(t1 - t0);
    t.embed.push(t2 - t1);
    t.hnsw.push(t3 - t2);
    t.hybrid.push(t4 - t0);
  }
  console.log(
    `\nQuery latency over ${queries.length} queries (3–8 words of random passages, 30% without diacritics):`,
  );
  console.log(latencyLine('  BM25 (k 50, coordination)', t.bm25));
  console.log(latencyLine('  query embedding (offline)', t.embed));
  console.log(latencyLine('  vector HNSW search (k 50)', t.hnsw));
  // Measured during the recall run (k 10): the exact index scores and sorts every vector whatever k is.
  console.log(latencyLine(`  vector exact search (k 10, ${exactMs.length} recall queries)`, exactMs));
  console.log(
    latencyLine(`  hybrid BM25 + embed + HNSW + RRF (${w.bm25},${w.vector},k ${w.rrfK})`, t.hybrid),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`policy-kg bench: BENCH_PASSAGES=${PASSAGES}, node ${process.version}, ${memory()}\n`);
  const { corpus, queries } = await buildCorpus();
  const bm25 = await buildBm25(corpus);
  const { embedder, vectors } = await buildEmbeddings(corpus);
  console.log('');
  const exact = await buildVectorIndex('exact', embedder.model, embedder.dim, corpus, vectors);
  const hnsw = await buildVectorIndex('hnsw', embedder.model, embedder.dim, corpus, vectors);
  vectors.length = 0;
  const queryVectors = await Promise.all(queries.map((q) => embedder.embedQuery(q)));
  const {
    value: { recall, exactMs },
    ms,
  } = await timed(() => recallAt10(hnsw, exact, queryVectors));
  console.log(
    `HNSW recall@10 vs exact: ${recall.toFixed(3)} over ${queryVectors.length} queries (${seconds(ms)})`,
  );
  await latencies(bm25, embedder, hnsw, exactMs, queries.slice(0, LATENCY_QUERIES));
  if (process.env.BENCH_HTTP !== '0') {
    const questions = loadQuestions('scripts/eval/questions.json').map((q) => q.query);
    await benchHttp([...questions, ...queries.slice(0, 100)], 200);
  }
  console.log(`\nbench done in ${seconds(performance.now() - started)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  },
);
