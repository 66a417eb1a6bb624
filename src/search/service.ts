import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import { PassageStore, type HitRow } from '../../graph/passage-store.ts';
import { GraphReader, type PassageRow } from '../../graph/reader.ts';
import { requiredFacets, type FacetFilter } from '../../core/text/facets.ts';
import { queryTerms } from '../../core/text/normalize.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { embedderSettings } from './embedder/settings.ts';
import { reciprocalRankFusion, type Scored } from './fusion.ts';
import { englishExpansion } from './glossary.ts';
import { graphList, type GraphHints } from './graph-list.ts';
import { toHit, type SearchHit } from './hits.ts';
import { lexicalSearch } from './lexical.ts';
import { VectorStore, type VectorStoreStatus } from './vector-store.ts';

export type { GraphHints } from './graph-list.ts';
export type { SearchHit } from './hits.ts';

export interface FusionWeights {
  bm25: number;
  vector: number;
  graph: number;
  rrfK: number;
}

/**
 * Weights of the three ranked lists in reciprocal rank fusion, and the rank constant. Defaults chosen
 * on the dev questions (`npm run eval`); override with SEARCH_WEIGHTS="bm25,vector,graph".
 */
export const DEFAULT_FUSION: Readonly<FusionWeights> = { bm25: 1, vector: 0.3, graph: 0, rrfK: 20 };

export type SearchMode = 'hybrid' | 'bm25' | 'vector';

export type SearchFilters = FacetFilter;

export interface SearchResponse {
  query: string;
  tookMs: number;
  mode: SearchMode;
  results: SearchHit[];
}

/** Candidates each list contributes to the fusion (the union of both lists' top 100). */
export const FUSION_CANDIDATES = 100;
/** With a filter, vector candidates are over-sampled this many times before the facet check. */
const FILTER_OVERSAMPLING = 10;

/**
 * Hybrid passage search: lexical (Lucene in Neo4j over Vietnamese-aware terms), vectors from the active
 * embedder, and a graph list (passages linked to a field, agency or document number the query names),
 * fused by weighted RRF. The lexical index lives in the graph and follows every write by itself.
 */
export class SearchService {
  private constructor(
    private readonly store: PassageStore,
    private readonly reader: GraphReader,
    private readonly vectors: VectorStore,
    private readonly weights: FusionWeights,
  ) {}

  static async open(conn: GraphConnection, config: Config, log: Logger): Promise<SearchService> {
    const store = new PassageStore(conn);
    const backfilled = await store.ensureTerms();
    if (backfilled > 0) log(`search: lexical terms computed for ${backfilled} passages written earlier`);
    const reader = new GraphReader(conn);
    const rows = await reader.allPassages();
    const vectors = await VectorStore.open(
      {
        dir: path.join(config.dataDir, 'index'),
        ...embedderSettings(config),
        log,
      },
      rows.map(embeddable),
    );
    const s = new SearchService(store, reader, vectors, parseWeights(config.SEARCH_WEIGHTS));
    log(`search: ${rows.length} passages; lexical: Neo4j full-text; ${describeVectors(vectors.describe())}`);
    return s;
  }

  /** Syncs the vectors with the graph (new passages embedded, gone ones removed). */
  async rebuild(): Promise<void> {
    const rows = await this.reader.allPassages();
    await this.vectors.sync(rows.map(embeddable));
  }

  /** Display rows of passages (e.g. citations), in the order of `ids`. */
  passages(ids: string[]): Promise<HitRow[]> {
    return this.store.byIds(ids);
  }

  status(): { lexical: { engine: string }; fusion: FusionWeights } & VectorStoreStatus {
    return { lexical: { engine: 'neo4j-fulltext' }, fusion: this.weights, ...this.vectors.describe() };
  }

  async search(
    query: string,
    k: number,
    filters: SearchFilters = {},
    mode: SearchMode = 'hybrid',
    hints?: () => GraphHints,
  ): Promise<SearchResponse> {
    const t0 = performance.now();
    const facets = requiredFacets(filters);
    const n = Math.max(FUSION_CANDIDATES, k);
    const expanded = withEnglishExpansion(query);
    const [lexical, semantic] = await Promise.all([
      mode === 'vector' ? [] : lexicalSearch(this.store, queryTerms(expanded), { k: n, facets }),
      mode === 'bm25' ? [] : this.vectorSearch(expanded, n, facets),
    ]);
    // the graph list costs a question analysis per query (the caller's hints): only when it counts in the fusion
    const useGraph = mode === 'hybrid' && this.weights.graph > 0 && hints !== undefined;
    const graph = useGraph ? await graphList(this.store, hints(), [lexical, semantic]) : [];
    const w = this.weights;
    const fused =
      mode === 'hybrid'
        ? reciprocalRankFusion([lexical, semantic, graph], {
            k: w.rrfK,
            weights: [w.bm25, w.vector, w.graph],
          })
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
    return { query, tookMs: Math.round((performance.now() - t0) * 100) / 100, mode, results };
  }

  /** Nearest passages by vector; with facets, over-sampled and checked against the graph. */
  private async vectorSearch(query: string, n: number, facets: string[]): Promise<Scored[]> {
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
  const how = st.index.reusedFromDisk ? 'reused from disk' : 'built';
  return (
    `embedder ${st.embedder.kind} ${st.embedder.model} (dim ${st.embedder.dim}); vector index ${st.index.kind} ` +
    `${how} (+${st.lastSync.added} −${st.lastSync.removed} in ${st.lastSync.ms} ms)`
  );
}

/** An English query gains the Vietnamese terms of its domain words (see glossary.ts). */
function withEnglishExpansion(query: string): string {
  const extra = englishExpansion(query);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}

function embeddable(p: PassageRow): { id: string; text: string } {
  return { id: p.id, text: `${p.section}\n${p.text}` };
}

/** "bm25,vector,graph[,rrfK]" → weights; unset → defaults. Validated by the config schema. */
export function parseWeights(spec: string | undefined): FusionWeights {
  if (!spec) return { ...DEFAULT_FUSION };
  const [bm25, vector, graph, rrfK] = spec.split(',').map(Number);
  return {
    bm25: bm25 ?? DEFAULT_FUSION.bm25,
    vector: vector ?? DEFAULT_FUSION.vector,
    graph: graph ?? DEFAULT_FUSION.graph,
    rrfK: rrfK ?? DEFAULT_FUSION.rrfK,
  };
}
