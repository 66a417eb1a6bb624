/**
 * `npm run load`: a bounded load test on loopback. Opens the evaluation runtime (seeds + dev corpus in
 * data/eval, see scripts/eval/runtime.ts), serves it on 127.0.0.1 at a free port, and sends
 * LOAD_RATE (200) search requests per second for LOAD_SECONDS (60) — open loop, at most LOAD_INFLIGHT
 * (256) in flight — while uploading LOAD_INGEST_FILES (8) modified dev documents one after another.
 * Prints p50/p95/p99 latency, errors, the rate achieved and RSS; the uploaded copies are deleted at the
 * end. Stops by itself; only 127.0.0.1 is ever contacted. Figures are printed, never asserted.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { deleteDocument } from '../graph/writer.ts';
import { createApp } from '../src/api/app.ts';
import { createLogger } from '../src/log.ts';
import { appContext } from '../src/runtime.ts';
import { percentile } from './bench/measure.ts';
import { loadQuestions } from './eval/judge.ts';
import { corpusFiles, DEV_DIR, evalConfig, openEvalRuntime } from './eval/runtime.ts';

const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Math.min(Number(process.env.LOAD_SECONDS ?? 60), 600);
const INFLIGHT = Number(process.env.LOAD_INFLIGHT ?? 256);
const INGEST_FILES = Number(process.env.LOAD_INGEST_FILES ?? 8);
const MB = 1024 * 1024;

interface Tally {
  latencies: number[];
  errors: Map<string, number>;
  skipped: number;
  maxRss: number;
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
}

/** Open loop: request i is due at i/RATE s; a tick sends every due request unless INFLIGHT are open. */
async function searchLoad(base: string, queries: string[], tally: Tally): Promise<number> {
  const total = RATE * SECONDS;
  const started = performance.now();
  let sent = 0;
  let open = 0;
  const pending = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
    for (; sent < due; sent++) {
      if (open >= INFLIGHT) {
        tally.skipped++;
        continue;
      }
      open++;
      const p = searchOnce(base, queries[sent % queries.length]!, tally).finally(() => {
        open--;
        pending.delete(p);
      });
      pending.add(p);
    }
    tally.maxRss = Math.max(tally.maxRss, process.memoryUsage().rss);
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

async function main(): Promise<void> {
  const config = evalConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_PER_MIN: '0',
  });
  const log = createLogger(config.LOG_LEVEL);
  const rt = await openEvalRuntime(config, log);
  const server = createApp(appContext(rt, log)).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const queries = loadQuestions('scripts/eval/questions.json').map((q) => q.query);
  const tally: Tally = { latencies: [], errors: new Map(), skipped: 0, maxRss: 0 };
  console.log(
    `load: ${RATE} search req/s for ${SECONDS} s on ${base} (${queries.length} distinct queries), ingest in parallel`,
  );
  let done = false;
  const ingest = ingestLoad(base, () => done);
  const seconds = await searchLoad(base, queries, tally).finally(() => {
    done = true;
  });
  const uploaded = await ingest;
  try {
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const errors = [...tally.errors].map(([k, n]) => `${k}×${n}`).join(', ') || '0';
    console.log(
      `search: ${sorted.length} answered in ${seconds.toFixed(1)} s (${(sorted.length / seconds).toFixed(0)} req/s), ` +
        `errors ${errors}, not sent (in-flight cap) ${tally.skipped}`,
    );
    console.log(
      `latency ms: p50 ${percentile(sorted, 50).toFixed(1)}  p95 ${percentile(sorted, 95).toFixed(1)}  ` +
        `p99 ${percentile(sorted, 99).toFixed(1)}  max ${sorted.at(-1)?.toFixed(1)}`,
    );
    console.log(
      `ingest in parallel: ${uploaded.statuses.length} uploads, statuses ${uploaded.statuses.join(' ')}`,
    );
    console.log(
      `rss: max ${Math.round(tally.maxRss / MB)} MB, now ${Math.round(process.memoryUsage().rss / MB)} MB`,
    );
    console.log(`result cache: ${rt.cache.hits} hits, ${rt.cache.misses} misses`);
  } finally {
    for (const id of uploaded.ids) await deleteDocument(rt.conn, id);
    rt.search.changed();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rt.close();
  }
}

await main();
