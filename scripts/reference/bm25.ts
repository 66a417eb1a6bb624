/**
 * REFERENCE ONLY — the former in-process lexical index, retired for Lucene in Neo4j (src/search/lexical.ts).
 * Kept so that the bench and the eval can measure the old engine side by side with the new one, and as the
 * plain-Okapi reference of the unit tests.
 *
 * Small pure Okapi BM25 over pre-tokenised term lists (terms from `indexTerms`/`queryTerms` in
 * normalize.ts).
 *
 * Decision: own implementation, not minisearch. Measured on the 45 real documents (corpus/ and
 * /work/shared/corpus-dev/, split on blank lines, 3,389 passages, 634k chars) with 300 queries: random
 * 3-syllable content phrases, relevant = passages containing the phrase (after normalisation); each
 * asked as typed ("accented") and folded ("unaccented"). MRR@10 / P@5, Node 20, shared machine:
 *
 *   setup (terms from indexTerms/queryTerms unless noted)        accented      unaccented   index  query
 *   Bm25Index, unigrams only                                     .756 / .706   .558 / .557  500ms  ~1ms
 *   Bm25Index, + bigrams spanning stop-words (chosen)            .902 / .867   .878 / .845  830ms  ~1ms
 *   Bm25Index, + bigrams of non-stop-word pairs only             .900 / .871   .851 / .836    -    ~1ms
 *   Bm25Index, delta 0.5 (BM25+)                                 .927 / .915   .896 / .886
 *   Bm25Index, coordination                                      .929 / .923   .897 / .895
 *   Bm25Index, delta 0.5 + coordination                          .940 / .947   .903 / .911
 *   Bm25Index, delta 0.5 + coordination, unaccentedExact 0       .940 / .947   .917 / .931
 *   minisearch 7.2 (BM25+ d=.5, coord), same terms, boostTerm    .937 / .948   .897 / .914  990ms  2-3ms
 *   minisearch 7.2, default tokenizer, NFC+tones+lowercase       .783 / .751   .069 / .058  320ms  ~1ms
 *
 * The last Bm25Index row uses the default query weights of normalize.ts; the BM25 defaults are the
 * plain-Okapi first rows. "-": that variant was built by filtering terms in the harness, not timed.
 *
 * Index time is dominated by `indexTerms` (tokens memoised: 138k tokens in ~70ms). Index size: 475k
 * term occurrences, 4.9 MB JSON (2.0 MB without bigrams). Query-weight sweeps with delta 0.5 +
 * coordination: folded weight for accented queries 0 / .35 / 1 changes nothing on this phrase set
 * (.35 kept so exact-diacritic matches still outrank folded-only ones, see tests); bigram multiplier
 * .5 / 1 / 2 gives .941/.893, .940/.903, .936/.900 (1 kept).
 *
 * minisearch ranks as well only once given these terms, its BM25+ delta and its coordination factor,
 * is 2-3x slower per query here, and takes per-term weights only through a boostTerm callback; this
 * file is ~220 lines with deterministic tie-breaking and a versioned JSON format. Defaults stay plain
 * Okapi (k1 1.2, b .75, delta 0, coordination off) as specified; callers wanting the best figures above pass
 * `new Bm25Index({ delta: 0.5 })` and `search(terms, { k, coordination: true })`.
 */

/**
 * BM25 parameters: `k1` saturates term frequency, `b` sets how much document length normalises,
 * `delta` is the BM25+ lower bound for a matching term (Lv & Zhai 2011; 0 = plain Okapi).
 */
export interface Bm25Params {
  k1: number;
  b: number;
  delta: number;
}

/** The parameters the service used with this index: BM25+ δ 0.5 (with coordination at query time). */
export const BM25_PARAMS = { delta: 0.5 };

/** Plain Okapi BM25 (Robertson et al.; Lucene's k1 and b). */
export const DEFAULT_BM25_PARAMS: Readonly<Bm25Params> = { k1: 1.2, b: 0.75, delta: 0 };

/** Version of the `toJSON` layout; `fromJSON` refuses any other. */
export const BM25_FORMAT_VERSION = 1;

/** A scored document id, best first in result lists. */
export interface ScoredId {
  id: string;
  score: number;
}

/** A query term with its weight (the shape `queryTerms` returns). */
export interface WeightedQueryTerm {
  term: string;
  weight: number;
}

/** Options of `Bm25Index.search`. */
export interface Bm25SearchOptions {
  /** Maximum number of results. */
  k: number;
  /** Keeps only the ids it returns true for (applied before the top-k cut). */
  filter?: (id: string) => boolean;
  /**
   * Multiply each score by (matched query terms / query terms), the classic Lucene "coord" factor
   * (default false). Favours passages matching the whole query; see the measurements above.
   */
  coordination?: boolean;
}

/** Serialised index: per document, its term frequencies; postings are rebuilt on load. */
export interface Bm25Json {
  formatVersion: number;
  params: Bm25Params;
  docs: [string, [string, number][]][];
}

/**
 * BM25 contribution of one term to one document:
 * `idf · (delta + tf·(k1+1) / (tf + k1·(1 − b + b·docLen/avgDocLen)))` with the non-negative Lucene
 * idf `ln(1 + (N − df + 0.5)/(df + 0.5))`. Returns 0 when `tf` or `N` is 0.
 */
export function bm25Score(
  tf: number,
  df: number,
  N: number,
  docLen: number,
  avgDocLen: number,
  params: Readonly<Bm25Params> = DEFAULT_BM25_PARAMS,
): number {
  if (tf <= 0 || N <= 0) return 0;
  const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
  const lengthNorm = avgDocLen > 0 ? docLen / avgDocLen : 1;
  const tfPart = (tf * (params.k1 + 1)) / (tf + params.k1 * (1 - params.b + params.b * lengthNorm));
  return idf * (params.delta + tfPart);
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** In-memory BM25 index keyed by string ids. Re-adding an id replaces its document. */
export class Bm25Index {
  readonly params: Readonly<Bm25Params>;
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly docs = new Map<string, { tf: Map<string, number>; len: number }>();
  private totalLen = 0;

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docs.size;
  }

  /** Indexes `terms` (with repeats: term frequency) under `id`, replacing any earlier document. */
  add(id: string, terms: readonly string[]): void {
    this.addCounts(id, countTerms(terms));
  }

  private addCounts(id: string, tf: Map<string, number>): void {
    this.remove(id);
    let len = 0;
    for (const n of tf.values()) len += n;
    this.docs.set(id, { tf, len });
    this.totalLen += len;
    for (const [term, n] of tf) {
      let posting = this.postings.get(term);
      if (posting === undefined) this.postings.set(term, (posting = new Map<string, number>()));
      posting.set(id, n);
    }
  }

  /** Removes `id`; returns false when it was not indexed. */
  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (doc === undefined) return false;
    for (const term of doc.tf.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(term);
    }
    this.totalLen -= doc.len;
    this.docs.delete(id);
    return true;
  }

  /** Number of documents containing `term`. */
  df(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  /**
   * Sum over query terms of `weight · bm25Score`, best first; ties broken by id so results are
   * deterministic. Only documents matching at least one term are returned.
   */
  search(terms: readonly WeightedQueryTerm[], options: Bm25SearchOptions): ScoredId[] {
    const N = this.docs.size;
    const avg = N > 0 ? this.totalLen / N : 0;
    const scores = new Map<string, number>();
    const matched = new Map<string, number>();
    for (const { term, weight } of terms) {
      const posting = this.postings.get(term);
      if (posting === undefined || weight === 0) continue;
      for (const [id, tf] of posting) {
        if (options.filter !== undefined && !options.filter(id)) continue;
        const len = this.docs.get(id)?.len ?? 0;
        const s = weight * bm25Score(tf, posting.size, N, len, avg, this.params);
        scores.set(id, (scores.get(id) ?? 0) + s);
        matched.set(id, (matched.get(id) ?? 0) + 1);
      }
    }
    const coord = (id: string): number =>
      options.coordination === true ? (matched.get(id) ?? 0) / terms.length : 1;
    return [...scores]
      .map(([id, score]) => ({ id, score: score * coord(id) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, Math.max(0, options.k));
  }

  /** Serialisable form; ids and terms in insertion order. */
  toJSON(): Bm25Json {
    return {
      formatVersion: BM25_FORMAT_VERSION,
      params: { ...this.params },
      docs: [...this.docs].map(([id, d]) => [id, [...d.tf]]),
    };
  }

  /** Rebuilds an index from `toJSON()` output; throws on another `formatVersion` or a bad shape. */
  static fromJSON(json: unknown): Bm25Index {
    const data = json as Partial<Bm25Json> | null;
    if (data?.formatVersion !== BM25_FORMAT_VERSION) {
      throw new Error(
        `Bm25Index.fromJSON: formatVersion ${String(data?.formatVersion)} is not supported (expected ${BM25_FORMAT_VERSION})`,
      );
    }
    if (!Array.isArray(data.docs) || typeof data.params !== 'object') {
      throw new Error('Bm25Index.fromJSON: missing docs or params');
    }
    const index = new Bm25Index(data.params);
    const docs: Bm25Json['docs'] = data.docs;
    for (const [id, tf] of docs) index.addCounts(id, new Map<string, number>(tf));
    return index;
  }
}
