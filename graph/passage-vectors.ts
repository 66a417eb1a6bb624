/**
 * Passage vectors kept in Neo4j (VECTOR_INDEX=neo4j): `(:PassageVector {id, embedding})` nodes under the
 * vector index `passage_vectors`, and one `(:VectorState)` node holding the model, dimension, format and
 * the embedding sync's position, so the whole index lives (and is replicated) with the graph.
 */
import neo4j from 'neo4j-driver';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';

export type VectorStateProps = Record<string, string | number | null>;

/** How long a start waits for an index rebuilt over stored vectors (100k vectors took 55 s here). */
const REBUILD_WAIT_SECONDS = 3600;

export class PassageVectors {
  constructor(private readonly conn: GraphConnection) {}

  /** Creates the vector index for `dim` dimensions (idempotent) and waits until it is online. */
  async ensureIndex(dim: number): Promise<void> {
    // an index of other settings (an older release's) is rebuilt over the stored vectors, which stay
    const [config] = await this.conn.column<Record<string, unknown>>(
      Q.PASSAGE_VECTOR_INDEX_CONFIG,
      {},
      'config',
    );
    const rebuild = config !== undefined && !Q.sameVectorIndexConfig(config, dim);
    if (rebuild) await this.conn.write((tx) => tx.run(Q.DROP_PASSAGE_VECTOR_INDEX));
    await this.conn.write((tx) => tx.run(Q.createPassageVectorIndex(dim)));
    const waitSeconds = rebuild ? REBUILD_WAIT_SECONDS : 300;
    await this.conn.write((tx) => tx.run(Q.AWAIT_INDEXES, { seconds: neo4j.int(waitSeconds) }));
  }

  /** Drops the index, every vector and the saved state (another model or dimension). */
  async drop(): Promise<void> {
    await this.conn.write((tx) => tx.run(Q.DROP_PASSAGE_VECTOR_INDEX));
    await this.clear();
    await this.conn.write((tx) => tx.run(Q.DELETE_VECTOR_STATE));
  }

  async clear(): Promise<void> {
    for (;;) {
      const [n] = await this.conn.write(async (tx) =>
        (await tx.run(Q.DELETE_ALL_VECTORS)).records.map((r) => r.get('n') as number),
      );
      if (!n) return;
    }
  }

  async state(): Promise<VectorStateProps | null> {
    const [state] = await this.conn.column<VectorStateProps>(Q.VECTOR_STATE, {}, 'state');
    return state ?? null;
  }

  async setState(state: VectorStateProps): Promise<void> {
    await this.conn.write((tx) => tx.run(Q.SET_VECTOR_STATE, { state }));
  }

  async upsert(rows: { id: string; vector: number[] }[]): Promise<void> {
    if (rows.length > 0) await this.conn.write((tx) => tx.run(Q.UPSERT_VECTORS, { rows }));
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.conn.write((tx) => tx.run(Q.DELETE_VECTORS, { ids }));
  }

  async count(): Promise<number> {
    const [n] = await this.conn.column<number>(Q.COUNT_VECTORS, {}, 'n');
    return n ?? 0;
  }

  ids(): Promise<string[]> {
    return this.conn.column<string>(Q.VECTOR_IDS, {}, 'id');
  }

  async has(id: string): Promise<boolean> {
    const [found] = await this.conn.column<boolean>(Q.HAS_VECTOR, { id }, 'found');
    return found === true;
  }

  /** The `k` nearest vectors with their cosine similarity. */
  async search(vector: number[], k: number): Promise<{ id: string; score: number }[]> {
    const res = await this.conn.query(Q.VECTOR_SEARCH, { k: neo4j.int(k), vector });
    return res.records.map((r) => ({ id: r.get('id') as string, score: 2 * (r.get('score') as number) - 1 }));
  }
}
