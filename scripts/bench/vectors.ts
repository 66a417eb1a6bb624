/**
 * Vector index figures at scale. Embedding 100k passages with e5 on 2 cores takes hours, so the index
 * figures use a cheap deterministic embedder of e5-small's dimension (384): feature hashing of the
 * passage's index terms (each term adds ±1 on 8 hashed dimensions), L2-normalised. Its vectors share
 * dimensions between passages with words in common, so they are clustered like real text rather than
 * uniform noise. The HNSW index is saved where the runtime keeps it (DATA_DIR/index/vectors) under the
 * served e5 model's name with the graph's sync position, so the server reuses it as complete; the same
 * vectors go into Neo4j's vector index (`PassageVector` nodes). Recall@10 is measured against exact
 * (brute-force cosine) top-10 computed while streaming the vectors.
 */
import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import { PassageStore } from '../../graph/passage-store.ts';
import { PassageVectors } from '../../graph/passage-vectors.ts';
import { SEQ_STRIDE } from '../../graph/writer.ts';
import { indexTerms } from '../../core/text/normalize.ts';
import { LocalBackend } from '../../src/search/vector/backend.ts';
import { efForSize } from '../../src/search/vector/hnsw.ts';
import { OVERSAMPLING } from '../../src/search/vector/neo4j.ts';
import { VECTOR_FORMAT_VERSION } from '../../src/search/vector/types.ts';
import type { BenchPassage } from './corpus.ts';
import { passageId } from './graph.ts';
import { latencyLine, seconds, timed } from './measure.ts';

export const DIM = 384;
const HASHES_PER_TERM = 8;
const WRITE_BATCH = 1_000;

function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The deterministic 384-dim embedding of `text` (see the file comment). */
export function hashEmbed(text: string): Float32Array {
  const v = new Float32Array(DIM);
  for (const term of indexTerms(text)) {
    for (let j = 0; j < HASHES_PER_TERM; j++) {
      const h = fnv1a(term, j);
      v[h % DIM]! += h & 0x80000000 ? 1 : -1;
    }
  }
  let n = 0;
  for (const x of v) n += x * x;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < DIM; i++) v[i]! *= inv;
  return v;
}

/** Exact top-10 of each query, kept while the passages stream by. */
export class ExactTop10 {
  readonly top: { id: string; score: number }[][];
  constructor(private readonly queries: Float32Array[]) {
    this.top = queries.map(() => []);
  }
  offer(id: string, v: Float32Array): void {
    this.queries.forEach((q, qi) => {
      let s = 0;
      for (let i = 0; i < DIM; i++) s += q[i]! * v[i]!;
      const t = this.top[qi]!;
      if (t.length === 10 && s <= t[9]!.score) return;
      t.push({ id, score: s });
      t.sort((a, b) => b.score - a.score);
      if (t.length > 10) t.pop();
    });
  }
}

function recall(truth: { id: string }[][], found: { id: string }[][]): number {
  let hit = 0;
  truth.forEach((t, i) => {
    const ids = new Set(found[i]!.map((h) => h.id));
    hit += t.filter((h) => ids.has(h.id)).length;
  });
  return hit / (truth.length * 10);
}

export interface VectorBenchOptions {
  conn: GraphConnection;
  dataDir: string;
  count: number;
  passages: () => Iterable<BenchPassage>;
  queries: string[];
  /** Model name and dimension the runtime's embedder reports (the saved index must match them). */
  model: string;
}

/** Builds (or reuses) both indexes and prints their build time, size, latency and recall@10. */
export async function benchVectors(o: VectorBenchOptions): Promise<void> {
  console.log(
    `\nVectors: ${DIM}-dim vectors of a deterministic hashing embedder (NOT e5: e5 would take hours here; ` +
      `see the e5 section for its own figures), saved under model "${o.model}"`,
  );
  const qv = o.queries.map(hashEmbed);
  const exact = new ExactTop10(qv);
  const hnsw = await LocalBackend.open(path.join(o.dataDir, 'index', 'vectors'), {
    model: o.model,
    dim: DIM,
    kind: 'hnsw',
  });
  const neo = new PassageVectors(o.conn);
  await neo.ensureIndex(DIM);
  const buildHnsw = (await hnsw.size()) !== o.count;
  const writeNeo = (await neo.count()) !== o.count;
  if (buildHnsw) await hnsw.clear();
  if (writeNeo) await neo.clear();
  let hnswMs = 0;
  let neoMs = 0;
  let rows: { id: string; vector: number[] }[] = [];
  const t0 = performance.now();
  let i = 0;
  for (const p of o.passages()) {
    const id = passageId(i++);
    const v = hashEmbed(p.text);
    exact.offer(id, v);
    if (buildHnsw) hnswMs += (await timed(() => hnsw.add([{ id, vector: Array.from(v) }]))).ms;
    if (writeNeo) rows.push({ id, vector: Array.from(v) });
    if (rows.length === WRITE_BATCH) {
      neoMs += (await timed(() => neo.upsert(rows))).ms;
      rows = [];
    }
  }
  if (rows.length > 0) neoMs += (await timed(() => neo.upsert(rows))).ms;
  console.log(
    `  embedded + exact top-10 of ${qv.length} queries over ${i} vectors in ${seconds(performance.now() - t0 - hnswMs - neoMs)}`,
  );
  const state = await new PassageStore(o.conn).state();
  const end = ((state?.version ?? 0) + 1) * SEQ_STRIDE;
  const sync = { epoch: state?.epoch ?? null, cursor: end, removedCursor: end };
  if (buildHnsw) {
    const { ms } = await timed(() => hnsw.commit(sync));
    console.log(
      `  HNSW (hnswlib-node, M 16, efConstruction 200): built in ${seconds(hnswMs)} (${Math.round(i / (hnswMs / 1000))}/s), saved in ${seconds(ms)}`,
    );
  } else console.log('  HNSW: reused the saved index');
  if (writeNeo) {
    const { ms } = await timed(() => neo.ensureIndex(DIM));
    console.log(
      `  Neo4j vector index: ${i} PassageVector nodes written in ${seconds(neoMs)} (${Math.round(i / (neoMs / 1000))}/s), index online after ${seconds(ms)} more`,
    );
  } else console.log('  Neo4j vector index: reused the stored vectors');
  await neo.setState({ model: o.model, dim: DIM, formatVersion: VECTOR_FORMAT_VERSION, ...sync });
  await searchFigures(hnsw, neo, qv, exact.top);
}

async function searchFigures(
  hnsw: LocalBackend,
  neo: PassageVectors,
  qv: Float32Array[],
  truth: { id: string; score: number }[][],
): Promise<void> {
  const run = async (fn: (q: number[]) => Promise<{ id: string }[]>) => {
    const ms: number[] = [];
    const hits: { id: string }[][] = [];
    for (const q of qv) {
      const t = performance.now();
      hits.push(await fn(Array.from(q)));
      ms.push(performance.now() - t);
    }
    return { ms, r: recall(truth, hits) };
  };
  const h = await run((q) => hnsw.search(q, 10));
  const n10 = await run(async (q) => (await neo.search(q, 10)).slice(0, 10));
  const nOver = await run(async (q) => (await neo.search(q, OVERSAMPLING)).slice(0, 10));
  console.log(`  top-10 over ${qv.length} queries, recall@10 against exact:`);
  const ef = Math.max(100, efForSize(await hnsw.size()));
  console.log(`${latencyLine(`    HNSW in process (ef ${ef})`, h.ms)}   recall@10 ${h.r.toFixed(3)}`);
  console.log(`${latencyLine('    Neo4j vector index, k 10', n10.ms)}   recall@10 ${n10.r.toFixed(3)}`);
  console.log(
    `${latencyLine(`    Neo4j vector index, k ${OVERSAMPLING} (as served)`, nOver.ms)}   recall@10 ${nOver.r.toFixed(3)}`,
  );
  // more over-sampling, for choosing OVERSAMPLING
  for (const k of [300, 1000]) {
    const more = await run(async (q) => (await neo.search(q, k)).slice(0, 10));
    console.log(`${latencyLine(`    Neo4j vector index, k ${k}`, more.ms)}   recall@10 ${more.r.toFixed(3)}`);
  }
}
