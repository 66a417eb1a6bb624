import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
import { createVectorIndex, openVectorIndex, type VectorIndex } from './vector/index.ts';

export interface VectorStoreOptions {
  /** Folder for the saved offline model and vector index (under DATA_DIR). */
  dir: string;
  mode: EmbedderMode;
  model: string;
  modelDir?: string;
  /** EMBEDDINGS_URL and friends: `auto`, `e5` and `openai` embed through it. */
  endpoint?: EmbeddingsEndpointConfig;
  /** Options of the local e5 server (`auto` and `e5` without an endpoint). */
  localServer?: LocalServerOptions;
  log: Logger;
  /**
   * The offline embedder is retrained (and every vector rebuilt) once the corpus has grown past this
   * factor of the passages it was trained on; below it, new passages are folded in. Default 2.
   */
  retrainGrowth?: number;
}

export interface EmbeddableText {
  id: string;
  text: string;
}

export interface VectorStoreStatus {
  embedder: { kind: string; model: string; dim: number };
  index: { kind: string; size: number; reusedFromDisk: boolean; dir: string };
  lastSync: { added: number; removed: number; ms: number };
}

const EMBED_BATCH = 64;

/**
 * The embedder plus the vector index of all passages, persisted under `dir` and kept in sync with the
 * graph: a sync embeds passages the index lacks and drops those the graph no longer has. A saved index
 * built with another model, dimension or format is refused by the index layer; the store then logs the
 * refusal with its hint and rebuilds from the graph.
 */
export class VectorStore {
  private lastSync = { added: 0, removed: 0, ms: 0 };
  private embedder: Embedder | null = null;
  private index: VectorIndex | null = null;
  private reusedFromDisk = false;
  private trainedOn = 0;

  private constructor(private readonly opts: VectorStoreOptions) {}

  static async open(opts: VectorStoreOptions, passages: EmbeddableText[]): Promise<VectorStore> {
    const store = new VectorStore(opts);
    await store.sync(passages);
    return store;
  }

  get size(): number {
    return this.index?.size ?? 0;
  }

  describe(): VectorStoreStatus {
    const waiting = { kind: `${this.opts.mode} (waiting for the first passages)`, model: '', dim: 0 };
    return {
      embedder: this.embedder?.describe() ?? waiting,
      index: {
        kind: this.index?.kind ?? 'none',
        size: this.size,
        reusedFromDisk: this.reusedFromDisk,
        dir: this.opts.dir,
      },
      lastSync: this.lastSync,
    };
  }

  /** Brings the index in line with `passages`; retrains the offline embedder when the corpus outgrew it. */
  async sync(passages: EmbeddableText[]): Promise<void> {
    const t0 = performance.now();
    if (this.shouldRetrain(passages.length)) await this.dropForRetrain(passages.length);
    const opened = await this.ensureOpen(passages);
    if (!opened) return;
    const { embedder, index } = opened;
    const wanted = new Set(passages.map((p) => p.id));
    const missing = passages.filter((p) => !index.has(p.id));
    const stale = index.ids().filter((id) => !wanted.has(id));
    for (const id of stale) index.remove(id);
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vectors = await embedder.embedPassages(batch.map((p) => p.text));
      batch.forEach((p, j) => index.add(p.id, vectors[j]!));
    }
    if (missing.length > 0 || stale.length > 0) await index.save(indexDir(this.opts));
    this.lastSync = { added: missing.length, removed: stale.length, ms: Math.round(performance.now() - t0) };
  }

  async search(
    query: string,
    k: number,
    filter?: (id: string) => boolean,
  ): Promise<{ id: string; score: number }[]> {
    if (!this.embedder || !this.index || this.index.size === 0) return [];
    const q = await this.embedder.embedQuery(query);
    return this.index.search(q, k, filter);
  }

  /**
   * Opens the embedder and the saved index on first use. The offline embedder learns from the corpus,
   * so with no passages yet (an empty graph) both wait for the first ingest.
   */
  private async ensureOpen(
    passages: EmbeddableText[],
  ): Promise<{ embedder: Embedder; index: VectorIndex } | null> {
    if (this.embedder && this.index) return { embedder: this.embedder, index: this.index };
    const needsCorpus = mayUseOffline(this.opts) && !(await hasSavedOffline(this.opts));
    if (passages.length === 0 && needsCorpus) return null;
    const { embedder, trainedOn } = await openEmbedder(this.opts, passages);
    const { index, reused } = await openIndex(this.opts, embedder, passages.length);
    this.embedder = embedder;
    this.index = index;
    this.reusedFromDisk = reused;
    this.trainedOn = trainedOn;
    return { embedder, index };
  }

  private shouldRetrain(count: number): boolean {
    if (!(this.embedder instanceof OfflineEmbedder)) return false;
    const growth = this.opts.retrainGrowth ?? 2;
    return count > this.trainedOn * growth && count - this.trainedOn > 200;
  }

  /** Forgets the offline model and its vectors; the next `ensureOpen` trains anew on the whole corpus. */
  private async dropForRetrain(count: number): Promise<void> {
    this.opts.log(`offline embedder: corpus grew from ${this.trainedOn} to ${count} passages, retraining`);
    await rm(this.opts.dir, { recursive: true, force: true });
    this.embedder = null;
    this.index = null;
  }
}

const offlineDir = (o: VectorStoreOptions) => path.join(o.dir, 'offline');
const indexDir = (o: VectorStoreOptions) => path.join(o.dir, 'vectors');
const trainedFile = (o: VectorStoreOptions) => path.join(offlineDir(o), 'trained.json');

async function openEmbedder(
  opts: VectorStoreOptions,
  passages: EmbeddableText[],
): Promise<{ embedder: Embedder; trainedOn: number }> {
  const saved = mayUseOffline(opts) ? await loadSavedOffline(opts) : null;
  const embedder = await createEmbedder(
    {
      mode: opts.mode,
      model: opts.model,
      ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      ...(opts.localServer ? { localServer: opts.localServer } : {}),
      ...(saved ? { offlineModel: saved.embedder.toJSON() } : {}),
    },
    () => passages.map((p) => p.text),
    { info: (s) => opts.log(s), warn: (s) => opts.log.warn(s) },
  );
  if (embedder instanceof OfflineEmbedder && !saved) {
    await embedder.save(offlineDir(opts));
    await writeFile(trainedFile(opts), JSON.stringify({ passages: passages.length }));
    return { embedder, trainedOn: passages.length };
  }
  return { embedder, trainedOn: saved?.trainedOn ?? passages.length };
}

/** Only `auto` (as the last resort) and `offline` use the LSA embedder trained on the corpus. */
function mayUseOffline(opts: VectorStoreOptions): boolean {
  return opts.mode === 'auto' || opts.mode === 'offline';
}

async function hasSavedOffline(opts: VectorStoreOptions): Promise<boolean> {
  try {
    await readFile(trainedFile(opts), 'utf8');
    return true;
  } catch {
    return false;
  }
}

async function loadSavedOffline(
  opts: VectorStoreOptions,
): Promise<{ embedder: OfflineEmbedder; trainedOn: number } | null> {
  try {
    const embedder = await OfflineEmbedder.load(offlineDir(opts));
    const { passages } = JSON.parse(await readFile(trainedFile(opts), 'utf8')) as { passages: number };
    return { embedder, trainedOn: passages };
  } catch (err) {
    if (isAppError(err) && err.code === 'INDEX_MISMATCH') {
      opts.log.warn(`saved offline embedder refused (${err.message}): retraining`);
    }
    return null;
  }
}

async function openIndex(
  opts: VectorStoreOptions,
  embedder: Embedder,
  expectedSize: number,
): Promise<{ index: VectorIndex; reused: boolean }> {
  const dir = indexDir(opts);
  try {
    return { index: await openVectorIndex(dir, { model: embedder.model, dim: embedder.dim }), reused: true };
  } catch (err) {
    if (isAppError(err) && err.code === 'INDEX_MISMATCH') {
      opts.log.warn(
        `saved vector index refused: ${err.message}; ${String(err.details.hint)} — rebuilding now`,
      );
      await rm(dir, { recursive: true, force: true });
    } else if (!(isAppError(err) && err.code === 'NOT_FOUND')) {
      throw err;
    }
  }
  await mkdir(dir, { recursive: true });
  return {
    index: createVectorIndex({ model: embedder.model, dim: embedder.dim, expectedSize }),
    reused: false,
  };
}
