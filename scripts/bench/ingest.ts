/**
 * Ingest throughput on the real documents (the seeds and the dev corpus): the stages in process (parse,
 * structure, extract; the second of two passes, so the JIT has compiled them), then the whole ingest as
 * `npm run ingest` runs it (analysis in the isolated worker, graph write, lineage) into an empty local
 * Neo4j of its own (data/bench-ingest, wiped first): with the JVM just started, and again after
 * deleting the documents, four more times (a running server, whose JVM has compiled the write path by the
 * last). Analysis of the next file overlaps the write of the current one. Embeddings are excluded, as the
 * target says.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { deleteDocument } from '../../graph/writer.ts';
import { extract } from '../../ingest/extract/index.ts';
import { parse } from '../../ingest/parse/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import type { SourceFile } from '../../core/types.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openRuntime } from '../../src/runtime.ts';
import { DEV_DIR, SEEDS_DIR, seedAndDevFiles } from '../eval/runtime.ts';
import { BENCH_PARSE } from './corpus.ts';
import { seconds } from './measure.ts';

async function sources(): Promise<SourceFile[]> {
  return Promise.all(
    seedAndDevFiles().map(async (p) => ({ path: p, name: path.basename(p), bytes: await readFile(p) })),
  );
}

/** Milliseconds per stage over all files, one pass. */
async function stageTimes(
  files: SourceFile[],
): Promise<{ parse: number; structure: number; extract: number }> {
  const t = { parse: 0, structure: 0, extract: 0 };
  for (const f of files) {
    let t0 = performance.now();
    const parsed = await parse(f, BENCH_PARSE);
    t.parse += performance.now() - t0;
    t0 = performance.now();
    const doc = structure({ parsed, contentHash: contentHash(f.bytes) });
    t.structure += performance.now() - t0;
    t0 = performance.now();
    extract(doc);
    t.extract += performance.now() - t0;
  }
  return t;
}

const perSecond = (n: number, ms: number): string => (n / (ms / 1000)).toFixed(1);

export async function benchIngest(): Promise<void> {
  const files = await sources();
  const kb = files.reduce((a, f) => a + f.bytes.length, 0) / 1024;
  console.log(
    `  ${files.length} real documents (plans, decisions, resolutions, circulars, notices), ${Math.round(kb)} KB of text, mean ${Math.round(kb / files.length)} KB`,
  );
  await stageTimes(files);
  const t = await stageTimes(files);
  const total = t.parse + t.structure + t.extract;
  console.log(
    `  in process (second pass): parse ${seconds(t.parse)}, structure ${seconds(t.structure)}, extract ${seconds(t.extract)}` +
      ` = ${perSecond(files.length, total)} documents/s`,
  );
  const dataDir = path.resolve('data', 'bench-ingest');
  await rm(dataDir, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NEO4J_URI: undefined });
  const rt = await openRuntime(config, createLogger('warn'), { vectors: false });
  try {
    // a running server's JVM has compiled the write path: the later passes show that steady state
    const passes = ['a JVM just started', ...[2, 3, 4, 5].map((n) => `pass ${n}, after deleting them`)];
    for (const pass of passes) {
      const t0 = performance.now();
      const results = await rt.ingestPaths([SEEDS_DIR, DEV_DIR]);
      const ms = performance.now() - t0;
      const ok = results.filter((r) => r.status !== 'failed').length;
      const passages = results.reduce((a, r) => a + (r.counts?.passages ?? 0), 0);
      console.log(
        `  npm run ingest path (isolated analysis worker, graph write, lineage), ${pass}: ${ok}/${results.length} files, ` +
          `${passages} passages in ${seconds(ms)} = ${perSecond(ok, ms)} documents/s`,
      );
      for (const r of results) if (r.documentId) await deleteDocument(rt.conn, r.documentId);
    }
  } finally {
    await rt.close();
  }
}
