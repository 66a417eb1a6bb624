/**
 * Vector index factory and persistence. Below `EXACT_INDEX_THRESHOLD` vectors brute force is fast enough
 * (5 000 × 384 dims ≈ 2M multiply-adds, about a millisecond per query) and exact; above it HNSW keeps
 * queries sub-linear. `openVectorIndex` refuses an index built for another embedder or format.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { ExactIndex } from './exact.ts';
import { HnswIndex, type HnswOptions } from './hnsw.ts';
import {
  VECTOR_FORMAT_VERSION,
  type VectorIndex,
  type VectorIndexKind,
  type VectorIndexMeta,
} from './types.ts';

export { ExactIndex } from './exact.ts';
export { HnswIndex, type HnswOptions } from './hnsw.ts';
export * from './types.ts';

/** Collections with fewer vectors than this use the exact index. */
export const EXACT_INDEX_THRESHOLD = 5_000;

export interface CreateVectorIndexOptions extends HnswOptions {
  /** Expected number of vectors; decides the kind unless `kind` is given. */
  expectedSize: number;
  kind?: VectorIndexKind;
  threshold?: number;
}

export function chooseIndexKind(expectedSize: number, threshold = EXACT_INDEX_THRESHOLD): VectorIndexKind {
  return expectedSize < threshold ? 'exact' : 'hnsw';
}

export function createVectorIndex(opts: CreateVectorIndexOptions): VectorIndex {
  const kind = opts.kind ?? chooseIndexKind(opts.expectedSize, opts.threshold);
  if (kind === 'exact') return new ExactIndex(opts);
  return new HnswIndex({
    ...opts,
    capacity: Math.max(opts.capacity ?? 0, Math.ceil(opts.expectedSize * 1.25)),
  });
}

/** Builds an index of the right kind for `entries` and adds them all. */
export function buildVectorIndex(
  entries: Iterable<[string, number[]]> | [string, number[]][],
  opts: Omit<CreateVectorIndexOptions, 'expectedSize'>,
): VectorIndex {
  const list = [...entries];
  const index = createVectorIndex({ ...opts, expectedSize: list.length });
  for (const [id, v] of list) index.add(id, v);
  return index;
}

export async function readVectorIndexMeta(dir: string): Promise<VectorIndexMeta> {
  let text: string;
  try {
    text = await readFile(join(dir, 'meta.json'), 'utf8');
  } catch (err) {
    throw new AppError('NOT_FOUND', `no vector index in ${dir}`, { dir }, { cause: err });
  }
  return JSON.parse(text) as VectorIndexMeta;
}

/**
 * Opens a saved index, checking it was built with this format, embedder model and dimension (and kind,
 * when given); otherwise throws INDEX_MISMATCH with `{ expected, found, hint }`.
 */
export async function openVectorIndex(
  dir: string,
  expected: { model: string; dim: number; kind?: VectorIndexKind },
): Promise<VectorIndex> {
  const meta = await readVectorIndexMeta(dir);
  const want = {
    formatVersion: VECTOR_FORMAT_VERSION,
    model: expected.model,
    dim: expected.dim,
    kind: expected.kind,
  };
  const found = { formatVersion: meta.formatVersion, model: meta.model, dim: meta.dim, kind: meta.kind };
  const differs =
    found.formatVersion !== want.formatVersion ||
    found.model !== want.model ||
    found.dim !== want.dim ||
    (want.kind !== undefined && found.kind !== want.kind);
  if (differs) {
    throw new AppError(
      'INDEX_MISMATCH',
      `vector index in ${dir} was built for a different embedder or format`,
      {
        expected: want,
        found,
        hint: `rebuild with the current embedder (${expected.model}, dim ${expected.dim}): re-run indexing, e.g. npm run ingest`,
      },
    );
  }
  return meta.kind === 'hnsw' ? HnswIndex.load(dir, meta) : ExactIndex.load(dir, meta);
}
