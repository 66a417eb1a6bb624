/**
 * Downloads a transformers.js embedding model once, on a machine with internet, so later runs load it
 * offline. Usage:
 *
 *   MODEL_DIR=./data/models npx tsx scripts/download-model.ts [model] [--fp32]
 *
 * `model` defaults to Xenova/multilingual-e5-small. transformers.js itself fetches the files from the
 * Hugging Face hub into its file cache (`env.cacheDir = MODEL_DIR`), which stores them as
 * `MODEL_DIR/<model>/config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx` —
 * exactly the layout `env.localModelPath = MODEL_DIR` reads, so the service then runs with
 * `modelDir: MODEL_DIR` and `allowRemoteModels = false`. `--fp32` fetches `onnx/model.onnx` as well.
 * Afterwards the script reopens the model offline and embeds a test sentence to prove it works.
 */
import { resolve } from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import {
  DEFAULT_TRANSFORMERS_MODEL,
  TransformersEmbedder,
  locateModel,
} from '../src/search/embedder/transformers.ts';

async function download(model: string, dir: string, quantized: boolean): Promise<void> {
  // Remote only, into the file cache: files already in `dir` are cache hits and are not fetched again.
  env.allowRemoteModels = true;
  env.allowLocalModels = false;
  env.useFSCache = true;
  env.cacheDir = dir;
  let lastFile = '';
  const extractor = await pipeline('feature-extraction', model, {
    quantized,
    progress_callback: (p: { status: string; file?: string; progress?: number }) => {
      if (p.status === 'progress' && p.file && p.file !== lastFile) {
        lastFile = p.file;
        console.log(`  downloading ${p.file}`);
      }
    },
  });
  await extractor.dispose();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const model = args.find((a) => !a.startsWith('--')) ?? DEFAULT_TRANSFORMERS_MODEL;
  const dir = resolve(process.env.MODEL_DIR ?? 'data/models');
  const variants = args.includes('--fp32') ? [true, false] : [true];
  console.log(`Downloading ${model} into ${dir}`);
  for (const quantized of variants) await download(model, dir, quantized);
  const { root, missing } = locateModel({ model, modelDir: dir });
  if (!root) throw new Error(`download finished but files are missing: ${missing.join(', ')}`);
  const embedder = await TransformersEmbedder.open({ model, modelDir: dir });
  const v = await embedder.embedQuery('hỗ trợ doanh nghiệp nhỏ và vừa');
  console.log(
    `OK: ${model} works offline from ${dir} (dim ${embedder.dim}, |v| = ${Math.hypot(...v).toFixed(3)})`,
  );
  console.log(`Configure the service with modelDir=${dir} (embedder mode auto or transformers).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
