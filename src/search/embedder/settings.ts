/** The embedder part of the validated configuration, as `createEmbedder` takes it. */
import type { Config } from '../../config.ts';
import type { EmbedderConfig } from './index.ts';

export type EmbedderSettings = Pick<EmbedderConfig, 'mode' | 'model' | 'modelDir' | 'endpoint'>;

/** EMBEDDER, EMBEDDING_MODEL, MODEL_DIR and the EMBEDDINGS_* endpoint (when EMBEDDINGS_URL is set). */
export function embedderSettings(config: Config): EmbedderSettings {
  return {
    mode: config.EMBEDDER,
    model: config.EMBEDDING_MODEL,
    ...(config.MODEL_DIR ? { modelDir: config.MODEL_DIR } : {}),
    ...(config.EMBEDDINGS_URL
      ? {
          endpoint: {
            url: config.EMBEDDINGS_URL,
            model: config.EMBEDDINGS_MODEL,
            inputType: config.EMBEDDINGS_INPUT_TYPE,
            ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
          },
        }
      : {}),
  };
}
