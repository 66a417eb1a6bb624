/**
 * Chooses the embedder. `auto` prefers the transformers.js model when its files are on disk and falls
 * back to the offline LSA embedder trained on the corpus, saying once why and how to get the model.
 */
import { OfflineEmbedder, type OfflineModelJson, type OfflineTrainOptions } from './offline.ts';
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
export { LOCAL_ANALYZER, NORMALIZE_ANALYZER, type TextAnalyzer } from './analyzer.ts';

export interface EmbedderConfig {
  mode: 'auto' | 'transformers' | 'offline';
  model: string;
  modelDir?: string;
  cacheDir?: string;
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
  const modelOpts = { model: cfg.model, modelDir: cfg.modelDir, cacheDir: cfg.cacheDir };
  if (cfg.mode === 'transformers' || (cfg.mode === 'auto' && isTransformersModelAvailable(modelOpts))) {
    const embedder = await TransformersEmbedder.open(modelOpts);
    log.info(`embedder: transformers model ${embedder.model} (dim ${embedder.dim}) loaded from local files`);
    return embedder;
  }
  if (cfg.offlineModel) {
    const embedder = OfflineEmbedder.fromJSON(cfg.offlineModel, cfg.offline?.analyzer);
    log[cfg.mode === 'auto' ? 'warn' : 'info'](
      `embedder: offline LSA ${embedder.model} loaded from the saved index (dim ${embedder.dim})${why(cfg)}`,
    );
    return embedder;
  }
  const passages = await trainingPassages();
  const started = performance.now();
  const embedder = OfflineEmbedder.train(passages, cfg.offline);
  const ms = Math.round(performance.now() - started);
  log[cfg.mode === 'auto' ? 'warn' : 'info'](
    `embedder: offline LSA trained on ${passages.length} passages in ${ms} ms (dim ${embedder.dim})${why(cfg)}`,
  );
  return embedder;
}

/** For `auto` fallbacks: why the neural model was not used and how to get it. */
function why(cfg: EmbedderConfig): string {
  if (cfg.mode !== 'auto') return '';
  const { missing } = locateModel({ model: cfg.model, modelDir: cfg.modelDir, cacheDir: cfg.cacheDir });
  return (
    ` — model ${cfg.model} is not available locally (missing ${missing[0] ?? 'files'}); for neural embeddings run ` +
    `\`MODEL_DIR=<dir> npx tsx scripts/download-model.ts ${cfg.model}\` on a machine with internet and start with MODEL_DIR=<dir>`
  );
}
