/**
 * `npm run load`: a bounded load test on loopback. Starts the real server (`src/main.ts`, what `npm start`
 * runs, in its own process) on the evaluation graph (seeds + dev corpus in data/eval, see
 * scripts/eval/runtime.ts; offline embedder, no rate limit), then sends LOAD_RATE (200) search requests
 * per second — open loop, at most LOAD_INFLIGHT (256) in flight:
 * - a warm-up phase of LOAD_WARMUP_S (10 s), reported apart, as load tests do (a fresh JVM compiles
 *   Neo4j's hot paths over its first thousands of queries);
 * - the measured phase of LOAD_SECONDS (60 s), while LOAD_INGEST_FILES (8) modified dev documents are
 *   uploaded one after another.
 * Requests cycle through the eval questions; a share LOAD_NOVEL (0.1) are novel queries (a question plus
 * a word of another one), which no answer cache has seen. Prints p50/p95/p99 latency per phase and per
 * window, errors, the rate achieved, and the RSS of the server and of its Neo4j JVM; the uploaded copies
 * are deleted at the end. Stops by itself; only 127.0.0.1 is ever contacted. Printed, never asserted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deleteDocument } from '../graph/writer.ts';
import { createLogger } from '../src/log.ts';
import { connectGraph } from '../src/runtime.ts';
import { neo4jPid, rssMb } from './bench/graph.ts';
import { percentile } from './bench/measure.ts';
import { startServer } from './bench/server.ts';
import { loadQuestions } from './eval/judge.ts';
import { corpusFiles, DEV_DIR, evalConfig, ingestMissing, SEEDS_DIR } from './eval/runtime.ts';

const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Math.min(Number(process.env.LOAD_SECONDS ?? 60), 600);
const WARMUP_SECONDS = Math.min(Number(process.env.LOAD_WARMUP_S ?? 10), 600);
const INFLIGHT = Number(process.env.LOAD_INFLIGHT ?? 256);
const INGEST_FILES = Number(process.env.LOAD_INGEST_FILES ?? 8);
const NOVEL = Math.min(Math.max(Number(process.env.LOAD_NOVEL ?? 0.1), 0), 1);
const WINDOW_S = Number(process.env.LOAD_WINDOW_S ?? 10);

interface Tally {
  latencies: number[];
  /** Send time (ms since the start of the phase) of each answered request, in the order of `latencies`. */
  sentAt: number[];
  started: number;
  errors: Map<string, number>;
  skipped: number;
  maxRss: { server: number; neo4j: number };
}

function newTally(): Tally {
  return {
    latencies: [],
    sentAt: [],
    started: performance.now(),
    errors: new Map(),
    skipped: 0,
    maxRss: { server: 0, neo4j: 0 },
  };
}

async function searchOnce(base: string, q: string, tally: Tally): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&k=10`);
    await res.arrayBuffer();
    if (!res.ok) tally.errors.set(String(res.status), (tally.errors.get(String(res.status)) ?? 0) + 1);
  } catch (err) {
    const key = (err as Error).name;
    tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
  }
  tally.latencies.push(performance.now() - t0);
  tally.sentAt.push(t0 - tally.started);
}

/** The i-th query: the questions in turn, and every 1/NOVEL-th a question plus a word of another one. */
function queryAt(i: number, questions: string[], words: string[]): string {
  const q = questions[i % questions.length]!;
  const novel = NOVEL > 0 && Math.floor((i + 1) * NOVEL) > Math.floor(i * NOVEL);
  return novel ? `${q} ${words[(i * 7919) % words.length]}` : q;
}

interface Target {
  base: string;
  pids: { server: number; neo4j: number | undefined };
}

/** Open loop: request i is due at i/RATE s; a tick sends every due request unless INFLIGHT are open. */
async function searchLoad(
  target: Target,
  seconds: number,
  next: () => string,
  tally: Tally,
): Promise<number> {
  const total = RATE * seconds;
  const started = performance.now();
  tally.started = started;
  let sent = 0;
  let open = 0;
  const pending = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
    for (; sent < due; sent++) {
      const q = next();
      if (open >= INFLIGHT) {
        tally.skipped++;
        continue;
      }
      open++;
      const p = searchOnce(target.base, q, tally).finally(() => {
        open--;
        pending.delete(p);
      });
      pending.add(p);
    }
    tally.maxRss.server = Math.max(tally.maxRss.server, rssMb(target.pids.server));
    tally.maxRss.neo4j = Math.max(tally.maxRss.neo4j, rssMb(target.pids.neo4j));
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

/** Uploads modified copies of dev documents one at a time until `stop()`; returns the new document ids. */
async function ingestLoad(base: string, stop: () => boolean): Promise<{ ids: string[]; statuses: number[] }> {
  const files = corpusFiles(DEV_DIR).slice(0, INGEST_FILES);
  const ids: string[] = [];
  const statuses: number[] = [];
  for (const [i, f] of files.entries()) {
    if (stop()) break;
    const text = `${await readFile(path.join(DEV_DIR, f), 'utf8')}\nBản sao kiểm thử tải ${i}.\n`;
    const form = new FormData();
    form.append('files', new Blob([text]), `load-${i}-${f}`);
    const res = await fetch(`${base}/api/ingest`, { method: 'POST', body: form, headers: { Origin: base } });
    statuses.push(res.status);
    const body = (await res.json()) as { results?: { documentId?: string }[] };
    for (const r of body.results ?? []) if (r.documentId) ids.push(r.documentId);
  }
  return { ids, statuses };
}

/** p95 latency of the requests sent in each WINDOW_S window ("0-10 s p95 12 ms (2000)"). */
function windows(tally: Tally): string {
  const byWindow = new Map<number, number[]>();
  tally.sentAt.forEach((at, i) => {
    const w = Math.floor(at / 1000 / WINDOW_S);
    byWindow.set(w, [...(byWindow.get(w) ?? []), tally.latencies[i]!]);
  });
  return [...byWindow]
    .sort(([a], [b]) => a - b)
    .map(([w, ms]) => {
      const sorted = ms.sort((a, b) => a - b);
      return `${w * WINDOW_S}-${(w + 1) * WINDOW_S} s p95 ${percentile(sorted, 95).toFixed(0)} ms (${sorted.length})`;
    })
    .join('; ');
}

function report(label: string, tally: Tally, seconds: number): void {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const errors = [...tally.errors].map(([k, n]) => `${k}×${n}`).join(', ') || '0';
  console.log(
    `${label}: ${sorted.length} answered in ${seconds.toFixed(1)} s (${(sorted.length / seconds).toFixed(0)} req/s), ` +
      `errors ${errors}, not sent (in-flight cap) ${tally.skipped}`,
  );
  console.log(
    `  latency ms: p50 ${percentile(sorted, 50).toFixed(1)}  p95 ${percentile(sorted, 95).toFixed(1)}  ` +
      `p99 ${percentile(sorted, 99).toFixed(1)}  max ${sorted.at(-1)?.toFixed(1)}`,
  );
  console.log(`  by ${WINDOW_S} s window of sending: ${windows(tally)}`);
  console.log(
    `  max RSS: server node ${Math.round(tally.maxRss.server)} MB, Neo4j JVM ${Math.round(tally.maxRss.neo4j)} MB`,
  );
}

/** Removes the uploaded copies (the server is stopped: straight through the graph). */
async function cleanUp(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const config = evalConfig();
  const { conn, local } = await connectGraph(config, createLogger('warn'));
  try {
    for (const id of ids) await deleteDocument(conn, id);
  } finally {
    await conn.close();
    await local?.stop();
  }
}

async function main(): Promise<void> {
  const config = evalConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await ingestMissing(config, createLogger(config.LOG_LEVEL));
  const server = await startServer(config.dataDir, 0, {
    EMBEDDER: 'offline',
    CORPUS_DIR: SEEDS_DIR,
    LOG_LEVEL: config.LOG_LEVEL,
  });
  const target: Target = { base: server.base, pids: { server: server.pid, neo4j: neo4jPid(config.dataDir) } };
  const questions = loadQuestions('scripts/eval/questions.json').map((q) => q.query);
  const words = [...new Set(questions.flatMap((q) => q.split(/\s+/)).filter((w) => w.length > 3))];
  let i = 0;
  const next = () => queryAt(i++, questions, words);
  let uploaded: { ids: string[]; statuses: number[] } = { ids: [], statuses: [] };
  try {
    console.log(
      `load: ${RATE} search req/s on ${server.base} (server pid ${server.pid}, ready in ${(server.readyMs / 1000).toFixed(1)} s); ` +
        `${questions.length} questions in turn, ${Math.round(NOVEL * 100)}% novel queries`,
    );
    const warm = newTally();
    report(
      `warm-up (${WARMUP_SECONDS} s, not counted)`,
      warm,
      await searchLoad(target, WARMUP_SECONDS, next, warm),
    );
    const tally = newTally();
    let done = false;
    const ingest = ingestLoad(server.base, () => done);
    const seconds = await searchLoad(target, SECONDS, next, tally).finally(() => {
      done = true;
    });
    uploaded = await ingest;
    report(`measured (${SECONDS} s, ingest in parallel)`, tally, seconds);
    console.log(
      `  ingest in parallel: ${uploaded.statuses.length} uploads, statuses ${uploaded.statuses.join(' ')}`,
    );
  } finally {
    await server.stop();
    await cleanUp(uploaded.ids);
  }
}

await main();
