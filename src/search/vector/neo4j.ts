/**
 * Vectors in Neo4j's vector index (VECTOR_INDEX=neo4j), for deployments where the whole index must live
 * with the graph (a Neo4j server or cluster). Neo4j's HNSW is approximate, so a search asks it for at least
 * `OVERSAMPLING` candidates and keeps the best `k`; a filter is applied to the over-sampled candidates. The
 * index keeps full-precision vectors (`PASSAGE_VECTOR_INDEX_SETTINGS`): quantised, recall@10 stayed at 0.85–0.87
 * at 100k in `npm run bench` however many candidates were asked; now 0.97 at k 100.
 */
import { PassageVectors } from '../../../graph/passage-vectors.ts';
import type { GraphConnection } from '../../../graph/connection.ts';
import { EMPTY_SYNC, type BackendOptions, type SyncState, type VectorBackend } from './backend.ts';
import { checkDim } from './exact.ts';
import { VECTOR_FORMAT_VERSION, type SearchHit } from './types.ts';

/** Candidates asked of Neo4j's index per search, at least. */
export const OVERSAMPLING = 100;
/** With a filter, candidates are this many times k (at least OVERSAMPLING). */
const FILTER_FACTOR = 10;

export class Neo4jBackend implements VectorBackend {
  readonly kind = 'neo4j' as const;

  private constructor(
    private readonly vectors: PassageVectors,
    readonly model: string,
    readonly dim: number,
    readonly reused: boolean,
    public sync: SyncState,
  ) {}

  /** Opens the vectors stored in the graph; another model, dimension or format is refused and dropped. */
  static async open(conn: GraphConnection, opts: BackendOptions): Promise<Neo4jBackend> {
    const vectors = new PassageVectors(conn);
    const state = await vectors.state();
    const matches =
      state !== null &&
      state.model === opts.model &&
      state.dim === opts.dim &&
      state.formatVersion === VECTOR_FORMAT_VERSION;
    if (state !== null && !matches) {
      opts.onRefused?.(
        `vectors in Neo4j were built with ${String(state.model)} (dim ${String(state.dim)}), ` +
          `not ${opts.model} (dim ${opts.dim}); rebuild: they are dropped and embedded again`,
      );
      await vectors.drop();
    }
    await vectors.ensureIndex(opts.dim);
    const sync: SyncState = matches
      ? {
          epoch: typeof state.epoch === 'string' ? state.epoch : null,
          cursor: Number(state.cursor ?? 0),
          removedCursor: Number(state.removedCursor ?? 0),
        }
      : { ...EMPTY_SYNC };
    if (!matches) {
      await vectors.setState({
        model: opts.model,
        dim: opts.dim,
        formatVersion: VECTOR_FORMAT_VERSION,
        ...sync,
      });
    }
    return new Neo4jBackend(vectors, opts.model, opts.dim, matches, sync);
  }

  size(): Promise<number> {
    return this.vectors.count();
  }
  has(id: string): Promise<boolean> {
    return this.vectors.has(id);
  }
  ids(): Promise<string[]> {
    return this.vectors.ids();
  }
  async add(entries: readonly { id: string; vector: number[] }[]): Promise<void> {
    for (const e of entries) checkDim(e.vector, this.dim);
    await this.vectors.upsert(entries.map((e) => ({ id: e.id, vector: e.vector })));
  }
  remove(ids: readonly string[]): Promise<void> {
    return this.vectors.delete([...ids]);
  }

  async search(q: number[], k: number, filter?: (id: string) => boolean): Promise<SearchHit[]> {
    checkDim(q, this.dim);
    if (k <= 0) return [];
    const asked = Math.max(OVERSAMPLING, filter ? k * FILTER_FACTOR : k);
    const hits = await this.vectors.search(q, asked);
    return hits.filter((h) => !filter || filter(h.id)).slice(0, k);
  }

  /** Vectors are durable as they are written; only the sync position is recorded. */
  async commit(sync: SyncState): Promise<void> {
    await this.vectors.setState({ ...sync });
    this.sync = { ...sync };
  }

  async clear(): Promise<void> {
    await this.vectors.clear();
    this.sync = { ...EMPTY_SYNC };
  }
}
