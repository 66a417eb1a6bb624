/**
 * The graph side of search: the full-text (Lucene) query over passages' stored terms, hit hydration, facet
 * checks, the change marker, and the one-off computation of lexical fields for passages written before
 * they existed. Query strings are built and escaped by the caller (src/search/lexical.ts); every value
 * reaches Neo4j as a parameter.
 */
import neo4j from 'neo4j-driver';
import { passageFacets } from '../core/text/facets.ts';
import { indexField, TERMS_VERSION } from '../core/text/normalize.ts';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';
import { SEQ_STRIDE } from './writer.ts';

export interface LexicalRow {
  id: string;
  /** Lucene's BM25 score. */
  score: number;
  /** How many of the coordination terms the passage holds. */
  matched: number;
}

export interface HitRow {
  id: string;
  documentId: string;
  documentTitle: string | null;
  documentNumber: string | null;
  locality: string | null;
  section: string;
  text: string;
  start: number;
  end: number;
  page: number | null;
}

export interface LinkRow {
  id: string;
  documentNumber: string | null;
  text: string;
  fields: string[];
  agencies: string[];
}

export interface GraphState {
  version: number;
  epoch: string;
  termsVersion: number | null;
}

const BACKFILL_BATCH = 2_000;

export class PassageStore {
  constructor(private readonly conn: GraphConnection) {}

  /** Top `limit` passages of a Lucene query string, with the number of `coord` terms each holds. */
  async lexical(query: string, limit: number, coord: string[]): Promise<LexicalRow[]> {
    const res = await this.conn.query(Q.LEXICAL_SEARCH, { query, limit: neo4j.int(limit), coord });
    return res.records.map((r) => r.toObject() as unknown as LexicalRow);
  }

  /** Display rows of the given passages, in the order of `ids` (unknown ids skipped). */
  async byIds(ids: string[]): Promise<HitRow[]> {
    if (ids.length === 0) return [];
    const res = await this.conn.query(Q.PASSAGES_BY_ID, { ids });
    const byId = new Map(res.records.map((r) => [r.get('id') as string, r.toObject() as unknown as HitRow]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async links(ids: string[]): Promise<LinkRow[]> {
    if (ids.length === 0) return [];
    const res = await this.conn.query(Q.PASSAGE_LINKS, { ids });
    return res.records.map((r) => r.toObject() as unknown as LinkRow);
  }

  /** The ids among `ids` whose passages carry every facet token of `facets`. */
  async withFacets(ids: string[], facets: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set(await this.conn.column<string>(Q.FILTER_PASSAGES, { ids, facets }, 'id'));
  }

  /** The change marker, or null for a graph never written to. */
  async state(): Promise<GraphState | null> {
    const res = await this.conn.query(Q.GRAPH_STATE);
    const r = res.records[0];
    return r ? (r.toObject() as unknown as GraphState) : null;
  }

  /**
   * Computes the lexical field and facets of every passage that lacks them or has another
   * TERMS_VERSION (a graph written by an earlier version), in batches; returns how many it updated.
   * Cheap when nothing is to do: the marker records the version of the whole graph.
   */
  async ensureTerms(): Promise<number> {
    if ((await this.state())?.termsVersion === TERMS_VERSION) return 0;
    let done = 0;
    for (;;) {
      const res = await this.conn.query(Q.PASSAGES_WITHOUT_TERMS, {
        termsVersion: TERMS_VERSION,
        limit: neo4j.int(BACKFILL_BATCH),
      });
      if (res.records.length === 0) break;
      await this.conn.write(async (tx) => {
        // a batch is one change of the graph: passages that never had a sequence get one of its version
        const bumped = await tx.run(Q.BUMP_GRAPH_VERSION);
        const version = bumped.records[0]!.get('version') as number;
        const rows = res.records.map((rec, i) => termsRow(rec.toObject(), version * SEQ_STRIDE + i + 1));
        await tx.run(Q.SET_PASSAGE_TERMS, {
          rows,
          termsVersion: TERMS_VERSION,
          stride: neo4j.int(SEQ_STRIDE),
        });
      });
      done += res.records.length;
    }
    await this.conn.write((tx) => tx.run(Q.SET_TERMS_VERSION, { termsVersion: TERMS_VERSION }));
    return done;
  }

  /* ------------------------------------------------------------ embedding sync ------------------------------------------------------------ */

  /** Up to `limit` passages with a change sequence above `after`, in sequence order. */
  async passagesAfter(after: number, limit: number): Promise<SyncPassage[]> {
    const res = await this.conn.query(Q.PASSAGES_AFTER, { after: neo4j.int(after), limit: neo4j.int(limit) });
    return res.records.map((r) => r.toObject() as unknown as SyncPassage);
  }

  async countAfter(after: number): Promise<number> {
    const [n] = await this.conn.column<number>(Q.COUNT_PASSAGES_AFTER, { after: neo4j.int(after) }, 'n');
    return n ?? 0;
  }

  async count(): Promise<number> {
    const [n] = await this.conn.column<number>(Q.COUNT_PASSAGES, {}, 'n');
    return n ?? 0;
  }

  /** Deletions after sequence `after`: the passage ids each removed. */
  async removedAfter(after: number): Promise<{ seq: number; ids: string[] }[]> {
    const res = await this.conn.query(Q.REMOVED_AFTER, { after: neo4j.int(after) });
    return res.records.map((r) => ({ seq: r.get('seq') as number, ids: r.get('ids') as string[] }));
  }

  /** The ids among `ids` that are passages of the graph now. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set(await this.conn.column<string>(Q.EXISTING_PASSAGES, { ids }, 'id'));
  }
}

/** A passage to embed: its text is the section path and the passage text, as the lexical field. */
export interface SyncPassage {
  id: string;
  seq: number;
  section: string | null;
  text: string;
  /** Title and locality of the passage's document (null while it has none). */
  title: string | null;
  locality: string | null;
}

function termsRow(r: Record<string, unknown>, seq: number) {
  const str = (k: string) => (typeof r[k] === 'string' ? r[k] : null);
  return {
    id: r.id as string,
    seq: neo4j.int(seq),
    terms: indexField(`${str('section') ?? ''}\n${str('text') ?? ''}`),
    facets: passageFacets({
      documentId: r.documentId as string,
      locality: str('locality'),
      province: str('province'),
      type: str('type'),
      date: str('date'),
      fields: (r.fields as string[] | null) ?? [],
    }),
  };
}
