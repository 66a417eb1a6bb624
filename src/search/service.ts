import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import { PassageStore, type HitRow } from '../../graph/passage-store.ts';
import { requiredFacets, type FacetFilter } from '../../core/text/facets.ts';
import { queryTerms } from '../../core/text/normalize.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { embedderSettings } from './embedder/settings.ts';
import { reciprocalRankFusion, weightedScoreFusion, type Scored } from './fusion.ts';
import { englishExpansion } from './glossary.ts';
import { graphList, type GraphHints } from './graph-list.ts';
import { toHit, type SearchHit } from './hits.ts';
import { looksEnglish } from './language.ts';
import { lexicalSearch } from './lexical.ts';
import { VectorStore, type VectorStoreStatus } from './vector-store.ts';

export type { GraphHints } from './graph-list.ts';
export type { SearchHit } from './hits.ts';

/**
 * How the hybrid search fuses its lists: `rrf` (weighted reciprocal rank fusion, `rrfK` its rank constant)
 * or `convex` (weighted sum of each list's per-query min–max normalised scores over the union of the
 * lists' top 100; a passage missing from a list gets 0 from it). Weights are relative.
 */
export interface FusionWeights {
  method: 'rrf' | 'convex';
  bm25: number;
  vector: number;
  graph: number;
  rrfK: number;
  /** Vector weight for queries that read as English (`looksEnglish`); unset → `vector`. */
  english?: number;
  /** Lexical weight for queries that read as English; unset → `bm25`. */
  englishBm25?: number;
}

/**
 * Defaults chosen on the `tune` half of the eval questions (`npm run eval`, fusion sweep, per embedder)
 * and reported on the held-out half; override with SEARCH_FUSION and SEARCH_WEIGHTS="bm25,vector,graph[,rrfK]".
 * With e5 (passages embedded with their document, `embedding-text.ts`) the sweep chose convex 1/0.2 and,
 * for queries that read as English, lexical weight 0.3 and vector weight 1 (their words rarely occur in
 * Vietnamese passages: a shared number or name tops the lexical list). The offline LSA earns only a small
 * share.
 */
export const DEFAULT_FUSION: Readonly<FusionWeights> = {
  method: 'convex',
  bm25: 1,
  vector: 0.2,
  graph: 0,
  rrfK: 60,
  english: 1,
  englishBm25: 0.3,
};

const DEFAULT_FUSION_BY_EMBEDDER: Readonly<Record<string, FusionWeights>> = {
  offline: { method: 'convex', bm25: 1, vector: 0.2, graph: 0, rrfK: 60 },
};

/** The default fusion for the active embedder kind (`e5`, `openai`, `transformers`, `offline`). */
export function defaultFusion(embedderKind: string): FusionWeights {
  return { ...(DEFAULT_FUSION_BY_EMBEDDER[embedderKind] ?? DEFAULT_FUSION) };
}

export type SearchMode = 'hybrid' | 'bm25' | 'vector';

export type SearchFilters = FacetFilter;

export interface SearchResponse {
  query: string;
  tookMs: number;
  mode: SearchMode;
  /**
   * True when nothing matches meaningfully: no passage holds a term of the query and the nearest vector
   * is not closer than the embedder's `MEANINGFUL_COSINE` (the results are then only the least distant).
   */
  noMatch: boolean;
  results: SearchHit[];
}

/**
 * Cosine above which a vector neighbour counts as a meaningful match, per embedder kind. e5 scores
 * unrelated texts around 0.7–0.78 (its cosines are compressed), LSA near 0.
 */
export const MEANINGFUL_COSINE: Readonly<Record<string, number>> = {
  e5: 0.82,
  openai: 0.82,
  transformers: 0.82,
  offline: 0.35,
};

/** Candidates each list contributes to the fusion (the union of both lists' top 100). */
export const FUSION_CANDIDATES = 100;
/** With a filter, vector candidates are over-sampled this many times before the facet check. */
const FILTER_OVERSAMPLING = 10;

/**
 * Hybrid passage search: lexical (Lucene in Neo4j over Vietnamese-aware terms), vectors from the active
 * embedder, and a graph list (passages linked to a field, agency or document number the query names),
 * fused by a convex combination of normalised scores (or weighted RRF; see `FusionWeights`). The lexical index lives in the graph and follows every write by itself.
 */
export class SearchService {
  private constructor(
    private readonly store: PassageStore,
    private readonly vectors: VectorStore | null,
    /** SEARCH_WEIGHTS / SEARCH_FUSION when set; otherwise the active embedder's default. */
    private readonly configured: FusionWeights | null,
  ) {}

  /** The fusion in force: configured, or the default of the active embedder. */
  private get weights(): FusionWeights {
    return this.configured ?? defaultFusion(this.vectors?.embedderKind ?? '');
  }

  /** Passages with a vector now (the answer cache keys on it). */
  get vectorCount(): number {
    return this.vectors?.vectorCount ?? 0;
  }

  /**
   * Opens search over the graph: lexical fields computed for passages written before they existed, then
   * the vector store (its sync runs in the background). `vectors: false` (the CLI ingest) leaves the
   * vectors to the server or the next start.
   */
  static async open(
    conn: GraphConnection,
    config: Config,
    log: Logger,
    opts: { vectors?: boolean; onGraphChange?: () => void } = {},
  ): Promise<SearchService> {
    const store = new PassageStore(conn);
    const backfilled = await store.ensureTerms();
    if (backfilled > 0) log(`search: lexical terms computed for ${backfilled} passages written earlier`);
    const vectors =
      opts.vectors === false
        ? null
        : await VectorStore.open({
            dir: path.join(config.dataDir, 'index'),
            ...embedderSettings(config),
            index: config.VECTOR_INDEX,
            conn,
            store,
            log,
            ...(opts.onGraphChange ? { onGraphChange: opts.onGraphChange } : {}),
          });
    const configured =
      config.SEARCH_WEIGHTS || config.SEARCH_FUSION
        ? parseWeights(config.SEARCH_WEIGHTS, config.SEARCH_FUSION)
        : null;
    const s = new SearchService(store, vectors, configured);
    log(
      `search: lexical on Neo4j full-text; ${vectors ? describeVectors(vectors.describe()) : 'no vectors'}`,
    );
    return s;
  }

  /** The graph changed in this process: the vectors catch up in the background. */
  changed(): void {
    this.vectors?.changed();
  }

  /** This process changed the graph and refreshes its own answers (see VectorStore.acknowledgeGraphChange). */
  async acknowledgeGraphChange(): Promise<void> {
    await this.vectors?.acknowledgeGraphChange();
  }

  /** Resolves once every passage written so far has its vector. */
  async embeddingsIdle(): Promise<void> {
    await this.vectors?.idle();
  }

  async close(): Promise<void> {
    await this.vectors?.close();
  }

  /** Display rows of passages (e.g. citations), in the order of `ids`. */
  passages(ids: string[]): Promise<HitRow[]> {
    return this.store.byIds(ids);
  }

  status(): { lexical: { engine: string }; fusion: FusionWeights } & VectorStoreStatus {
    const none: VectorStoreStatus = {
      embedder: { kind: 'none', model: '', dim: 0 },
      index: { kind: 'none', size: 0, reusedFromDisk: false, dir: '' },
      embedding: { done: 0, pending: 0, running: false, error: null },
      lastSync: { added: 0, removed: 0, ms: 0, full: false },
    };
    return {
      lexical: { engine: 'neo4j-fulltext' },
      fusion: this.weights,
      ...(this.vectors?.describe() ?? none),
    };
  }

  async search(
    query: string,
    k: number,
    filters: SearchFilters = {},
    mode: SearchMode = 'hybrid',
    hints?: () => GraphHints,
    /** `glossary: false` leaves English queries unexpanded (the eval measures both). */
    opts: { fusion?: FusionWeights; glossary?: boolean } = {},
  ): Promise<SearchResponse> {
    const t0 = performance.now();
    const facets = requiredFacets(filters);
    const n = Math.max(FUSION_CANDIDATES, k);
    const expanded = opts.glossary === false ? query : withEnglishExpansion(query);
    // a multilingual model reads the English itself; only the corpus-trained LSA needs the glossary's words
    const vectorQuery = this.vectors?.embedderKind === 'offline' ? expanded : query;
    const [lexical, semantic] = await Promise.all([
      // the fusion takes each list's top n; the lexical mode only the k it shows
      mode === 'vector'
        ? []
        : lexicalSearch(this.store, queryTerms(expanded), { k: mode === 'bm25' ? k : n, facets }),
      mode === 'bm25' ? [] : this.vectorSearch(vectorQuery, n, facets),
    ]);
    // the graph list costs a question analysis per query (the caller's hints): only when it counts in the fusion
    const useGraph = mode === 'hybrid' && this.weights.graph > 0 && hints !== undefined;
    const graph = useGraph ? await graphList(this.store, hints(), [lexical, semantic]) : [];
    const fused =
      mode === 'hybrid'
        ? fuse([lexical, semantic, graph], forQuery(opts.fusion ?? this.weights, query))
        : mode === 'bm25'
          ? lexical
          : semantic;
    const top = fused.slice(0, k);
    const rows = await this.store.byIds(top.map((h) => h.id));
    const scoreOf = new Map(top.map((h) => [h.id, h.score]));
    const bm25By = new Map(lexical.map((h) => [h.id, h.score]));
    const vecBy = new Map(semantic.map((h) => [h.id, h.score]));
    const graphSet = new Set(graph.map((h) => h.id));
    const results = rows.map((row) =>
      toHit(row, expanded, scoreOf.get(row.id) ?? 0, {
        bm25: bm25By.get(row.id) ?? null,
        vector: vecBy.get(row.id) ?? null,
        graph: graphSet.has(row.id) ? 1 : null,
      }),
    );
    const kind = this.vectors?.embedderKind ?? '';
    const noMatch = lexical.length === 0 && !((semantic[0]?.score ?? -1) >= (MEANINGFUL_COSINE[kind] ?? 1));
    return { query, tookMs: Math.round((performance.now() - t0) * 100) / 100, mode, noMatch, results };
  }

  /** Nearest passages by vector; with facets, over-sampled and checked against the graph. */
  private async vectorSearch(query: string, n: number, facets: string[]): Promise<Scored[]> {
    if (!this.vectors) return [];
    if (facets.length === 0) return this.vectors.search(query, n);
    const over = await this.vectors.search(query, n * FILTER_OVERSAMPLING);
    const ok = await this.store.withFacets(
      over.map((h) => h.id),
      facets,
    );
    return over.filter((h) => ok.has(h.id)).slice(0, n);
  }
}

function describeVectors(st: VectorStoreStatus): string {
  if (st.index.kind === 'none') return `embedder ${st.embedder.kind}`;
  const how = st.index.reusedFromDisk ? 'reused' : 'new';
  return `embedder ${st.embedder.kind} ${st.embedder.model} (dim ${st.embedder.dim}); vector index ${st.index.kind} ${how}`;
}

/** An English query gains the Vietnamese terms of its domain words (see glossary.ts). */
function withEnglishExpansion(query: string): string {
  const extra = englishExpansion(query);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}

/** English queries take the `english` vector and `englishBm25` lexical weights, where set. */
function forQuery(w: FusionWeights, query: string): FusionWeights {
  if ((w.english === undefined && w.englishBm25 === undefined) || !looksEnglish(query)) return w;
  return { ...w, vector: w.english ?? w.vector, bm25: w.englishBm25 ?? w.bm25 };
}

/** The fused ranking of the lists (lexical, vector, graph) by `w` (see FusionWeights). */
export function fuse(lists: Scored[][], w: FusionWeights): Scored[] {
  const weights = [w.bm25, w.vector, w.graph];
  return w.method === 'convex'
    ? weightedScoreFusion(lists, { weights, normalize: 'minmax' })
    : reciprocalRankFusion(lists, { k: w.rrfK, weights });
}

/**
 * SEARCH_FUSION and "bm25,vector,graph[,rrfK]" → weights; unset → defaults. Validated by the config
 * schema. A method given without weights keeps the default weights of that method's sweep.
 */
export function parseWeights(spec: string | undefined, method?: 'rrf' | 'convex'): FusionWeights {
  if (!spec) return { ...DEFAULT_FUSION, ...(method ? { method } : {}) };
  const [bm25, vector, graph, rrfK] = spec.split(',').map(Number);
  return {
    method: method ?? DEFAULT_FUSION.method,
    bm25: bm25 ?? DEFAULT_FUSION.bm25,
    vector: vector ?? DEFAULT_FUSION.vector,
    graph: graph ?? DEFAULT_FUSION.graph,
    rrfK: rrfK ?? DEFAULT_FUSION.rrfK,
  };
}
