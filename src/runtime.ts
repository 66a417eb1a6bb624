import { GraphConnection } from '../graph/connection.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.ts';
import { syncLineage } from '../graph/lineage.ts';
import { GraphReader } from '../graph/reader.ts';
import { DEFAULT_WATCHDOG, GraphWatchdog } from '../graph/watchdog.ts';
import { seedTaxonomy } from '../graph/writer.ts';
import { FIELDS } from '../ingest/extract/fields.ts';
import {
  collectFiles,
  ingestPaths,
  ingestSource,
  loadManifest,
  type FileResult,
} from '../ingest/pipeline.ts';
import { AnalysisHost } from '../ingest/isolate/host.ts';
import type { ParseOptions } from '../ingest/parse/index.ts';
import { IngestQueue } from '../ingest/queue.ts';
import type { ManifestEntry, SourceFile } from '../core/types.ts';
import type { AppContext } from './api/context.ts';
import { ResultCache } from './api/result-cache.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { SearchService } from './search/service.ts';
import { VERSION } from './version.ts';

/** The running parts of policy-kg: graph connection (and local Neo4j when started here) and search. */
export interface Runtime {
  config: Config;
  conn: GraphConnection;
  reader: GraphReader;
  search: SearchService;
  local: LocalNeo4j | null;
  /**
   * Ingests paths (files or folders): the lexical index follows in each document's transaction, the
   * vectors catch up in the background (`search.embeddingsIdle()` waits for them).
   */
  ingestPaths: (
    inputs: string[],
    onProgress?: (done: number, total: number, r: FileResult) => void,
  ) => Promise<FileResult[]>;
  ingestFiles: (files: SourceFile[]) => Promise<FileResult[]>;
  /** Uploads and start-up/CLI ingests pass through it one job at a time; full → BUSY (429). */
  queue: IngestQueue;
  /** Answers of repeated read queries, invalidated by every ingest. */
  cache: ResultCache;
  close: () => Promise<void>;
}

export function parseOptions(config: Config, log: Logger): ParseOptions {
  return { maxBytes: config.MAX_FILE_BYTES, timeoutMs: config.PARSE_TIMEOUT_MS, ocr: config.OCR, log };
}

/** Connects to NEO4J_URI, or starts the local Neo4j when it is unset. */
export async function connectGraph(
  config: Config,
  log: Logger,
): Promise<{ conn: GraphConnection; local: LocalNeo4j | null }> {
  if (config.NEO4J_URI) {
    const conn = await GraphConnection.open({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
    });
    return { conn, local: null };
  }
  const local = await startLocalNeo4j({ dataDir: config.dataDir, log });
  try {
    const conn = await GraphConnection.open({ uri: local.uri, user: 'neo4j', password: '' });
    return { conn, local };
  } catch (err) {
    await local.stop();
    throw err;
  }
}

/** Restarts an owned local Neo4j whose JVM died (or still hangs at the second attempt) and re-targets `conn`. */
function localRecovery(local: LocalNeo4j | null, conn: GraphConnection, log: Logger) {
  if (!local?.restart) return undefined;
  return async (attempt: number): Promise<void> => {
    if (attempt === 1 && local.pid !== undefined && processAlive(local.pid)) return;
    log.warn('restarting the local Neo4j');
    const uri = await local.restart!();
    await conn.retarget(uri);
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the graph (and the local Neo4j) and search. `vectors: false` is for processes that only write
 * (the CLI ingest): the running server, or the next start, embeds what they wrote.
 */
export async function openRuntime(
  config: Config,
  log: Logger,
  opts: { vectors?: boolean } = {},
): Promise<Runtime> {
  const { conn, local } = await connectGraph(config, log);
  const recover = localRecovery(local, conn, log);
  const watchdog = new GraphWatchdog(conn, { ...DEFAULT_WATCHDOG, log, ...(recover ? { recover } : {}) });
  watchdog.start();
  const reader = new GraphReader(conn);
  const cache = new ResultCache({}, () => search.vectorCount);
  // The taxonomy and lineage writes (graph-bound) and opening search (loading the vector index from disk)
  // do not depend on each other: run side by side, they take ~2.5 s less of a restart at 1M passages.
  const [search] = await Promise.all([
    SearchService.open(conn, config, log, { ...opts, onGraphChange: () => void cache.refresh() }),
    seedTaxonomy(conn, FIELDS).then(() => syncLineage(conn)),
  ]);
  /** After an ingest here: cached answers recomputed on the new graph before the caller hears back. */
  const refreshAnswers = async () => {
    await search.acknowledgeGraphChange();
    await cache.refresh();
  };
  const manifestCache = new Map<string, Awaited<ReturnType<typeof loadManifest>>>();
  const manifestFor = async (dir: string) => {
    if (!manifestCache.has(dir)) manifestCache.set(dir, await loadManifest(dir));
    return manifestCache.get(dir)!;
  };
  const host = new AnalysisHost({ maxMemoryMb: config.PARSE_MEMORY_MB, idleMs: 30_000 });
  const queue = new IngestQueue({ maxFiles: config.INGEST_QUEUE_FILES, retryAfterSeconds: 10 });
  const ingestOpts = {
    parse: parseOptions(config, log),
    analyse: (file: SourceFile, parse: ParseOptions, entry?: ManifestEntry) => host.run(file, parse, entry),
  };
  return {
    config,
    conn,
    reader,
    search,
    local,
    queue,
    cache,
    ingestPaths: (inputs, onProgress) =>
      queue.run(0, async () => {
        const files = await collectFiles(inputs);
        const manifest = new Map([...(await manifestFor(config.corpusDir))]);
        for (const input of inputs) for (const [k, v] of await manifestFor(input)) manifest.set(k, v);
        try {
          const results = await ingestPaths(conn, files, {
            ...ingestOpts,
            manifest,
            ...(onProgress ? { onProgress } : {}),
          });
          await syncLineage(conn);
          search.changed();
          return results;
        } finally {
          await refreshAnswers();
        }
      }),
    ingestFiles: (files) =>
      queue.run(files.length, async () => {
        const manifest = await manifestFor(config.corpusDir);
        const results: FileResult[] = [];
        try {
          for (const f of files) results.push(await ingestSource(conn, f, { ...ingestOpts, manifest }));
          await syncLineage(conn);
          search.changed();
          return results;
        } finally {
          await refreshAnswers();
        }
      }),
    close: async () => {
      await watchdog.stop();
      await host.close();
      await search.close();
      await conn.close();
      if (local) await local.stop();
    },
  };
}

/** The API's context for a running runtime. */
export function appContext(rt: Runtime, log: Logger): AppContext {
  return {
    cache: rt.cache,
    config: rt.config,
    conn: rt.conn,
    reader: rt.reader,
    search: rt.search,
    ingest: (files) => rt.ingestFiles(files),
    admitIngest: (count) => rt.queue.admit(count),
    version: VERSION,
    log,
  };
}
