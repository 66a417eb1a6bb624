import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ANALYZER } from '../../src/search/embedder/analyzer.ts';
import { OfflineEmbedder, type OfflineModelJson } from '../../src/search/embedder/offline.ts';
import { SHARED_DEV_CORPUS, corpusPassages } from '../setup/tiny-model.ts';

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Hand-written paraphrases (no quoted wording) and the topic word every relevant passage contains. */
const PARAPHRASES: { query: string; topic: RegExp }[] = [
  { query: 'lấy tiền ở đâu để triển khai, ngân sách và vốn tài trợ', topic: /kinh phí/i },
  { query: 'dùng vi sinh vật làm sạch nước thải, chống ô nhiễm', topic: /môi trường/i },
  { query: 'đào tạo chuyên gia, cán bộ giỏi cho ngành sinh học', topic: /nhân lực/i },
  { query: 'phổ biến cho người dân hiểu rõ chủ trương', topic: /tuyên truyền/i },
  { query: 'giống cây trồng vật nuôi năng suất cao', topic: /giống/i },
  { query: 'thức ăn sạch bảo đảm sức khỏe người tiêu dùng', topic: /thực phẩm/i },
];

describe('OfflineEmbedder (LSA) on real corpus passages', () => {
  let passages: { doc: string; text: string }[];
  let model: OfflineEmbedder;
  let vectors: number[][];

  beforeAll(async () => {
    passages = await corpusPassages([new URL('../../corpus/', import.meta.url).pathname, SHARED_DEV_CORPUS]);
    const started = performance.now();
    model = OfflineEmbedder.train(passages.map((p) => p.text));
    const ms = performance.now() - started;
    console.log(
      `offline LSA: ${passages.length} passages, vocab ${model.vocabularySize}, dim ${model.dim}, ${ms.toFixed(0)} ms`,
    );
    vectors = await model.embedPassages(passages.map((p) => p.text));
  }, 300_000);

  it('places passages of the same document closer than passages of different documents', () => {
    const same: number[] = [];
    const other: number[] = [];
    for (let i = 0; i + 1 < passages.length; i += 3) {
      const j = (i * 7919 + 13) % passages.length;
      if (passages[i + 1]!.doc === passages[i]!.doc) same.push(dot(vectors[i]!, vectors[i + 1]!));
      if (passages[j]!.doc !== passages[i]!.doc) other.push(dot(vectors[i]!, vectors[j]!));
    }
    expect(mean(same)).toBeGreaterThan(mean(other) + 0.1);
  });

  it('finds on-topic passages for paraphrased queries far better than chance', async () => {
    const k = 10;
    const gains: number[] = [];
    for (const { query, topic } of PARAPHRASES) {
      const q = await model.embedQuery(query);
      const ranked = vectors.map((v, i) => ({ i, s: dot(q, v) })).sort((a, b) => b.s - a.s);
      const precision = ranked.slice(0, k).filter((r) => topic.test(passages[r.i]!.text)).length / k;
      const base = passages.filter((p) => topic.test(p.text)).length / passages.length;
      gains.push(precision - base);
    }
    expect(mean(gains)).toBeGreaterThan(0.25);
    expect(gains.filter((g) => g > 0).length).toBeGreaterThanOrEqual(PARAPHRASES.length - 1);
  });

  it('round-trips through JSON with identical vectors and model id', async () => {
    const json = JSON.parse(JSON.stringify(model.toJSON())) as OfflineModelJson;
    const loaded = OfflineEmbedder.fromJSON(json);
    expect(loaded.describe()).toEqual(model.describe());
    const sample = passages.slice(0, 20).map((p) => p.text);
    expect(await loaded.embedPassages(sample)).toEqual(await model.embedPassages(sample));
    expect(await loaded.embedQuery('ứng dụng công nghệ sinh học')).toEqual(
      await model.embedQuery('ứng dụng công nghệ sinh học'),
    );
  });

  it('saves to and loads from a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'offline-embedder-'));
    try {
      await model.save(dir);
      const loaded = await OfflineEmbedder.load(dir);
      expect(loaded.model).toBe(model.model);
      expect(await loaded.embedQuery('kinh phí')).toEqual(await model.embedQuery('kinh phí'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic: training twice gives the same model', { timeout: 120_000 }, () => {
    const texts = passages.slice(0, 150).map((p) => p.text);
    const a = OfflineEmbedder.train(texts, { dim: 32 });
    const b = OfflineEmbedder.train(texts, { dim: 32 });
    expect(a.model).toBe(b.model);
    expect(a.embedSync(texts[3]!)).toEqual(b.embedSync(texts[3]!));
  });

  it('refuses a saved model from another format or analyzer', () => {
    const json = model.toJSON();
    expect(() => OfflineEmbedder.fromJSON({ ...json, formatVersion: 99 })).toThrow(
      expect.objectContaining({ code: 'INDEX_MISMATCH' }),
    );
    expect(() => OfflineEmbedder.fromJSON(json, LOCAL_ANALYZER)).toThrow(
      expect.objectContaining({ code: 'INDEX_MISMATCH' }),
    );
  });

  it('gives unknown text a unit vector and trains on tiny inputs', async () => {
    const small = OfflineEmbedder.train([
      'công nghệ sinh học',
      'nông nghiệp công nghệ cao',
      'ngân sách nhà nước',
    ]);
    expect(small.dim).toBeLessThanOrEqual(3);
    const v = await small.embedQuery('xyz qqq');
    expect(Math.hypot(...v)).toBeCloseTo(1, 10);
  });
});
