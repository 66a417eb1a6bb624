/** The vector backend contract against Neo4j's vector index (VECTOR_INDEX=neo4j), on the real test Neo4j. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphConnection } from '../../graph/connection.ts';
import * as Q from '../../graph/cypher.ts';
import { PassageVectors } from '../../graph/passage-vectors.ts';
import { Neo4jBackend } from '../../src/search/vector/neo4j.ts';
import { vectorBackendContract } from '../helpers/vector-backend-contract.ts';

let conn: GraphConnection;
beforeAll(async () => {
  conn = await GraphConnection.open({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
  });
});
afterAll(async () => {
  await conn?.close();
});

vectorBackendContract(
  'neo4j (vector index in the graph)',
  (model, dim) => Neo4jBackend.open(conn, { model, dim }),
  () => new PassageVectors(conn).drop(),
);

describe('the Neo4j vector index settings', () => {
  const indexConfig = async (): Promise<Record<string, unknown> | undefined> =>
    (await conn.column<Record<string, unknown>>(Q.PASSAGE_VECTOR_INDEX_CONFIG, {}, 'config'))[0];

  it('are full precision with a denser graph, and an index of older settings is rebuilt over the stored vectors', async () => {
    const vectors = new PassageVectors(conn);
    await vectors.drop();
    // the index as an earlier release created it: Neo4j's defaults (quantised, M 16)
    await conn.write((tx) =>
      tx.run(`CREATE VECTOR INDEX ${Q.PASSAGE_VECTOR_INDEX} FOR (v:PassageVector) ON v.embedding
        OPTIONS {indexConfig: {\`vector.dimensions\`: 4, \`vector.similarity_function\`: 'cosine'}}`),
    );
    await vectors.upsert([
      { id: 'pv-a', vector: [1, 0, 0, 0] },
      { id: 'pv-b', vector: [0, 1, 0, 0] },
    ]);
    expect((await indexConfig())?.['vector.quantization.enabled']).toBe(true);
    await vectors.ensureIndex(4);
    const config = await indexConfig();
    expect(config?.['vector.quantization.enabled']).toBe(false);
    expect(Number(config?.['vector.hnsw.m'])).toBe(32);
    expect(Number(config?.['vector.hnsw.ef_construction'])).toBe(200);
    expect(Q.sameVectorIndexConfig(config!, 4)).toBe(true);
    // an index of the current settings is kept as it is
    const indexId = async () =>
      (await conn.column<unknown>(Q.INDEX_IDS, { names: [Q.PASSAGE_VECTOR_INDEX] }, 'id'))[0];
    const before = await indexId();
    await vectors.ensureIndex(4);
    expect(await indexId()).toEqual(before);
    expect(await vectors.count()).toBe(2);
    expect((await vectors.search([0.9, 0.1, 0, 0], 1))[0]?.id).toBe('pv-a');
    await vectors.drop();
  });
});
