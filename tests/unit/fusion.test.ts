import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RRF_K,
  normalizeScores,
  reciprocalRankFusion,
  weightedScoreFusion,
  type Scored,
} from '../../src/search/fusion.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** A ranked list of distinct ids with decreasing scores. */
const rankedList = fc.shuffledSubarray(ids).chain((sub) =>
  fc
    .array(fc.integer({ min: -100, max: 100 }), { minLength: sub.length, maxLength: sub.length })
    .map((scores) => {
      const sorted = [...scores].sort((x, y) => y - x);
      return sub.map((id, i): Scored => ({ id, score: sorted[i] ?? 0 }));
    }),
);
const lists = fc.array(rankedList, { minLength: 1, maxLength: 4 });

const order = (r: Scored[]) => r.map((x) => x.id);

describe('reciprocalRankFusion', () => {
  it('sums weight / (k + rank)', () => {
    const fused = reciprocalRankFusion(
      [
        [
          { id: 'a', score: 9 },
          { id: 'b', score: 1 },
        ],
        [{ id: 'b', score: 0.2 }],
      ],
      { weights: [1, 2] },
    );
    expect(fused).toEqual([
      { id: 'b', score: 1 / (DEFAULT_RRF_K + 2) + 2 / (DEFAULT_RRF_K + 1) },
      { id: 'a', score: 1 / (DEFAULT_RRF_K + 1) },
    ]);
  });

  it('counts only the first occurrence of a repeated id and validates options', () => {
    const fused = reciprocalRankFusion([
      [
        { id: 'a', score: 2 },
        { id: 'a', score: 1 },
      ],
    ]);
    expect(fused).toEqual([{ id: 'a', score: 1 / (DEFAULT_RRF_K + 1) }]);
    expect(() => reciprocalRankFusion([[], []], { weights: [1] })).toThrow(RangeError);
    expect(() => reciprocalRankFusion([[]], { weights: [-1] })).toThrow(RangeError);
    expect(() => reciprocalRankFusion([[]], { k: 0 })).toThrow(RangeError);
  });

  it('keeps the order of a single list', () => {
    fc.assert(
      fc.property(rankedList, (list) => {
        expect(order(reciprocalRankFusion([list]))).toEqual(order(list));
      }),
    );
  });

  it('is sorted, covers the union of ids, and ignores list order', () => {
    fc.assert(
      fc.property(lists, (ls) => {
        const fused = reciprocalRankFusion(ls);
        for (let i = 1; i < fused.length; i++) {
          expect(fused[i - 1]?.score).toBeGreaterThanOrEqual(fused[i]?.score ?? 0);
        }
        expect(new Set(order(fused))).toEqual(new Set(ls.flat().map((r) => r.id)));
        expect(order(reciprocalRankFusion([...ls].reverse()))).toEqual(order(fused));
      }),
    );
  });

  it('gives the same scores in any list order (found by fast-check: sums a last bit apart)', () => {
    const at = (order: string) => order.split('').map((id) => ({ id, score: 0 }));
    const ls = [at('dfgcbea'), at('g'), at('afdcebg'), at('bda')];
    for (const fuse of [reciprocalRankFusion, weightedScoreFusion]) {
      const fused = fuse(ls);
      for (let i = 1; i < fused.length; i++) {
        expect(fused[i - 1]?.score).toBeGreaterThanOrEqual(fused[i]?.score ?? 0);
      }
      expect(fuse([...ls].reverse())).toEqual(fused);
    }
  });

  it('ranks an id that is ahead of another in every list ahead after fusion', () => {
    fc.assert(
      fc.property(lists, (ls) => {
        const fused = order(reciprocalRankFusion(ls));
        for (const x of ids) {
          for (const y of ids) {
            const dominates = ls.every((l) => {
              const ix = l.findIndex((r) => r.id === x);
              const iy = l.findIndex((r) => r.id === y);
              return ix >= 0 && (iy < 0 || ix < iy);
            });
            if (x !== y && dominates && fused.includes(y))
              expect(fused.indexOf(x)).toBeLessThan(fused.indexOf(y));
          }
        }
      }),
    );
  });
});

describe('weightedScoreFusion', () => {
  it('normalises scores per list', () => {
    const list = [
      { id: 'a', score: 10 },
      { id: 'b', score: 5 },
      { id: 'c', score: 0 },
    ];
    expect([...normalizeScores(list, 'minmax').values()]).toEqual([1, 0.5, 0]);
    const z = [...normalizeScores(list, 'zscore').values()];
    expect(z[0]).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(z[1]).toBe(0);
    expect([...normalizeScores([{ id: 'a', score: 3 }], 'minmax').values()]).toEqual([1]);
  });

  it('combines weighted normalised scores; absent counts as the list minimum', () => {
    const bm25 = [
      { id: 'a', score: 12 },
      { id: 'b', score: 4 },
    ];
    const vector = [
      { id: 'b', score: 0.9 },
      { id: 'c', score: 0.5 },
    ];
    const fused = weightedScoreFusion([bm25, vector], { weights: [1, 3] });
    expect(fused).toEqual([
      { id: 'b', score: 3 },
      { id: 'a', score: 1 },
      { id: 'c', score: 0 },
    ]);
  });

  it('is sorted and invariant to positive affine rescaling of a list', () => {
    fc.assert(
      fc.property(
        lists,
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.constantFrom('minmax' as const, 'zscore' as const),
        (ls, scale, shift, normalize) => {
          const fused = weightedScoreFusion(ls, { normalize });
          for (let i = 1; i < fused.length; i++) {
            expect(fused[i - 1]?.score).toBeGreaterThanOrEqual(fused[i]?.score ?? 0);
          }
          const rescaled = ls.map((l, i) =>
            i === 0 ? l.map((r) => ({ ...r, score: r.score * scale + shift })) : l,
          );
          const again = weightedScoreFusion(rescaled, { normalize });
          again.forEach((r, i) => expect(r.score).toBeCloseTo(fused[i]?.score ?? NaN, 6));
        },
      ),
    );
  });

  it('keeps the score order of a single list (minmax)', () => {
    fc.assert(
      fc.property(rankedList, (list) => {
        const fused = weightedScoreFusion([list]);
        const rank = new Map(fused.map((r, i) => [r.id, i]));
        for (let i = 1; i < list.length; i++) {
          const prev = list[i - 1];
          const cur = list[i];
          if (prev !== undefined && cur !== undefined && prev.score > cur.score) {
            expect(rank.get(prev.id)).toBeLessThan(rank.get(cur.id) ?? -1);
          }
        }
      }),
    );
  });
});
