/**
 * The embedder, the vector backend and the background sync that keeps them in line with the graph. Opening
 * never waits for embeddings: the sync runs after every in-process ingest (`changed`), when the graph's
 * change marker moves (another process ingested, polled every `pollMs`), and once at start (to resume
 * after a crash). The offline LSA embedder learns from the corpus, so it waits for the first passages and
 * is retrained (every vector embedded again) once the corpus has grown past `retrainGrowth` times.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import type { PassageStore } from '../../graph/passage-store.ts';
import { isAppError } from '../../core/errors.ts';
import type { Logger } from '../log.ts';
import {
  createEmbedder,
  OfflineEmbedder,
  type Embedder,
  type EmbedderMode,
  type EmbeddingsEndpointConfig,
  type LocalServerOptions,
} from './embedder/index.ts';
import { EmbeddingSync, type SyncProgress, type SyncRun } from './embedding-sync.ts';
import { embeddingText, queryEmbeddingText } from './embedding-text.ts';
import type { Scored } from './fusion.ts';
import { LocalBackend, type VectorBackend } from './vector/backend.ts';
import { Neo4jBackend } from './vector/neo4j.ts';

export interface VectorStoreOptions {
  /** Folder for the saved offline model and the in-process vector index (under DATA_DIR). */
  dir: string;
  mode: EmbedderMode;
  model: string;
  modelDir?: string;
  /** EMBEDDINGS_URL and friends: `auto`, `e5` and `openai` embed through it. */
  endpoint?: EmbeddingsEndpointConfig;
  /** Options of the local e5 server (`auto` and `e5` without an endpoint). */
  localServer?: LocalServerOptions;
  /** `hnsw` (hnswlib-node in process, default), `neo4j` (Neo4j's vector index) or `exact`. */
  index: 'hnsw' | 'neo4j' | 'exact';
  conn: GraphConnection;
  store: PassageStore;
  log: Logger;
  /** Graph change marker poll interval (default 1000 ms; 0 = no polling). */
  pollMs?: number;
  /** Called when the poll sees the graph changed (another process wrote to it). */
  onGraphChange?: () => void;
  /** Offline embedder: retrain when the corpus outgrew this factor of its training set (default 2). */
  retrainGrowth?: number;
}

export interface VectorStoreStatus {
  embedder: { kind: string; model: string; dim: number };
  index: { kind: string; size: number; reusedFromDisk: boolean; dir: string };
  embedding: SyncProgress & { running: boolean; error: string | null };
  lastSync: SyncRun;
}

const TRAIN_PAGE = 5_000;
/** The offline embedder trains once the graph has not changed for this long. */
const TRAIN_SETTLE_MS = 1_500;

export class VectorStore {
  private embedder: Embedder | null = null;
  private backend: VectorBackend | null = null;
  private sync: EmbeddingSync | null = null;
  private trainedOn = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private seenVersion: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private error: string | null = null;
  private closed = false;
  /** `auto` found no neural embedder: later attempts train the offline one directly. */
  private offlineOnly = false;

  private constructor(private readonly opts: VectorStoreOptions) {}

  /** Opens the embedder (when it needs no corpus) and its saved vectors, then starts the sync. */
  static async open(opts: VectorStoreOptions): Promise<VectorStore> {
    const s = new VectorStore(opts);
    const saved = mayUseOffline(opts) ? await loadSavedOffline(opts) : null;
    if (saved || opts.mode !== 'offline') {
      // `auto` falls back to the offline embedder, which waits for a corpus (trainOffline)
      const embedder = await s.makeEmbedder(saved, null).catch((err: unknown) => {
        if (err === NEEDS_CORPUS) return null;
        throw err;
      });
      if (embedder) await s.useEmbedder(embedder, saved, 0);
      else s.offlineOnly = true;
    }
    if ((opts.pollMs ?? 1000) > 0) {
      s.timer = setInterval(() => void s.poll(), opts.pollMs ?? 1000);
      s.timer.unref();
    }
    s.changed();
    return s;
  }

  /** Passages with a vector now (cheap: read per request by the answer cache). */
  get vectorCount(): number {
    return this.sync?.progress.done ?? 0;
  }

  /** Kind of the active embedder (`e5`, `offline`, …), '' while there is none. */
  get embedderKind(): string {
    return this.embedder?.describe().kind ?? '';
  }

  describe(): VectorStoreStatus {
    const waiting = { kind: `${this.opts.mode} (waiting for the first passages)`, model: '', dim: 0 };
    const progress = this.sync?.progress ?? { done: 0, pending: 0 };
    return {
      embedder: this.embedder?.describe() ?? waiting,
      index: {
        kind: this.backend?.kind ?? 'none',
        size: progress.done,
        reusedFromDisk: this.backend?.reused ?? false,
        dir: this.opts.index === 'neo4j' ? 'neo4j' : this.opts.dir,
      },
      embedding: { ...progress, running: this.running !== null, error: this.error },
      lastSync: this.sync?.lastRun ?? { added: 0, removed: 0, ms: 0, full: false },
    };
  }

  async search(query: string, k: number): Promise<Scored[]> {
    if (!this.embedder || !this.backend) return [];
    const q = await this.embedder.embedQuery(queryEmbeddingText(query));
    return this.backend.search(q, k);
  }

  /** Something was written to the graph: run the sync (again, if one is running). */
  changed(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again && !this.closed);
    })().finally(() => {
      this.running = null;
    });
  }

  /**
   * This process changed the graph and refreshes its own answers: the change marker as it stands now is
   * not reported again by the poll (`onGraphChange` is for changes made elsewhere).
   */
  async acknowledgeGraphChange(): Promise<void> {
    const state = await this.opts.store.state().catch(() => null);
    if (state && this.seenVersion !== null) this.seenVersion = state.version;
  }

  /** Resolves once every passage written so far has its vector (or the sync failed: see `describe`). */
  async idle(): Promise<void> {
    this.changed();
    while (this.running) await this.running;
  }

  /** Stops the sync (after its current batch) and the embedder (the local e5 server it started). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running;
    await this.embedder?.close?.();
  }

  private async poll(): Promise<void> {
    try {
      const state = await this.opts.store.state();
      if (state && state.version !== this.seenVersion) {
        const first = this.seenVersion === null;
        this.seenVersion = state.version;
        if (!first) this.opts.onGraphChange?.();
        this.changed();
      }
    } catch {
      // the graph is unavailable for a moment: the next poll tries again
    }
  }

  private async runOnce(): Promise<void> {
    try {
      if (!this.embedder && !(await this.trainOffline())) return;
      if (!this.sync) return;
      const run = await this.sync.run();
      this.error = null;
      if (run.added + run.removed > 0 || run.full) {
        this.opts.log.debug(`vectors: +${run.added} −${run.removed} in ${run.ms} ms`);
      }
      if (this.shouldRetrain(await this.opts.store.count())) await this.retrain();
    } catch (err) {
      this.error = isAppError(err) ? `${err.code}: ${err.message}` : String(err);
      this.opts.log.warn(`vectors: sync failed (${this.error}); retrying at the next change`);
    }
  }

  /** The configured embedder; `corpus` null: training the offline one throws NEEDS_CORPUS instead. */
  private async makeEmbedder(saved: OfflineEmbedder | null, corpus: string[] | null): Promise<Embedder> {
    const o = this.opts;
    return createEmbedder(
      {
        mode: this.offlineOnly ? 'offline' : o.mode,
        model: o.model,
        ...(o.modelDir ? { modelDir: o.modelDir } : {}),
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.localServer ? { localServer: o.localServer } : {}),
        ...(saved ? { offlineModel: saved.toJSON() } : {}),
      },
      () => {
        if (corpus === null) throw NEEDS_CORPUS;
        return corpus;
      },
      { info: (s) => o.log(s), warn: (s) => o.log.warn(s) },
    );
  }

  private async useEmbedder(
    embedder: Embedder,
    saved: OfflineEmbedder | null,
    corpusSize: number,
  ): Promise<void> {
    const o = this.opts;
    if (embedder instanceof OfflineEmbedder && !saved) await saveOffline(o, embedder, corpusSize);
    this.trainedOn = embedder instanceof OfflineEmbedder ? await trainedOn(o) : 0;
    const refused = (reason: string) => o.log.warn(`saved vector index refused: ${reason} — rebuilding now`);
    const backendOpts = { model: embedder.model, dim: embedder.dim, onRefused: refused };
    this.backend =
      o.index === 'neo4j'
        ? await Neo4jBackend.open(o.conn, backendOpts)
        : await LocalBackend.open(path.join(o.dir, 'vectors'), { ...backendOpts, kind: o.index });
    this.embedder = embedder;
    this.sync = new EmbeddingSync(o.store, this.backend, embedder, 30_000, () => this.closed);
  }

  /**
   * Trains the offline embedder on every passage; false while the graph has none, or while it is still
   * being written (the version moved within `TRAIN_SETTLE_MS`: a run after the ingest trains on all of it).
   */
  private async trainOffline(): Promise<boolean> {
    const before = await this.opts.store.state();
    if (!before) return false;
    await new Promise((resolve) => setTimeout(resolve, TRAIN_SETTLE_MS));
    if ((await this.opts.store.state())?.version !== before.version) return false;
    const corpus: string[] = [];
    for (let after = 0; ;) {
      const page = await this.opts.store.passagesAfter(after, TRAIN_PAGE);
      if (page.length === 0) break;
      corpus.push(...page.map(embeddingText));
      after = page[page.length - 1]!.seq;
    }
    if (corpus.length === 0) return false;
    await this.useEmbedder(await this.makeEmbedder(null, corpus), null, corpus.length);
    return true;
  }

  private shouldRetrain(count: number): boolean {
    if (!(this.embedder instanceof OfflineEmbedder)) return false;
    return count > this.trainedOn * (this.opts.retrainGrowth ?? 2) && count - this.trainedOn > 200;
  }

  private async retrain(): Promise<void> {
    this.opts.log(`offline embedder: corpus grew past ${this.trainedOn} passages, retraining`);
    await this.backend?.clear();
    await rm(this.opts.dir, { recursive: true, force: true });
    this.embedder = null;
    this.sync = null;
    if (await this.trainOffline()) await this.sync!.run();
  }
}

const offlineDir = (o: VectorStoreOptions) => path.join(o.dir, 'offline');
const trainedFile = (o: VectorStoreOptions) => path.join(offlineDir(o), 'trained.json');

async function saveOffline(
  o: VectorStoreOptions,
  embedder: OfflineEmbedder,
  passages: number,
): Promise<void> {
  await mkdir(offlineDir(o), { recursive: true });
  await embedder.save(offlineDir(o));
  await writeFile(trainedFile(o), JSON.stringify({ passages }));
}

/** Only `auto` (as the last resort) and `offline` use the LSA embedder trained on the corpus. */
function mayUseOffline(o: VectorStoreOptions): boolean {
  return o.mode === 'auto' || o.mode === 'offline';
}

/** Thrown through `createEmbedder` when it falls back to training the offline embedder with no corpus yet. */
const NEEDS_CORPUS = new Error('the offline embedder needs passages to learn from');

async function trainedOn(o: VectorStoreOptions): Promise<number> {
  const { passages } = JSON.parse(await readFile(trainedFile(o), 'utf8')) as { passages: number };
  return passages;
}

async function loadSavedOffline(o: VectorStoreOptions): Promise<OfflineEmbedder | null> {
  try {
    await readFile(trainedFile(o), 'utf8');
    return await OfflineEmbedder.load(offlineDir(o));
  } catch (err) {
    if (isAppError(err) && err.code === 'INDEX_MISMATCH') {
      o.log.warn(`saved offline embedder refused (${err.message}): retraining`);
    }
    return null;
  }
}
