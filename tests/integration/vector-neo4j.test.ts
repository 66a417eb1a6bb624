/** The vector backend contract against Neo4j's vector index (VECTOR_INDEX=neo4j), on the real test Neo4j. */
import { afterAll, beforeAll, inject } from 'vitest';
import { GraphConnection } from '../../graph/connection.ts';
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
