/**
 * End-to-end HTTP latency of `/api/search`: the real runtime over the seeds + dev corpus (graph in
 * data/eval, ingested when missing), served by `createApp` on 127.0.0.1 at a free port.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.ts';
import { createLogger } from '../../src/log.ts';
import { appContext } from '../../src/runtime.ts';
import { evalConfig, openEvalRuntime } from '../eval/runtime.ts';
import { latencyLine, measureLatency, memory, timed } from './measure.ts';

async function get(base: string, q: string): Promise<void> {
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&k=10`);
  if (!res.ok) throw new Error(`/api/search answered ${res.status}`);
  await res.arrayBuffer();
}

/** `total` requests, `concurrency` at a time; returns each request's latency in ms. */
async function concurrent(
  base: string,
  queries: string[],
  total: number,
  concurrency: number,
): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const q = queries[next++ % queries.length]!;
      const t0 = performance.now();
      await get(base, q);
      out.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

export async function benchHttp(queries: string[], requests: number): Promise<void> {
  const config = evalConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const log = createLogger(config.LOG_LEVEL);
  const { value: rt, ms } = await timed(() => openEvalRuntime(config, log));
  const server = createApp(appContext(rt, log)).listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const counts = await rt.reader.counts();
    const st = rt.search.status();
    console.log(
      `\nHTTP /api/search (real runtime, ${counts.documents} documents, ${counts.passages} passages, ` +
        `${st.embedder.kind} embedder, ${st.index.kind} vector index; runtime opened in ${(ms / 1000).toFixed(1)} s)`,
    );
    await concurrent(base, queries, 20, 2);
    const sequential = await measureLatency(
      Array.from({ length: requests }, (_, i) => queries[i % queries.length]!),
      (q) => get(base, q),
    );
    console.log(latencyLine('  sequential, hybrid k=10', sequential));
    const t0 = performance.now();
    const parallel = await concurrent(base, queries, requests, 8);
    const rps = (requests / (performance.now() - t0)) * 1000;
    console.log(`${latencyLine('  concurrency 8, hybrid k=10', parallel)}   ${rps.toFixed(0)} req/s`);
    console.log(`  after HTTP: ${memory()}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rt.close();
  }
}
