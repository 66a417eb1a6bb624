import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AppError } from '../../core/errors.ts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXACT_INDEX_THRESHOLD,
  ExactIndex,
  HnswIndex,
  type VectorIndex,
  chooseIndexKind,
  createVectorIndex,
  openVectorIndex,
  VECTOR_FORMAT_VERSION,
} from '../../src/search/vector/index.ts';
import { LocalBackend } from '../../src/search/vector/backend.ts';
import { vectorBackendContract } from '../helpers/vector-backend-contract.ts';

const MODEL = 'test-model';
const backendDir = join(tmpdir(), `vector-backend-${process.pid}`, 'vectors');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'vector-index-'));
  dirs.push(d);
  return d;
}

/** Deterministic pseudo-random vectors (mulberry32). */
function randomVectors(count: number, dim: number, seed: number): number[][] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: dim }, next));
}

const kinds: [string, (dim: number) => VectorIndex][] = [
  ['exact', (dim) => new ExactIndex({ model: MODEL, dim })],
  ['hnsw', (dim) => new HnswIndex({ model: MODEL, dim, capacity: 16, ef: 200 })],
];

describe.each(kinds)('VectorIndex contract: %s', (kind, make) => {
  it('finds a stored vector first, with score ≈ 1, and respects k and the filter', () => {
    const index = make(8);
    const vs = randomVectors(50, 8, 1);
    vs.forEach((v, i) => index.add(`p${i}`, v));
    expect(index.size).toBe(50);
    const hits = index.search(vs[7]!, 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ id: 'p7' });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
    const odd = index.search(vs[7]!, 5, (id) => Number(id.slice(1)) % 2 === 1);
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.every((h) => Number(h.id.slice(1)) % 2 === 1)).toBe(true);
    expect(index.search(vs[0]!, 0)).toEqual([]);
    expect(index.search(vs[0]!, 500)).toHaveLength(50);
  });

  it('grows past its initial capacity and replaces a re-added id', () => {
    const index = make(4);
    randomVectors(100, 4, 2).forEach((v, i) => index.add(`x${i}`, v));
    index.add('x3', [1, 0, 0, 0]);
    expect(index.size).toBe(100);
    expect(index.search([1, 0, 0, 0], 1)[0]).toMatchObject({ id: 'x3' });
  });

  it('lists exactly its live ids', () => {
    const index = make(4);
    randomVectors(10, 4, 3).forEach((v, i) => index.add(`y${i}`, v));
    index.remove('y2');
    index.remove('y7');
    const expected = [0, 1, 3, 4, 5, 6, 8, 9].map((i) => `y${i}`);
    expect(index.ids().sort()).toEqual(expected);
    expect(expected.every((id) => index.has(id))).toBe(true);
  });

  it('add-then-remove leaves results as before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 20 }), (seed, extra) => {
        const index = make(6);
        const base = randomVectors(40, 6, seed);
        base.forEach((v, i) => index.add(`b${i}`, v));
        const q = randomVectors(1, 6, seed + 1)[0]!;
        const before = index.search(q, 5).map((h) => h.id);
        randomVectors(extra, 6, seed + 2).forEach((v, i) => index.add(`e${i}`, v));
        for (let i = 0; i < extra; i++) index.remove(`e${i}`);
        expect(index.size).toBe(40);
        expect(index.search(q, 5).map((h) => h.id)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('round-trips through save/open with identical results', async () => {
    const index = make(8);
    const vs = randomVectors(60, 8, 3);
    vs.forEach((v, i) => index.add(`p${i}`, v));
    index.remove('p5');
    const dir = await tempDir();
    await index.save(dir);
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({
      formatVersion: VECTOR_FORMAT_VERSION,
      kind,
      model: MODEL,
      dim: 8,
      count: 59,
    });
    const loaded = await openVectorIndex(dir, { model: MODEL, dim: 8 });
    expect(loaded.kind).toBe(kind);
    expect(loaded.size).toBe(59);
    expect(loaded.has('p5')).toBe(false);
    for (const q of randomVectors(5, 8, 4)) {
      const a = index.search(q, 7);
      const b = loaded.search(q, 7);
      expect(b.map((h) => h.id)).toEqual(a.map((h) => h.id));
      b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i]!.score, 5));
    }
    loaded.add('new', vs[0]!);
    expect(loaded.size).toBe(60);
  });

  it('refuses to open an index built for another model, dimension or format', async () => {
    const index = make(4);
    index.add('a', [1, 2, 3, 4]);
    const dir = await tempDir();
    await index.save(dir);
    const err = (await openVectorIndex(dir, { model: 'other-model', dim: 4 }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(err).toMatchObject({
      code: 'INDEX_MISMATCH',
      details: { expected: { model: 'other-model' }, found: { model: MODEL } },
    });
    expect(err.details.hint).toMatch(/rebuild/);
    await expect(openVectorIndex(dir, { model: MODEL, dim: 8 })).rejects.toMatchObject({
      code: 'INDEX_MISMATCH',
    });
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ ...meta, formatVersion: 0 }));
    await expect(openVectorIndex(dir, { model: MODEL, dim: 4 })).rejects.toMatchObject({
      code: 'INDEX_MISMATCH',
    });
  });

  it('after a save with the newest ids deleted, a reopened index adds, replaces and removes without losing one', async () => {
    const index = make(8);
    const vs = randomVectors(40, 8, 9);
    vs.slice(0, 30).forEach((v, i) => index.add(`p${i}`, v));
    // the last ids added are deleted before the save (their slots wait for reuse)
    for (const i of [27, 28, 29, 3]) index.remove(`p${i}`);
    const dir = await tempDir();
    await index.save(dir);
    const loaded = await openVectorIndex(dir, { model: MODEL, dim: 8 });
    vs.slice(30).forEach((v, i) => loaded.add(`n${i}`, v));
    for (let i = 0; i < 10; i++) loaded.remove(`n${i}`);
    for (let i = 0; i < 27; i++) if (i !== 3) loaded.remove(`p${i}`);
    expect(loaded.size).toBe(0);
    expect(loaded.ids()).toEqual([]);
  });

  it('rejects vectors of the wrong dimension', () => {
    expect(() => make(4).add('a', [1, 2])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('HNSW recall against exact search', () => {
  it('top-10 recall ≥ 0.9 on random data (property)', () => {
    const recalls: number[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const dim = 64;
        const exact = new ExactIndex({ model: MODEL, dim });
        const hnsw = new HnswIndex({ model: MODEL, dim, ef: 100, capacity: 256 });
        randomVectors(2000, dim, seed).forEach((v, i) => {
          exact.add(`v${i}`, v);
          hnsw.add(`v${i}`, v);
        });
        let found = 0;
        const queries = randomVectors(30, dim, seed + 7);
        for (const q of queries) {
          const truth = new Set(exact.search(q, 10).map((h) => h.id));
          found += hnsw.search(q, 10).filter((h) => truth.has(h.id)).length;
        }
        const recall = found / (queries.length * 10);
        recalls.push(recall);
        expect(recall).toBeGreaterThanOrEqual(0.9);
      }),
      { numRuns: 5 },
    );
    console.log(
      `HNSW top-10 recall (2000 × 64-dim random, ef 100): ${recalls.map((r) => r.toFixed(3)).join(', ')}`,
    );
  });
});

describe('index factory', () => {
  it(`uses exact below ${EXACT_INDEX_THRESHOLD} vectors and HNSW from there on`, () => {
    expect(chooseIndexKind(EXACT_INDEX_THRESHOLD - 1)).toBe('exact');
    expect(chooseIndexKind(EXACT_INDEX_THRESHOLD)).toBe('hnsw');
    expect(createVectorIndex({ model: MODEL, dim: 4, expectedSize: 10 }).kind).toBe('exact');
    expect(createVectorIndex({ model: MODEL, dim: 4, expectedSize: 20_000 }).kind).toBe('hnsw');
    expect(createVectorIndex({ model: MODEL, dim: 4, expectedSize: 10, threshold: 5 }).kind).toBe('hnsw');
  });
});

vectorBackendContract(
  'hnsw (in process, saved in a folder)',
  (model, dim) => LocalBackend.open(backendDir, { model, dim, kind: 'hnsw' }),
  () => rm(backendDir, { recursive: true, force: true }),
);
vectorBackendContract(
  'exact (in process, saved in a folder)',
  (model, dim) => LocalBackend.open(backendDir, { model, dim, kind: 'exact' }),
  () => rm(backendDir, { recursive: true, force: true }),
);
