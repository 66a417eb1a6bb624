import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TransformersEmbedder,
  isE5Model,
  isTransformersModelAvailable,
} from '../../src/search/embedder/transformers.ts';
import { TINY_MODEL_DIM, buildTinyModel } from '../setup/tiny-model.ts';

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('TransformersEmbedder on a tiny locally built ONNX model', () => {
  let dir: string;
  let name: string;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiny-model-'));
    name = await buildTinyModel(dir);
    embedder = await TransformersEmbedder.open({ model: name, modelDir: dir, quantized: false });
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the model files as available without network', () => {
    expect(isTransformersModelAvailable({ model: name, modelDir: dir })).toBe(true);
    expect(isTransformersModelAvailable({ model: name, modelDir: dir, quantized: false })).toBe(true);
    expect(isTransformersModelAvailable({ model: 'Xenova/multilingual-e5-small', modelDir: dir })).toBe(
      false,
    );
  });

  it('embeds to unit vectors of the model dimension, deterministically', async () => {
    expect(embedder.describe()).toEqual({ kind: 'transformers', model: name, dim: TINY_MODEL_DIM });
    const texts = ['phát triển công nghệ sinh học', 'ngân sách nhà nước', 'kế hoạch thực hiện nghị quyết'];
    const a = await embedder.embedPassages(texts);
    const b = await embedder.embedPassages(texts);
    expect(a).toHaveLength(3);
    for (const v of a) {
      expect(v).toHaveLength(TINY_MODEL_DIM);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
    expect(b).toEqual(a);
  });

  it('puts texts that share tokens closer than unrelated texts', async () => {
    const [x, y, z] = await embedder.embedPassages([
      'ứng dụng công nghệ sinh học trong nông nghiệp',
      'công nghệ sinh học cho nông nghiệp',
      'ủy ban nhân dân tỉnh ban hành kế hoạch',
    ]);
    expect(dot(x!, y!)).toBeGreaterThan(dot(x!, z!));
  });

  it('uses e5 prefixes only for e5 models', () => {
    expect(isE5Model('Xenova/multilingual-e5-small')).toBe(true);
    expect(isE5Model('intfloat/e5-base-v2')).toBe(true);
    expect(isE5Model(name)).toBe(false);
  });

  it('throws MODEL_UNAVAILABLE with the missing files when the model is absent', async () => {
    const err: unknown = await TransformersEmbedder.open({
      model: 'Xenova/multilingual-e5-small',
      modelDir: dir,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect((err as { details: { missing: string[] } }).details.missing.length).toBeGreaterThan(0);
  });
});
