import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BM25_FORMAT_VERSION,
  Bm25Index,
  bm25Score,
  DEFAULT_BM25_PARAMS,
} from '../../scripts/reference/bm25.ts';
import { indexTerms, normalizeText, queryTerms } from '../../core/text/normalize.ts';

function paragraphs(file: string): { id: string; text: string }[] {
  const text = readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((p, i) => ({ id: `${file}#${String(i).padStart(3, '0')}`, text: p }))
    .filter((p) => p.text.trim() !== '');
}

const SEEDS = [...paragraphs('000_953892a000611854.txt'), ...paragraphs('001_599f766e9ac447fa.txt')];
const byId = new Map(SEEDS.map((p) => [p.id, p.text]));

function seedIndex(): Bm25Index {
  const index = new Bm25Index();
  for (const p of SEEDS) index.add(p.id, indexTerms(p.text));
  return index;
}

const lower = (id: string) => normalizeText(byId.get(id) ?? '').toLowerCase();

describe('bm25Score', () => {
  it('matches the Okapi formula', () => {
    const idf = Math.log(1 + (10 - 2 + 0.5) / (2 + 0.5));
    const expected = (idf * 3 * 2.2) / (3 + 1.2 * (1 - 0.75 + (0.75 * 20) / 10));
    expect(bm25Score(3, 2, 10, 20, 10)).toBeCloseTo(expected, 12);
    expect(bm25Score(0, 2, 10, 20, 10)).toBe(0);
  });

  it('grows with tf, falls with df and document length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 500 }),
        (tf, df, len) => {
          const N = 100;
          const s = bm25Score(tf, df, N, len, 50, DEFAULT_BM25_PARAMS);
          expect(s).toBeGreaterThan(0);
          expect(bm25Score(tf + 1, df, N, len, 50)).toBeGreaterThan(s);
          expect(bm25Score(tf, df + 1, N, len, 50)).toBeLessThan(s);
          expect(bm25Score(tf, df, N, len + 1, 50)).toBeLessThan(s);
        },
      ),
    );
  });
});

describe('Bm25Index', () => {
  it('adds, replaces and removes documents', () => {
    const index = new Bm25Index();
    index.add('a', ['x', 'y', 'x']);
    index.add('b', ['y']);
    expect(index.size).toBe(2);
    expect(index.df('x')).toBe(1);
    index.add('a', ['y']);
    expect(index.df('x')).toBe(0);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.size).toBe(1);
  });

  it('applies k, filter, weights and deterministic ties', () => {
    const index = new Bm25Index();
    for (const id of ['c', 'a', 'b']) index.add(id, ['t']);
    index.add('d', ['u']);
    expect(index.search([{ term: 't', weight: 1 }], { k: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
    const filtered = index.search([{ term: 't', weight: 1 }], { k: 5, filter: (id) => id !== 'a' });
    expect(filtered.map((r) => r.id)).toEqual(['b', 'c']);
    const weighted = index.search(
      [
        { term: 't', weight: 0.1 },
        { term: 'u', weight: 1 },
      ],
      { k: 5 },
    );
    expect(weighted[0]?.id).toBe('d');
    expect(index.search([{ term: 'nope', weight: 1 }], { k: 5 })).toEqual([]);
  });

  it('coordination favours documents matching more query terms', () => {
    const index = new Bm25Index();
    index.add('both', ['x', 'y', 'pad', 'pad']);
    index.add('x-only', ['x', 'x', 'x']);
    const q = [
      { term: 'x', weight: 1 },
      { term: 'y', weight: 1 },
    ];
    const plain = index.search(q, { k: 2 });
    const coord = index.search(q, { k: 2, coordination: true });
    expect(coord[0]?.id).toBe('both');
    expect(coord.find((r) => r.id === 'x-only')?.score).toBeCloseTo(
      (plain.find((r) => r.id === 'x-only')?.score ?? 0) / 2,
      12,
    );
  });

  it('add-then-remove leaves scores exactly as before', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const doc = fc.array(term, { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 8 }), doc, doc, (docs, extra, query) => {
        const index = new Bm25Index();
        docs.forEach((d, i) => index.add(`d${i}`, d));
        const q = query.map((t, i) => ({ term: t, weight: 1 + i / 10 }));
        const before = index.search(q, { k: 100 });
        index.add('extra', extra);
        index.remove('extra');
        expect(index.search(q, { k: 100 })).toEqual(before);
      }),
    );
  });

  it('round-trips through JSON and refuses another format version', () => {
    const index = seedIndex();
    const json = JSON.parse(JSON.stringify(index)) as unknown;
    const copy = Bm25Index.fromJSON(json);
    const q = queryTerms('phát triển công nghệ sinh học');
    expect(copy.size).toBe(index.size);
    expect(copy.search(q, { k: 10 })).toEqual(index.search(q, { k: 10 }));
    expect(() => Bm25Index.fromJSON({ ...index.toJSON(), formatVersion: BM25_FORMAT_VERSION + 1 })).toThrow(
      /formatVersion/,
    );
    expect(() => Bm25Index.fromJSON(null)).toThrow(/formatVersion/);
  });
});

describe('BM25 over the seed paragraphs', () => {
  const index = seedIndex();

  it('finds "công nghệ sinh học biển" for the unaccented query', () => {
    const results = index.search(queryTerms('cong nghe sinh hoc bien'), { k: 3 });
    expect(results).toHaveLength(3);
    for (const r of results) expect(lower(r.id)).toContain('công nghệ sinh học biển');
  });

  it('ranks every exact "biển" passage above those with only "biến" (both fold to "bien")', () => {
    const results = index.search(queryTerms('biển'), { k: 1000 });
    const exact = results.filter((r) => /\bbiển\b/u.test(lower(r.id)));
    const foldedOnly = results.filter((r) => !lower(r.id).includes('biển'));
    expect(exact.length).toBeGreaterThan(0);
    expect(foldedOnly.some((r) => lower(r.id).includes('phổ biến'))).toBe(true);
    const worstExact = Math.min(...exact.map((r) => r.score));
    expect(Math.max(...foldedOnly.map((r) => r.score))).toBeLessThan(worstExact);
    const reverse = index.search(queryTerms('phổ biến'), { k: 1 });
    expect(lower(reverse[0]?.id ?? '')).toContain('phổ biến');
  });

  it('finds the NFD-encoded paragraph of seed 001 with an NFC query', () => {
    const [top] = index.search(queryTerms('doanh nghiệp hoạt động trong lĩnh vực công nghệ sinh học'), {
      k: 1,
    });
    expect(top?.id.startsWith('001_')).toBe(true);
    expect(byId.get(top?.id ?? '')).not.toBe(byId.get(top?.id ?? '')?.normalize('NFC'));
  });

  it('finds passages citing 36-NQ/TW when asked for 36/NQ-TW', () => {
    const results = index.search(queryTerms('36/NQ-TW'), { k: 5 });
    expect(results).toHaveLength(5);
    for (const r of results) expect(byId.get(r.id)).toContain('36-NQ/TW');
  });
});
