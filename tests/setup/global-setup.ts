import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

let local: LocalNeo4j | null = null;

/**
 * Integration tests run against a real Neo4j: NEO4J_URI when set, otherwise the project's local Neo4j
 * (started here, in its own data folder `data/test`, and stopped afterwards).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    const dataDir = path.resolve(process.env.TEST_DATA_DIR ?? 'data/test');
    local = await startLocalNeo4j({ dataDir, log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
    uri = local.uri;
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
  project.provide('neo4jPassword', uri === local?.uri ? '' : (process.env.NEO4J_PASSWORD ?? ''));
  return async () => {
    if (local) await local.stop();
    local = null;
  };
}
