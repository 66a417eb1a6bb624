/**
 * Where passage vectors live, behind one asynchronous interface (one contract suite runs against every
 * kind): in process (hnswlib-node, or exact for tests), saved under DATA_DIR with the format, model,
 * dimension and the embedding sync's position; or in Neo4j's vector index (`neo4j.ts`).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAppError } from '../../../core/errors.ts';
import { ExactIndex } from './exact.ts';
import { HnswIndex } from './hnsw.ts';
import { openVectorIndex, readVectorIndexMeta } from './index.ts';
import type { SearchHit, VectorIndex, VectorIndexMeta } from './types.ts';

/**
 * How far the embedding sync has come: vectors exist for every passage with a change sequence up to
 * `cursor`, deletions are applied up to `removedCursor`, both in the graph of `epoch`.
 */
export interface SyncState {
  epoch: string | null;
  cursor: number;
  removedCursor: number;
}

export const EMPTY_SYNC: Readonly<SyncState> = { epoch: null, cursor: 0, removedCursor: 0 };

export type BackendKind = 'hnsw' | 'exact' | 'neo4j';

export interface VectorBackend {
  readonly kind: BackendKind;
  readonly model: string;
  readonly dim: number;
  /** True when the vectors were kept from an earlier run (not refused, not new). */
  readonly reused: boolean;
  /** The sync position last committed with the vectors. */
  readonly sync: Readonly<SyncState>;
  size(): Promise<number>;
  has(id: string): Promise<boolean>;
  ids(): Promise<string[]>;
  /** Adds vectors, replacing those already stored under the same ids. */
  add(entries: readonly { id: string; vector: number[] }[]): Promise<void>;
  /** Removes ids; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** Up to `k` nearest ids by cosine (score = cosine), best first, only ids passing `filter`. */
  search(q: number[], k: number, filter?: (id: string) => boolean): Promise<SearchHit[]>;
  /** Makes the vectors and `sync` durable together. */
  commit(sync: SyncState): Promise<void>;
  /** Forgets every vector. */
  clear(): Promise<void>;
}

export interface BackendOptions {
  model: string;
  dim: number;
  /** Called once with the reason when a saved index is refused and started anew. */
  onRefused?: (reason: string) => void;
}

/** Vectors in this process (hnswlib-node or exact), saved under `dir` by `commit`. */
export class LocalBackend implements VectorBackend {
  private constructor(
    private index: VectorIndex,
    private readonly dir: string,
    readonly reused: boolean,
    public sync: SyncState,
    private readonly make: () => VectorIndex,
  ) {}

  get kind(): BackendKind {
    return this.index.kind;
  }
  get model(): string {
    return this.index.model;
  }
  get dim(): number {
    return this.index.dim;
  }

  /**
   * Opens the index saved in `dir` when it was built with this format, model and dimension; otherwise
   * (refused with the reason, or none saved) starts an empty one.
   */
  static async open(
    dir: string,
    opts: BackendOptions & { kind: 'hnsw' | 'exact'; ef?: number },
  ): Promise<LocalBackend> {
    const make = (): VectorIndex =>
      opts.kind === 'exact'
        ? new ExactIndex(opts)
        : new HnswIndex({ ...opts, ...(opts.ef ? { ef: opts.ef } : {}) });
    await recoverInterruptedSave(dir);
    try {
      const index = await openVectorIndex(dir, { model: opts.model, dim: opts.dim, kind: opts.kind });
      const meta = await readVectorIndexMeta(dir);
      return new LocalBackend(index, dir, true, meta.sync ?? { ...EMPTY_SYNC }, make);
    } catch (err) {
      if (isAppError(err) && err.code === 'INDEX_MISMATCH') {
        opts.onRefused?.(`${err.message}; ${String(err.details.hint)}`);
        await rm(dir, { recursive: true, force: true });
      } else if (!(isAppError(err) && err.code === 'NOT_FOUND')) {
        throw err;
      }
    }
    return new LocalBackend(make(), dir, false, { ...EMPTY_SYNC }, make);
  }

  size(): Promise<number> {
    return Promise.resolve(this.index.size);
  }
  has(id: string): Promise<boolean> {
    return Promise.resolve(this.index.has(id));
  }
  ids(): Promise<string[]> {
    return Promise.resolve(this.index.ids());
  }
  /** A wrong dimension rejects (the executor's throw becomes the rejection). */
  add(entries: readonly { id: string; vector: number[] }[]): Promise<void> {
    return new Promise((resolve) => {
      for (const e of entries) this.index.add(e.id, e.vector);
      resolve();
    });
  }
  remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.index.remove(id);
    return Promise.resolve();
  }
  search(q: number[], k: number, filter?: (id: string) => boolean): Promise<SearchHit[]> {
    return new Promise((resolve) => resolve(this.index.search(q, k, filter)));
  }

  /** Writes the index and its meta (with `sync`) to `dir.tmp`, then swaps it in for `dir`. */
  async commit(sync: SyncState): Promise<void> {
    const tmp = `${this.dir}.tmp`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    await this.index.save(tmp);
    const meta = JSON.parse(await readFile(join(tmp, 'meta.json'), 'utf8')) as VectorIndexMeta;
    await writeFile(join(tmp, 'meta.json'), JSON.stringify({ ...meta, sync }, null, 2));
    await rm(`${this.dir}.old`, { recursive: true, force: true });
    await rename(this.dir, `${this.dir}.old`).catch(() => undefined);
    await rename(tmp, this.dir);
    await rm(`${this.dir}.old`, { recursive: true, force: true });
    this.sync = { ...sync };
  }

  clear(): Promise<void> {
    this.index = this.make();
    this.sync = { ...EMPTY_SYNC };
    return Promise.resolve();
  }
}

/** A crash between the two renames of `commit` leaves only `dir.old`: it is the last complete save. */
async function recoverInterruptedSave(dir: string): Promise<void> {
  const exists = (p: string) =>
    readFile(join(p, 'meta.json')).then(
      () => true,
      () => false,
    );
  if (!(await exists(dir)) && (await exists(`${dir}.old`))) await rename(`${dir}.old`, dir);
}
