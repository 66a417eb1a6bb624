/**
 * `npm run bench:ef` (BENCH_PASSAGES, default 100 000): recall@10 of hnswlib-node against exact search
 * and its latency, for a range of query-time ef, with the index parameters the service uses (M 16,
 * efConstruction 200) on the bench's deterministic 384-dim vectors of its synthetic passages. What
 * `efForSize` in src/search/vector/hnsw.ts was chosen from. Figures are printed, never asserted.
 */
import hnswlib from 'hnswlib-node';
import { realPassages, sampleQueries, syntheticPassages } from './corpus.ts';
import { percentile } from './measure.ts';
import { DIM, ExactTop10, hashEmbed } from './vectors.ts';
import { efForSize } from '../../src/search/vector/hnsw.ts';

const N = Number(process.env.BENCH_PASSAGES ?? 100_000);
const EFS = (process.env.BENCH_EFS ?? '100,150,200,400,800,1200').split(',').map(Number);

const real = await realPassages();
const queries = sampleQueries(real, 200).map(hashEmbed);
const exact = new ExactTop10(queries);
const index = new hnswlib.HierarchicalNSW('cosine', DIM);
index.initIndex({ maxElements: N, m: 16, efConstruction: 200, randomSeed: 100 });
const t0 = performance.now();
let i = 0;
for (const p of syntheticPassages(real, N)) {
  const v = hashEmbed(p.text);
  exact.offer(String(i), v);
  index.addPoint(Array.from(v), i++);
}
console.log(
  `HNSW over ${i} vectors (M 16, efConstruction 200) built in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(`the service's ef at this size (efForSize): ${Math.max(100, efForSize(i))}`);
for (const ef of EFS) {
  index.setEf(ef);
  const ms: number[] = [];
  let found = 0;
  queries.forEach((q, qi) => {
    const t = performance.now();
    const { neighbors } = index.searchKnn(Array.from(q), 10);
    ms.push(performance.now() - t);
    const truth = new Set(exact.top[qi]!.map((x) => x.id));
    found += neighbors.filter((n) => truth.has(String(n))).length;
  });
  ms.sort((a, b) => a - b);
  console.log(
    `  ef ${String(ef).padStart(5)}: recall@10 ${(found / (queries.length * 10)).toFixed(3)}, ` +
      `p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`,
  );
}
