/**
 * Vector index contract. Vectors are compared by cosine similarity; `score` is the cosine (1 = same
 * direction). Ids are the caller's passage ids.
 */

/**
 * Version of the saved vectors: 3 since passages are embedded with their document's title and locality and
 * capitals read in sentence case (`embedding-text.ts`); an index of another version is embedded anew.
 */
export const VECTOR_FORMAT_VERSION = 3;

export type VectorIndexKind = 'exact' | 'hnsw';

export interface SearchHit {
  id: string;
  score: number;
}

export interface VectorIndexMeta {
  formatVersion: number;
  kind: VectorIndexKind;
  /** Embedder model the vectors come from (`Embedder.model`). */
  model: string;
  dim: number;
  count: number;
  savedAt: string;
  hnsw?: { m: number; efConstruction: number; ef: number };
  /** The embedding sync's position saved with the vectors (see backend.ts). */
  sync?: { epoch: string | null; cursor: number; removedCursor: number };
}

export interface VectorIndex {
  readonly kind: VectorIndexKind;
  readonly model: string;
  readonly dim: number;
  /** Number of live vectors. */
  readonly size: number;
  /** Adds a vector, replacing any vector already stored under `id`. */
  add(id: string, v: number[]): void;
  /** Removes `id`; unknown ids are ignored. */
  remove(id: string): void;
  has(id: string): boolean;
  /** Ids of the live vectors. */
  ids(): string[];
  /** Up to `k` nearest ids by cosine, best first, only ids passing `filter` when given. */
  search(q: number[], k: number, filter?: (id: string) => boolean): SearchHit[];
  /** Writes `meta.json` plus the index files into `dir` (created if needed). */
  save(dir: string): Promise<void>;
}

export interface VectorIndexOptions {
  model: string;
  dim: number;
}
