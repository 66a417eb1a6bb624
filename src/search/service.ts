import path from 'node:path';
import type { GraphReader, PassageRow } from '../../graph/reader.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { Bm25Index } from './bm25.ts';
import { embedderSettings } from './embedder/settings.ts';
import { englishExpansion } from './glossary.ts';
import { reciprocalRankFusion, type Scored } from './fusion.ts';
import {
  docNumberKey,
  fold,
  highlightSpans,
  indexTerms,
  queryTerms,
  tokenize,
  type Span,
} from '../../core/text/normalize.ts';
import { VectorStore, type VectorStoreStatus } from './vector-store.ts';

/** BM25+ lower bound measured best on the corpus (see bm25.ts); k1 and b stay Okapi's defaults. */
export const BM25_PARAMS = { delta: 0.5 };

/**
 * Weights of the three ranked lists in reciprocal rank fusion, and the rank constant. Defaults chosen
 * on the dev questions (`npm run eval`); override with SEARCH_WEIGHTS="bm25,vector,graph".
 */
/**
 * What a query names, as understood by its caller (the question analysis lives above search): the graph
 * list ranks passages linked to these.
 */
export interface GraphHints {
  number: string | null;
  field: string | null;
  agencyKind: string | null;
}

export interface FusionWeights {
  bm25: number;
  vector: number;
  graph: number;
  rrfK: number;
}

export const DEFAULT_FUSION: Readonly<FusionWeights> = { bm25: 1, vector: 0.3, graph: 0, rrfK: 20 };

export type SearchMode = 'hybrid' | 'bm25' | 'vector';

export interface SearchFilters {
  locality?: string;
  field?: string;
  document?: string;
  type?: string;
  year?: number;
}

export interface SearchHit {
  id: string;
  documentId: string;
  documentTitle: string;
  documentNumber: string | null;
  locality: string | null;
  section: string;
  page: number | null;
  text: string;
  start: number;
  end: number;
  score: number;
  signals: { bm25: number | null; vector: number | null; graph: number | null };
  highlights: Span[];
}

export interface SearchResponse {
  query: string;
  tookMs: number;
  mode: SearchMode;
  results: SearchHit[];
}

/** How many candidates each list contributes before fusion, per result asked for. */
const CANDIDATES_PER_RESULT = 5;
const MIN_CANDIDATES = 50;

/**
 * Hybrid passage search: BM25 over Vietnamese-aware terms, vectors from the active embedder, and a graph
 * list (passages linked to a field, agency or document number the query names), fused by weighted RRF.
 * The indexes are rebuilt (BM25) and synced (vectors) from the graph after each ingest.
 */
export class SearchService {
  private bm25 = new Bm25Index(BM25_PARAMS);
  private passages = new Map<string, PassageRow>();
  /** Folded filter keys per passage, computed once per rebuild rather than per candidate and query. */
  private filterKeys = new Map<string, { places: string[]; type: string }>();

  private constructor(
    private readonly reader: GraphReader,
    private readonly vectors: VectorStore,
    private readonly weights: FusionWeights,
  ) {}

  static async open(reader: GraphReader, config: Config, log: Logger): Promise<SearchService> {
    const rows = await reader.allPassages();
    const vectors = await VectorStore.open(
      {
        dir: path.join(config.dataDir, 'index'),
        ...embedderSettings(config),
        log,
      },
      rows.map(embeddable),
    );
    const s = new SearchService(reader, vectors, parseWeights(config.SEARCH_WEIGHTS));
    s.indexLexical(rows);
    log(`search: ${rows.length} passages; ${describeVectors(vectors.describe())}`);
    return s;
  }

  get size(): number {
    return this.passages.size;
  }

  /** Re-reads passages from the graph: BM25 rebuilt, vectors synced (new embedded, gone removed). */
  async rebuild(): Promise<void> {
    const rows = await this.reader.allPassages();
    await this.vectors.sync(rows.map(embeddable));
    this.indexLexical(rows);
  }

  passageText(id: string): string | null {
    return this.passages.get(id)?.text ?? null;
  }

  status(): { passages: number; fusion: FusionWeights } & VectorStoreStatus {
    return { passages: this.passages.size, fusion: this.weights, ...this.vectors.describe() };
  }

  async search(
    query: string,
    k: number,
    filters: SearchFilters = {},
    mode: SearchMode = 'hybrid',
    hints?: () => GraphHints,
  ): Promise<SearchResponse> {
    const t0 = performance.now();
    const accept = this.filterFn(filters);
    const n = Math.max(MIN_CANDIDATES, k * CANDIDATES_PER_RESULT);
    const expanded = withEnglishExpansion(query);
    const lexical =
      mode === 'vector'
        ? []
        : this.bm25.search(queryTerms(expanded), { k: n, filter: accept, coordination: true });
    const semantic = mode === 'bm25' ? [] : await this.vectors.search(expanded, n, accept);
    // the graph list costs a question analysis per query (the caller's hints): only when it counts in the fusion
    const useGraph = mode === 'hybrid' && this.weights.graph > 0 && hints !== undefined;
    const graph = useGraph ? this.graphList(hints(), lexical, semantic) : [];
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
    const bm25By = new Map(lexical.map((h) => [h.id, h.score]));
    const vecBy = new Map(semantic.map((h) => [h.id, h.score]));
    const graphSet = new Set(graph.map((h) => h.id));
    const results = fused.slice(0, k).map((h) =>
      this.toHit(h.id, expanded, h.score, {
        bm25: bm25By.get(h.id) ?? null,
        vector: vecBy.get(h.id) ?? null,
        graph: graphSet.has(h.id) ? 1 : null,
      }),
    );
    return { query, tookMs: Math.round((performance.now() - t0) * 100) / 100, mode, results };
  }

  private indexLexical(rows: PassageRow[]): void {
    const bm25 = new Bm25Index(BM25_PARAMS);
    const passages = new Map<string, PassageRow>();
    const filterKeys = new Map<string, { places: string[]; type: string }>();
    for (const row of rows) {
      passages.set(row.id, row);
      filterKeys.set(row.id, {
        places: [row.locality, row.province].filter((x): x is string => !!x).map(fold),
        type: fold(row.documentType ?? ''),
      });
      bm25.add(row.id, indexTerms(`${row.section}\n${row.text}`));
    }
    this.bm25 = bm25;
    this.passages = passages;
    this.filterKeys = filterKeys;
  }

  /**
   * Candidates linked in the graph to what the query names: a field (section/task tags), an agency kind
   * (tasks citing the passage), or a document number (stated in the passage or the passage's document).
   */
  private graphList(e: GraphHints, ...lists: Scored[][]): Scored[] {
    const numberKey = e.number ? docNumberKey(e.number) : null;
    if (!e.field && !e.agencyKind && !numberKey) return [];
    const seen = new Set<string>();
    const out: Scored[] = [];
    for (const h of lists.flat()) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      const p = this.passages.get(h.id);
      if (!p) continue;
      const linked =
        (e.field !== null && p.fields.includes(e.field)) ||
        (e.agencyKind !== null && p.agencies.some((a) => a.startsWith(`${e.agencyKind}@`))) ||
        (numberKey !== null && mentionsNumber(p, numberKey));
      if (linked) out.push({ id: h.id, score: 1 });
    }
    return out;
  }

  private toHit(id: string, query: string, score: number, signals: SearchHit['signals']): SearchHit {
    const p = this.passages.get(id)!;
    return {
      id,
      documentId: p.documentId,
      documentTitle: p.documentTitle,
      documentNumber: p.documentNumber,
      locality: p.locality,
      section: p.section,
      page: p.page,
      text: p.text,
      start: p.start,
      end: p.end,
      score,
      signals,
      highlights: highlightSpans(p.text, query),
    };
  }

  private filterFn(f: SearchFilters): ((id: string) => boolean) | undefined {
    const locality = f.locality ? fold(f.locality) : null;
    const type = f.type ? fold(f.type) : null;
    if (!locality && !type && !f.field && !f.document && !f.year) return undefined;
    return (id) => {
      const p = this.passages.get(id);
      const keys = this.filterKeys.get(id);
      if (!p || !keys) return false;
      if (locality && !keys.places.includes(locality)) return false;
      if (type && keys.type !== type) return false;
      if (f.field && !p.fields.includes(f.field)) return false;
      if (f.document && p.documentId !== f.document) return false;
      if (f.year && !(p.date ?? '').startsWith(String(f.year))) return false;
      return true;
    };
  }
}

/** The passage's document has this number, or the passage states it. */
function mentionsNumber(p: PassageRow, key: string): boolean {
  if (p.documentNumber && docNumberKey(p.documentNumber) === key) return true;
  return tokenize(p.text).some((t) => t.kind === 'docNumber' && docNumberKey(t.exact) === key);
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
