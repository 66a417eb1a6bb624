/**
 * Keeps a vector backend in line with the graph, after commit and in the background: deletions recorded
 * since the backend's `removedCursor` are applied (unless the passage exists again), passages with a
 * change sequence above its `cursor` are embedded in batches, and the position is committed with the
 * vectors (at least every `commitEveryMs` during a long backlog, and when it drains), so a crash resumes
 * where the last commit left off. A graph emptied and started anew (another epoch) starts the vectors anew.
 */
import type { PassageStore, SyncPassage } from '../../graph/passage-store.ts';
import type { Embedder } from './embedder/index.ts';
import { embeddingText } from './embedding-text.ts';
import type { SyncState, VectorBackend } from './vector/backend.ts';

export const EMBED_BATCH = 64;

export interface SyncRun {
  added: number;
  removed: number;
  ms: number;
  /** True when the vectors were started anew (new graph epoch). */
  full: boolean;
}

export interface SyncProgress {
  /** Vectors in the backend. */
  done: number;
  /** Passages of the graph not embedded yet. */
  pending: number;
}

export class EmbeddingSync {
  progress: SyncProgress = { done: 0, pending: 0 };
  /** The last run that added or removed vectors (or started them anew). */
  lastRun: SyncRun = { added: 0, removed: 0, ms: 0, full: false };
  private lastCommit = performance.now();

  constructor(
    private readonly store: PassageStore,
    private readonly backend: VectorBackend,
    private readonly embedder: Embedder,
    private readonly commitEveryMs = 30_000,
    /** Checked between batches: true stops the run (its position committed). */
    private readonly stopping: () => boolean = () => false,
  ) {}

  /** One pass: deletions, then every passage above the cursor; returns what it did. */
  async run(): Promise<SyncRun> {
    const t0 = performance.now();
    const state = await this.store.state();
    this.progress.done = await this.backend.size();
    if (!state) return this.finish(t0, 0, 0, false);
    let sync: SyncState = { ...this.backend.sync };
    let full = false;
    if (sync.epoch !== state.epoch) {
      full = sync.epoch !== null || this.progress.done > 0;
      if (full) await this.backend.clear();
      sync = { epoch: state.epoch, cursor: 0, removedCursor: 0 };
    }
    const removed = await this.applyRemovals(sync);
    this.progress.pending = await this.store.countAfter(sync.cursor);
    let added = 0;
    while (!this.stopping()) {
      const batch = await this.store.passagesAfter(sync.cursor, EMBED_BATCH);
      if (batch.length === 0) break;
      await this.embed(batch);
      sync.cursor = batch[batch.length - 1]!.seq;
      added += batch.length;
      this.progress.pending = Math.max(0, this.progress.pending - batch.length);
      if (performance.now() - this.lastCommit > this.commitEveryMs) await this.commit(sync);
    }
    const moved =
      sync.cursor !== this.backend.sync.cursor ||
      sync.removedCursor !== this.backend.sync.removedCursor ||
      sync.epoch !== this.backend.sync.epoch;
    if (moved) await this.commit(sync);
    this.progress = { done: await this.backend.size(), pending: this.stopping() ? this.progress.pending : 0 };
    return this.finish(t0, added, removed, full);
  }

  private async applyRemovals(sync: SyncState): Promise<number> {
    const removals = await this.store.removedAfter(sync.removedCursor);
    if (removals.length === 0) return 0;
    const ids = [...new Set(removals.flatMap((r) => r.ids))];
    // a passage written again after its deletion (same content re-ingested) keeps its vector
    const live = await this.store.existing(ids);
    const gone = ids.filter((id) => !live.has(id));
    await this.backend.remove(gone);
    sync.removedCursor = removals[removals.length - 1]!.seq;
    return gone.length;
  }

  private async embed(batch: SyncPassage[]): Promise<void> {
    const vectors = await this.embedder.embedPassages(batch.map(embeddingText));
    await this.backend.add(batch.map((p, i) => ({ id: p.id, vector: vectors[i]! })));
  }

  private async commit(sync: SyncState): Promise<void> {
    await this.backend.commit(sync);
    this.lastCommit = performance.now();
  }

  /** The run's figures; `lastRun` keeps the last run that changed something. */
  private finish(t0: number, added: number, removed: number, full: boolean): SyncRun {
    const run = { added, removed, ms: Math.round(performance.now() - t0), full };
    if (added + removed > 0 || full) this.lastRun = run;
    return run;
  }
}
