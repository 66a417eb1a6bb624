/**
 * Lexical search on Neo4j's full-text index (Lucene, `whitespace` analyzer over the terms written with
 * each passage by graph/writer.ts, see `indexField` in core/text/normalize.ts). A query is the weighted
 * `queryTerms` of the text as a Lucene query string: each term escaped character by character, its weight
 * as a boost, filters as required zero-boost facet clauses. Lucene scores with BM25 (k1 1.2, b 0.75).
 *
 * Measured on this engine (`npm run eval`, "Lexical variants" table): Lucene's BM25 alone, and with the
 * coordination factor (score × matched query terms / query terms, over Lucene's top candidates). The
 * BM25+ lower bound of the former in-process index (δ·idf per matched term) cannot be expressed as a
 * Lucene query string; coordination rewards the same thing (matching more of the query).
 */
import { encodeTerm, type WeightedTerm } from '../../core/text/normalize.ts';
import type { PassageStore } from '../../graph/passage-store.ts';
import type { Scored } from './fusion.ts';

/** Characters with a meaning in Lucene's classic query syntax (`&&`/`||` escaped per character). */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|\s]/g;

/** Lucene's default limit on the clauses of one boolean query is 1024; long queries keep their heaviest terms. */
export const MAX_QUERY_TERMS = 512;

/** Escapes every Lucene-special character (and whitespace) of `s` with a backslash. */
export function escapeLucene(s: string): string {
  return s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

function boost(w: number): string {
  return String(Number(w.toFixed(4)));
}

/** The heaviest `MAX_QUERY_TERMS` terms with a positive weight, in their original order. */
function capped(terms: readonly WeightedTerm[]): WeightedTerm[] {
  const positive = terms.filter((t) => t.weight > 0);
  if (positive.length <= MAX_QUERY_TERMS) return positive;
  const keep = new Set(
    [...positive]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_QUERY_TERMS)
      .map((t) => t.term),
  );
  return positive.filter((t) => keep.has(t.term));
}

/**
 * The Lucene query string of weighted terms, restricted to passages carrying every facet of `facets`;
 * null when no term has a positive weight (nothing to search for).
 * `terms:(công^1 \~cong^0.35)` — `+facets:loc\:hai_phong^0 +terms:(…)` with a filter.
 */
export function luceneQuery(terms: readonly WeightedTerm[], facets: readonly string[] = []): string | null {
  const parts = capped(terms).map((t) => `${escapeLucene(encodeTerm(t.term))}^${boost(t.weight)}`);
  if (parts.length === 0) return null;
  const body = `terms:(${parts.join(' ')})`;
  if (facets.length === 0) return body;
  return [...facets.map((f) => `+facets:${escapeLucene(f)}^0`), `+${body}`].join(' ');
}

/**
 * Lucene's top passages re-ranked by coordination. The eval's "Lexical variants" table ranks the same top 10
 * from 10, 20, 30, 50, 100 or 300 candidates: 30 and more give the same ranks in every category (10 and 20
 * lose a little on paraphrase and English questions); fewer candidates cost fewer term checks.
 */
export const DEFAULT_CANDIDATES = 30;

/** Options of `lexicalSearch`. */
export interface LexicalOptions {
  /** Passages returned, best first. */
  k: number;
  /**
   * Multiply Lucene's score by (query terms the passage holds / query terms) and re-rank Lucene's top
   * `candidates` by it (default true, see the file comment).
   */
  coordination?: boolean;
  /** Candidates taken from Lucene before re-ranking (default max(k, `DEFAULT_CANDIDATES`)). */
  candidates?: number;
  /** Facet tokens every result must carry (core/text/facets.ts). */
  facets?: readonly string[];
}

/** Lexical search over the passages' stored terms; see the file comment. */
export async function lexicalSearch(
  store: PassageStore,
  terms: readonly WeightedTerm[],
  opts: LexicalOptions,
): Promise<Scored[]> {
  const query = luceneQuery(terms, opts.facets);
  if (query === null || opts.k <= 0) return [];
  const coordination = opts.coordination ?? true;
  const used = capped(terms);
  const coord = coordination ? used.map((t) => ` ${encodeTerm(t.term)} `) : [];
  const rows = await store.lexical(query, Math.max(opts.k, opts.candidates ?? DEFAULT_CANDIDATES), coord);
  const scored = rows.map((r) => ({
    id: r.id,
    score: coordination ? (r.score * r.matched) / used.length : r.score,
  }));
  if (coordination) scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, opts.k);
}
