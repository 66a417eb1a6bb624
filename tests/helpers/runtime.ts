import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { GraphConnection } from '../../graph/connection.ts';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { appContext, openRuntime, type Runtime } from '../../src/runtime.ts';

export const SEEDS = path.resolve('corpus');

/**
 * A runtime on the test Neo4j with its own data folder; the database is emptied unless `keepGraph`.
 * `env` overrides settings (e.g. DATA_DIR to reopen a folder, EMBEDDER, MODEL_DIR).
 */
export async function openTestRuntime(
  env: Record<string, string> = {},
  opts: { keepGraph?: boolean; log?: Logger } = {},
): Promise<Runtime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-test-'));
  const config = loadConfig({
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    DATA_DIR: dataDir,
    CORPUS_DIR: SEEDS,
    EMBEDDER: 'offline',
    LOG_LEVEL: 'warn',
    ...env,
  });
  if (!opts.keepGraph) {
    const conn = await GraphConnection.open({
      uri: inject('neo4jUri'),
      user: inject('neo4jUser'),
      password: inject('neo4jPassword'),
    });
    await conn.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
    await conn.close();
  }
  return openRuntime(config, opts.log ?? createLogger('warn'));
}

export function appFor(rt: Runtime) {
  return createApp(appContext(rt, createLogger('warn')));
}

/** A logger that keeps its lines, for asserting what the service reported. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (line: string): void => {
    lines.push(line);
  };
  return Object.assign(keep, { debug: () => undefined, warn: keep, error: keep, lines });
}
