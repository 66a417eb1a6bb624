/**
 * Neural embedder on transformers.js v2 (ONNX Runtime). Models are loaded from disk only: either from
 * `modelDir` (used as `env.localModelPath`, laid out `<modelDir>/<model>/{config.json,tokenizer.json,
 * tokenizer_config.json,onnx/model_quantized.onnx}`) or from the hub cache `cacheDir` that
 * `scripts/download-model.ts` fills — both layouts are the same. Remote downloads stay disabled unless
 * `allowRemote` is set. transformers.js keeps its settings in the global `env`, which `open` sets before
 * loading; open models one at a time (concurrent `open` calls with different directories would race).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { type Embedder, type EmbedderDescription, l2normalize } from './types.ts';

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/multilingual-e5-small';

export interface TransformersEmbedderOptions {
  /** Hub id or local folder name, e.g. `Xenova/multilingual-e5-small`. */
  model: string;
  /** Directory holding `<model>/…` files; enables offline loading (`env.localModelPath`). */
  modelDir?: string;
  /** transformers.js file cache (`env.cacheDir`), the layout the download script writes. */
  cacheDir?: string;
  /** Load `onnx/model_quantized.onnx` (default true) or `onnx/model.onnx`. */
  quantized?: boolean;
  /** Query/passage prefixes. Default: `query: ` / `passage: ` for e5 models, none otherwise. */
  prefixes?: { query: string; passage: string };
  /** Texts per forward pass (default 16). */
  batchSize?: number;
  /** Allow downloading missing files from the Hugging Face hub (default false). */
  allowRemote?: boolean;
}

type ExtractorOutput = { data: ArrayLike<number>; dims: number[] };
type Extractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<ExtractorOutput>;

export function isE5Model(model: string): boolean {
  return /(^|[/_-])e5([/_-]|$)/i.test(model);
}

/** The files transformers.js v2 needs for a feature-extraction model. */
export function requiredModelFiles(quantized = true): string[] {
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/model${quantized ? '_quantized' : ''}.onnx`,
  ];
}

/** Where the model's files are on disk, or `null` with the list of missing files. No network access. */
export function locateModel(opts: TransformersEmbedderOptions): { root: string | null; missing: string[] } {
  const files = requiredModelFiles(opts.quantized ?? true);
  const bases = [opts.modelDir, opts.cacheDir].filter((b): b is string => Boolean(b));
  const absent = (base: string): string[] =>
    files.map((f) => join(base, opts.model, f)).filter((path) => !existsSync(path));
  for (const base of bases) if (absent(base).length === 0) return { root: base, missing: [] };
  const first = bases[0];
  return { root: null, missing: first ? absent(first) : files.map((f) => join('<modelDir>', opts.model, f)) };
}

/** True when every file the model needs exists locally (checks `modelDir`, then `cacheDir`). */
export function isTransformersModelAvailable(opts: TransformersEmbedderOptions): boolean {
  return locateModel(opts).root !== null;
}

export class TransformersEmbedder implements Embedder {
  readonly kind = 'transformers' as const;

  private constructor(
    readonly model: string,
    readonly dim: number,
    private readonly extractor: Extractor,
    private readonly prefixes: { query: string; passage: string },
    private readonly batchSize: number,
  ) {}

  static async open(opts: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { root, missing } = locateModel(opts);
    if (!root && !opts.allowRemote) {
      throw new AppError('MODEL_UNAVAILABLE', `embedding model "${opts.model}" is not available locally`, {
        model: opts.model,
        missing,
        hint: `run: MODEL_DIR=<dir> npx tsx scripts/download-model.ts ${opts.model} (on a machine with internet)`,
      });
    }
    const { env, pipeline } = await import('@xenova/transformers');
    env.allowLocalModels = true;
    if (root) env.localModelPath = root;
    if (opts.cacheDir) env.cacheDir = opts.cacheDir;
    env.allowRemoteModels = opts.allowRemote ?? false;
    let extractor: Extractor;
    try {
      const pipe = await pipeline('feature-extraction', opts.model, { quantized: opts.quantized ?? true });
      extractor = (texts, o) => pipe(texts, o) as Promise<ExtractorOutput>;
    } catch (err) {
      throw new AppError(
        'MODEL_UNAVAILABLE',
        `embedding model "${opts.model}" could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
        { model: opts.model, modelDir: root },
        { cause: err },
      );
    }
    const prefixes =
      opts.prefixes ??
      (isE5Model(opts.model) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' });
    const probe = await extractor(['dim'], { pooling: 'mean', normalize: true });
    const dim = probe.dims[probe.dims.length - 1] ?? 0;
    return new TransformersEmbedder(opts.model, dim, extractor, prefixes, opts.batchSize ?? 16);
  }

  async embedPassages(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => this.prefixes.passage + t);
      out.push(...(await this.run(batch)));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.run([this.prefixes.query + text]);
    return v ?? [];
  }

  describe(): EmbedderDescription {
    return { kind: this.kind, model: this.model, dim: this.dim };
  }

  private async run(texts: string[]): Promise<number[][]> {
    const res = await this.extractor(texts, { pooling: 'mean', normalize: true });
    const flat = Array.from(res.data);
    const rows: number[][] = [];
    // Re-normalise in double precision so every vector has unit norm to ~1e-15.
    for (let r = 0; r < texts.length; r++)
      rows.push(l2normalize(flat.slice(r * this.dim, (r + 1) * this.dim)));
    return rows;
  }
}
