/** Search hits as the API returns them, built from the graph's passage rows. */
import type { HitRow } from '../../graph/passage-store.ts';
import { highlightSpans, type Span } from '../../core/text/normalize.ts';

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

/** The hit of one passage row, highlighted for `query`. */
export function toHit(row: HitRow, query: string, score: number, signals: SearchHit['signals']): SearchHit {
  return {
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle ?? row.documentId,
    documentNumber: row.documentNumber,
    locality: row.locality,
    section: row.section,
    page: row.page,
    text: row.text,
    start: row.start,
    end: row.end,
    score,
    signals,
    highlights: highlightSpans(row.text, query),
  };
}
