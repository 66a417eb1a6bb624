/**
 * One contract for every vector backend (in-process hnsw/exact, Neo4j's vector index): the same suite runs
 * from tests/unit/vector-contract.test.ts and tests/integration/vector-neo4j.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_SYNC, type VectorBackend } from '../../src/search/vector/backend.ts';

/** Deterministic pseudo-random vectors (mulberry32). */
export function randomVectors(count: number, dim: number, seed: number): number[][] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: dim }, next));
}

export const CONTRACT_MODEL = 'contract-model';

/**
 * `open(model, dim)` opens the backend kept at one place (a folder, a database): an earlier `commit` there
 * must be found again; `fresh()` empties that place first.
 */
export function vectorBackendContract(
  name: string,
  open: (model: string, dim: number) => Promise<VectorBackend>,
  fresh: () => Promise<void>,
): void {
  describe(`VectorBackend contract: ${name}`, () => {
    it('finds a stored vector first with cosine ≈ 1, respects k and the filter, replaces re-added ids', async () => {
      await fresh();
      const b = await open(CONTRACT_MODEL, 8);
      const vs = randomVectors(60, 8, 1);
      await b.add(vs.map((v, i) => ({ id: `p${i}`, vector: v })));
      expect(await b.size()).toBe(60);
      const hits = await b.search(vs[7]!, 5);
      expect(hits).toHaveLength(5);
      expect(hits[0]).toMatchObject({ id: 'p7' });
      expect(hits[0]!.score).toBeCloseTo(1, 2);
      for (let i = 1; i < hits.length; i++)
        expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
      const odd = await b.search(vs[7]!, 5, (id) => Number(id.slice(1)) % 2 === 1);
      expect(odd.length).toBeGreaterThan(0);
      expect(odd.every((h) => Number(h.id.slice(1)) % 2 === 1)).toBe(true);
      await b.add([{ id: 'p3', vector: [1, 0, 0, 0, 0, 0, 0, 0] }]);
      expect(await b.size()).toBe(60);
      expect((await b.search([1, 0, 0, 0, 0, 0, 0, 0], 1))[0]).toMatchObject({ id: 'p3' });
      await expect(b.add([{ id: 'bad', vector: [1, 2] }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('removes ids (unknown ones ignored) and lists exactly the live ones', async () => {
      await fresh();
      const b = await open(CONTRACT_MODEL, 4);
      await b.add(randomVectors(10, 4, 3).map((v, i) => ({ id: `y${i}`, vector: v })));
      await b.remove(['y2', 'y7', 'nope']);
      const expected = [0, 1, 3, 4, 5, 6, 8, 9].map((i) => `y${i}`);
      expect((await b.ids()).sort()).toEqual(expected);
      expect(await b.has('y2')).toBe(false);
      expect(await b.has('y3')).toBe(true);
      const q = randomVectors(1, 4, 9)[0]!;
      expect((await b.search(q, 10)).map((h) => h.id)).not.toContain('y7');
    });

    it('keeps vectors and the sync position across a commit and a reopen; clear forgets both', async () => {
      await fresh();
      const b = await open(CONTRACT_MODEL, 6);
      expect(b.reused).toBe(false);
      expect(b.sync).toEqual(EMPTY_SYNC);
      const vs = randomVectors(30, 6, 5);
      await b.add(vs.map((v, i) => ({ id: `c${i}`, vector: v })));
      const sync = { epoch: 'e1', cursor: 42, removedCursor: 7 };
      await b.commit(sync);
      const again = await open(CONTRACT_MODEL, 6);
      expect(again.reused).toBe(true);
      expect(again.sync).toEqual(sync);
      expect(await again.size()).toBe(30);
      expect((await again.search(vs[4]!, 1))[0]).toMatchObject({ id: 'c4' });
      await again.clear();
      expect(await again.size()).toBe(0);
      expect(again.sync).toEqual(EMPTY_SYNC);
    });

    it('refuses vectors of another model or dimension: starts empty and says why', async () => {
      await fresh();
      const b = await open(CONTRACT_MODEL, 4);
      await b.add([{ id: 'a', vector: [1, 2, 3, 4] }]);
      await b.commit({ epoch: 'e', cursor: 1, removedCursor: 0 });
      for (const [model, dim] of [
        ['other-model', 4],
        ['other-model', 5],
      ] as const) {
        const other = await open(model, dim);
        expect(other.reused).toBe(false);
        expect(await other.size()).toBe(0);
        expect(other.sync).toEqual(EMPTY_SYNC);
        await other.commit({ epoch: 'e', cursor: 1, removedCursor: 0 });
      }
    });
  });
}
