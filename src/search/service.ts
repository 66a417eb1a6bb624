import type { GraphReader, PassageRow } from '../../graph/reader.ts';
import { Bm25Index } from './bm25.ts';
import { fold, highlightSpans, indexTerms, queryTerms, type Span } from './normalize.ts';

/** BM25+ lower bound measured best on the corpus (see bm25.ts); k1 and b stay Okapi's defaults. */
export const BM25_PARAMS = { delta: 0.5 };

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
  mode: 'lexical' | 'hybrid';
  results: SearchHit[];
}

/** Lexical search over all passages in the graph; the index is rebuilt after each ingest. */
export class SearchService {
  private bm25 = new Bm25Index(BM25_PARAMS);
  private passages = new Map<string, PassageRow>();

  private constructor(private readonly reader: GraphReader) {}

  static async open(reader: GraphReader): Promise<SearchService> {
    const s = new SearchService(reader);
    await s.rebuild();
    return s;
  }

  get size(): number {
    return this.passages.size;
  }

  /** Text of a passage, or null when it is not indexed. */
  passageText(id: string): string | null {
    return this.passages.get(id)?.text ?? null;
  }

  status(): { passages: number; mode: 'lexical' | 'hybrid' } {
    return { passages: this.passages.size, mode: 'lexical' };
  }

  async rebuild(): Promise<void> {
    const rows = await this.reader.allPassages();
    const bm25 = new Bm25Index(BM25_PARAMS);
    const passages = new Map<string, PassageRow>();
    for (const row of rows) {
      passages.set(row.id, row);
      bm25.add(row.id, indexTerms(`${row.section}\n${row.text}`));
    }
    this.bm25 = bm25;
    this.passages = passages;
  }

  search(query: string, k: number, filters: SearchFilters = {}): SearchResponse {
    const t0 = performance.now();
    const accept = this.filterFn(filters);
    const hits = this.bm25.search(queryTerms(query), { k, filter: accept, coordination: true });
    const results = hits.map((h) =>
      this.toHit(h.id, query, h.score, { bm25: h.score, vector: null, graph: null }),
    );
    return { query, tookMs: Math.round((performance.now() - t0) * 100) / 100, mode: 'lexical', results };
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
      if (!p) return false;
      if (locality && fold(p.locality ?? '') !== locality && fold(p.province ?? '') !== locality)
        return false;
      if (type && fold(p.documentType ?? '') !== type) return false;
      if (f.field && !p.fields.includes(f.field)) return false;
      if (f.document && p.documentId !== f.document) return false;
      if (f.year && !(p.date ?? '').startsWith(String(f.year))) return false;
      return true;
    };
  }
}
