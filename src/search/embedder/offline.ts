/**
 * Offline embedder: latent semantic analysis trained on the corpus itself, so semantic search works on a
 * machine that has no neural model. Passages become TF-IDF vectors over syllables, folded syllables and
 * syllable bigrams; a truncated SVD (randomized subspace iteration) maps them to `dim` latent dimensions.
 * Any text — query or new passage — is folded in the same way, `normalise(tfidf(text) · V · Σ^-p)`, so
 * batch and single embedding agree and the model never needs retraining to embed new passages.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { NORMALIZE_ANALYZER, type TextAnalyzer, textFeatures } from './analyzer.ts';
import type { Csr } from './linalg.ts';
import { randomizedSvd } from './svd.ts';
import { type Embedder, type EmbedderDescription, l2normalize } from './types.ts';

export const OFFLINE_FORMAT_VERSION = 1;
/**
 * Default latent dimension. Measured on the 60 eval questions over 2,265 passages (vector-only MRR@10 /
 * hybrid at weights 1,0.3): 128 → .367/.705, 256 → .452/.728, 384 → .480/.731, 512 → .488/.741, with
 * training 4.8 s / 8.8 s / 16.8 s / 27.3 s. 256 balances quality against start-up training time.
 */
export const DEFAULT_OFFLINE_DIM = 256;

/** File name used by `save`/`load` inside an index directory. */
export const OFFLINE_MODEL_FILE = 'offline-embedder.json';

export interface OfflineTrainOptions {
  /** Latent dimensions (default `DEFAULT_OFFLINE_DIM`; fewer when the corpus has lower rank). */
  dim?: number;
  /** Minimum number of passages a feature must occur in (default 2, or 1 below 50 passages). */
  minDf?: number;
  /** Features in more than this share of passages are dropped (default 0.5). */
  maxDfRatio?: number;
  /** Largest vocabulary kept, most frequent features first (default 40_000). */
  maxVocabulary?: number;
  /** Exponent p of Σ^-p in the fold-in (default 1: classic LSI fold-in q·V·Σ⁻¹). */
  sigmaPower?: number;
  /**
   * The SVD runs on at most this many passages, an evenly spaced deterministic sample (default 2_500);
   * vocabulary and IDF always come from all passages. Bounds training time on large corpora.
   */
  maxSvdPassages?: number;
  /** Power iterations of the randomized SVD (default 2). */
  powerIterations?: number;
  seed?: number;
  analyzer?: TextAnalyzer;
}

export interface OfflineModelJson {
  formatVersion: number;
  kind: 'offline';
  model: string;
  analyzer: string;
  dim: number;
  trainedPassages: number;
  vocabulary: string[];
  /** base64 of little-endian Float32 idf weights, one per vocabulary entry. */
  idf: string;
  /** base64 of little-endian Float32 projection V·Σ^-p, row-major vocabulary × dim. */
  projection: string;
}

interface Vocab {
  terms: string[];
  index: Map<string, number>;
  idf: Float32Array;
}

export class OfflineEmbedder implements Embedder {
  readonly kind = 'offline' as const;
  readonly model: string;
  readonly dim: number;
  private readonly index: Map<string, number>;

  private constructor(
    private readonly vocab: string[],
    private readonly idf: Float32Array,
    private readonly projection: Float32Array,
    dim: number,
    private readonly trainedPassages: number,
    private readonly analyzer: TextAnalyzer,
  ) {
    this.dim = dim;
    this.index = new Map(vocab.map((t, i) => [t, i]));
    this.model = `offline-lsa-${analyzer.name}-${fingerprint(vocab, projection)}`;
  }

  static train(passages: string[], opts: OfflineTrainOptions = {}): OfflineEmbedder {
    const analyzer = opts.analyzer ?? NORMALIZE_ANALYZER;
    const docs = passages.map((p) => countFeatures(textFeatures(p, analyzer)));
    const vocab = buildVocabulary(docs, opts);
    if (vocab.terms.length === 0) {
      throw new AppError(
        'INVALID_INPUT',
        'cannot train the offline embedder: the passages contain no usable terms',
        {
          passages: passages.length,
        },
      );
    }
    const matrix = tfidfMatrix(evenSample(docs, opts.maxSvdPassages ?? 2_500), vocab);
    const svd = randomizedSvd(matrix, opts.dim ?? DEFAULT_OFFLINE_DIM, {
      seed: opts.seed ?? 42,
      powerIterations: opts.powerIterations,
    });
    const k = svd.sigma.length;
    const power = opts.sigmaPower ?? 1;
    const projection = new Float32Array(vocab.terms.length * k);
    for (let t = 0; t < vocab.terms.length; t++)
      for (let c = 0; c < k; c++)
        projection[t * k + c] = svd.v.data[t * k + c]! / Math.pow(svd.sigma[c]!, power);
    return new OfflineEmbedder(vocab.terms, vocab.idf, projection, k, passages.length, analyzer);
  }

  static fromJSON(json: OfflineModelJson, analyzer: TextAnalyzer = NORMALIZE_ANALYZER): OfflineEmbedder {
    if (json.formatVersion !== OFFLINE_FORMAT_VERSION || json.kind !== 'offline') {
      throw new AppError('INDEX_MISMATCH', 'saved offline embedder has an unsupported format', {
        expected: { formatVersion: OFFLINE_FORMAT_VERSION, kind: 'offline' },
        found: { formatVersion: json.formatVersion, kind: json.kind },
        hint: 'rebuild the index to retrain the offline embedder',
      });
    }
    if (json.analyzer !== analyzer.name) {
      throw new AppError(
        'INDEX_MISMATCH',
        'saved offline embedder was trained with a different text analyzer',
        {
          expected: analyzer.name,
          found: json.analyzer,
          hint: 'rebuild the index to retrain the offline embedder',
        },
      );
    }
    const idf = decodeFloats(json.idf);
    const projection = decodeFloats(json.projection);
    if (idf.length !== json.vocabulary.length || projection.length !== json.vocabulary.length * json.dim) {
      throw new AppError('INDEX_MISMATCH', 'saved offline embedder is inconsistent (sizes do not match)', {
        vocabulary: json.vocabulary.length,
        dim: json.dim,
      });
    }
    return new OfflineEmbedder(json.vocabulary, idf, projection, json.dim, json.trainedPassages, analyzer);
  }

  toJSON(): OfflineModelJson {
    return {
      formatVersion: OFFLINE_FORMAT_VERSION,
      kind: 'offline',
      model: this.model,
      analyzer: this.analyzer.name,
      dim: this.dim,
      trainedPassages: this.trainedPassages,
      vocabulary: this.vocab,
      idf: encodeFloats(this.idf),
      projection: encodeFloats(this.projection),
    };
  }

  /** Writes `offline-embedder.json` into `dir` (e.g. next to the vector index). */
  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, OFFLINE_MODEL_FILE), JSON.stringify(this.toJSON()));
  }

  static async load(dir: string, analyzer: TextAnalyzer = NORMALIZE_ANALYZER): Promise<OfflineEmbedder> {
    const json = JSON.parse(await readFile(join(dir, OFFLINE_MODEL_FILE), 'utf8')) as OfflineModelJson;
    return OfflineEmbedder.fromJSON(json, analyzer);
  }

  get vocabularySize(): number {
    return this.vocab.length;
  }

  embedPassages(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((t) => this.embedSync(t)));
  }

  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.embedSync(text));
  }

  /**
   * Synchronous fold-in. A text with no known feature has no direction in the latent space; it maps to
   * the first basis vector so that every result still has unit norm.
   */
  embedSync(text: string): number[] {
    const counts = countFeatures(textFeatures(text, this.analyzer));
    const out = new Float64Array(this.dim);
    for (const [term, tf] of counts) {
      const t = this.index.get(term);
      if (t === undefined) continue;
      const w = (1 + Math.log(tf)) * this.idf[t]!;
      const base = t * this.dim;
      for (let c = 0; c < this.dim; c++) out[c]! += w * this.projection[base + c]!;
    }
    l2normalize(out);
    if (out.every((x) => x === 0)) out[0] = 1;
    return Array.from(out);
  }

  describe(): EmbedderDescription {
    return { kind: this.kind, model: this.model, dim: this.dim };
  }
}

function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!);
}

function countFeatures(features: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of features) m.set(f, (m.get(f) ?? 0) + 1);
  return m;
}

function buildVocabulary(docs: Map<string, number>[], opts: OfflineTrainOptions): Vocab {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const term of d.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const minDf = opts.minDf ?? (n < 50 ? 1 : 2);
  const maxDf = Math.max(1, Math.floor((opts.maxDfRatio ?? 0.5) * n));
  const kept = [...df.entries()]
    .filter(([, c]) => c >= minDf && c <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxVocabulary ?? 40_000)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const terms = kept.map(([t]) => t);
  const idf = Float32Array.from(kept, ([, c]) => Math.log((1 + n) / (1 + c)) + 1);
  return { terms, index: new Map(terms.map((t, i) => [t, i])), idf };
}

/** Passage × term matrix, sublinear TF × IDF, each row scaled to unit length. */
function tfidfMatrix(docs: Map<string, number>[], vocab: Vocab): Csr {
  const indptr = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  docs.forEach((d, i) => {
    const row: [number, number][] = [];
    for (const [term, tf] of d) {
      const t = vocab.index.get(term);
      if (t !== undefined) row.push([t, (1 + Math.log(tf)) * vocab.idf[t]!]);
    }
    row.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(row.reduce((s, [, w]) => s + w * w, 0)) || 1;
    for (const [t, w] of row) {
      indices.push(t);
      values.push(w / norm);
    }
    indptr[i + 1] = indices.length;
  });
  return {
    rows: docs.length,
    cols: vocab.terms.length,
    indptr,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

function encodeFloats(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function decodeFloats(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

function fingerprint(vocab: string[], projection: Float32Array): string {
  const h = createHash('sha256');
  h.update(vocab.join('\n'));
  h.update(Buffer.from(projection.buffer, projection.byteOffset, projection.byteLength));
  return h.digest('hex').slice(0, 12);
}
