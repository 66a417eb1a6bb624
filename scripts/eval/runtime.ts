/**
 * The evaluation's graph: a runtime on DATA_DIR (default `data/eval`, local Neo4j unless NEO4J_URI is
 * set) holding the seeds and the dev corpus, ingested once; later runs reuse the stored graph.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import { seedTaxonomy } from '../../graph/writer.ts';
import { FIELDS } from '../../ingest/extract/fields.ts';
import { ingestPaths, loadManifest } from '../../ingest/pipeline.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import { connectGraph, openRuntime, parseOptions, type Runtime } from '../../src/runtime.ts';

export const SEEDS_DIR = path.resolve('corpus');
export const DEV_DIR = path.resolve('..', 'shared', 'corpus-dev');

/** The evaluation config: the environment with DATA_DIR defaulting to data/eval, offline runtime search. */
export function evalConfig(env: Record<string, string | undefined> = process.env): Config {
  return loadConfig({
    ...env,
    DATA_DIR: env.DATA_DIR ?? path.join('data', 'eval'),
    CORPUS_DIR: SEEDS_DIR,
    EMBEDDER: 'offline',
    SEARCH_WEIGHTS: undefined,
  });
}

/** Text files of a corpus folder (what the ingest would take from it). */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Document id → source file name, for every document in the graph. */
export async function documentFiles(conn: GraphConnection): Promise<Map<string, string>> {
  const rows = await conn.read(async (tx) => {
    const res = await tx.run('MATCH (d:Document) RETURN d.id AS id, d.file AS file');
    return res.records.map((r) => ({ id: r.get('id') as string, file: r.get('file') as string }));
  });
  return new Map(rows.map((r) => [r.id, r.file]));
}

/** Paths of the seed and dev text files, seeds first, each folder in name order. */
export function seedAndDevFiles(): string[] {
  return [
    ...corpusFiles(SEEDS_DIR).map((f) => path.join(SEEDS_DIR, f)),
    ...corpusFiles(DEV_DIR).map((f) => path.join(DEV_DIR, f)),
  ];
}

/** Seed and dev files the graph does not hold yet. */
async function missingFiles(conn: GraphConnection): Promise<string[]> {
  const have = new Set((await documentFiles(conn)).values());
  return seedAndDevFiles().filter((p) => !have.has(path.basename(p)));
}

/**
 * Ingests the missing files straight through the pipeline, before any search index exists: the
 * runtime's search cannot open on an empty graph with the offline embedder (nothing to train on).
 */
export async function ingestMissing(config: Config, log: Logger): Promise<void> {
  const { conn, local } = await connectGraph(config, log);
  try {
    await seedTaxonomy(conn, FIELDS);
    const missing = await missingFiles(conn);
    if (missing.length === 0) return;
    log(`eval: ingesting ${missing.length} documents into ${config.dataDir}`);
    const manifest = new Map([...(await loadManifest(SEEDS_DIR)), ...(await loadManifest(DEV_DIR))]);
    const results = await ingestPaths(conn, missing, { parse: parseOptions(config, log), manifest });
    for (const r of results.filter((x) => x.status === 'failed')) {
      log.warn(`eval: ${r.file} failed: ${r.error?.code} ${r.error?.message}`);
    }
  } finally {
    await conn.close();
    await local?.stop();
  }
}

/** Ingests what is missing, then opens the runtime (graph + search) over the stored graph. */
export async function openEvalRuntime(
  config: Config,
  log: Logger,
  opts: { vectors?: boolean } = {},
): Promise<Runtime> {
  await ingestMissing(config, log);
  const rt = await openRuntime(config, log, opts);
  await rt.search.embeddingsIdle();
  return rt;
}
