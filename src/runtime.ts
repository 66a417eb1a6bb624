import { GraphConnection } from '../graph/connection.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.ts';
import { syncLineage } from '../graph/lineage.ts';
import { GraphReader } from '../graph/reader.ts';
import { seedTaxonomy } from '../graph/writer.ts';
import { FIELDS } from '../ingest/extract/fields.ts';
import {
  collectFiles,
  ingestPaths,
  ingestSource,
  loadManifest,
  type FileResult,
} from '../ingest/pipeline.ts';
import type { ParseOptions } from '../ingest/parse/index.ts';
import type { SourceFile } from '../core/types.ts';
import type { AppContext } from './api/context.ts';
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
  await seedTaxonomy(conn, FIELDS);
  await syncLineage(conn);
  const reader = new GraphReader(conn);
  const search = await SearchService.open(conn, config, log, opts);
  const manifestCache = new Map<string, Awaited<ReturnType<typeof loadManifest>>>();
  const manifestFor = async (dir: string) => {
    if (!manifestCache.has(dir)) manifestCache.set(dir, await loadManifest(dir));
    return manifestCache.get(dir)!;
  };
  const parse = { parse: parseOptions(config, log) };
  return {
    config,
    conn,
    reader,
    search,
    local,
    ingestPaths: async (inputs, onProgress) => {
      const files = await collectFiles(inputs);
      const manifest = new Map([...(await manifestFor(config.corpusDir))]);
      for (const input of inputs) for (const [k, v] of await manifestFor(input)) manifest.set(k, v);
      const results = await ingestPaths(conn, files, {
        ...parse,
        manifest,
        ...(onProgress ? { onProgress } : {}),
      });
      await syncLineage(conn);
      search.changed();
      return results;
    },
    ingestFiles: async (files) => {
      const manifest = await manifestFor(config.corpusDir);
      const results: FileResult[] = [];
      for (const f of files) results.push(await ingestSource(conn, f, { ...parse, manifest }));
      await syncLineage(conn);
      search.changed();
      return results;
    },
    close: async () => {
      await search.close();
      await conn.close();
      if (local) await local.stop();
    },
  };
}

/** The API's context for a running runtime. */
export function appContext(rt: Runtime, log: Logger): AppContext {
  return {
    config: rt.config,
    conn: rt.conn,
    reader: rt.reader,
    search: rt.search,
    ingest: rt.ingestFiles,
    version: VERSION,
    log,
  };
}
