import neo4j from 'neo4j-driver';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';
import {
  buildImplementationTree,
  type TreeDocument,
  type TreeEdge,
  type TreeNode,
} from './implementation-tree.ts';
import type { TaskFilter } from './reader.ts';
import type {
  IngestedDocumentRow,
  LegalDocumentRow,
  Lineage,
  LineageStep,
  LocalityRow,
  MatrixDocumentRow,
  SavedSearchRow,
  TaskLineageRow,
} from './analysis-rows.ts';

export type { Lineage, LineageStep } from './analysis-rows.ts';

/** Reads for the analyst's views: lineage across the 2025 reorganisation, localities, tasks with lineage. */
export class AnalysisReader {
  constructor(private readonly conn: GraphConnection) {}

  /** Predecessors and successors of an agency key or a locality name; null when there is no such node. */
  async lineage(id: string): Promise<Lineage | null> {
    const res = await this.conn.query(Q.LINEAGE, { id });
    const r = res.records[0];
    if (!r) return null;
    const sort = (xs: LineageStep[]) => [...xs].sort((a, b) => a.from.localeCompare(b.from));
    return {
      predecessors: sort(r.get('predecessors') as LineageStep[]),
      successors: sort(r.get('successors') as LineageStep[]),
    };
  }

  async locality(name: string, folded: string): Promise<LocalityRow | null> {
    const [loc] = await this.conn.column<LocalityRow>(Q.GET_LOCALITY, { name, folded }, 'locality');
    return loc ?? null;
  }

  /** Tasks whose locality or agency filter also matches predecessors; rows say `assigned` and `now`. */
  async tasksWithLineage(filter: TaskFilter): Promise<TaskLineageRow[]> {
    const params = { agencyKind: null, ...filter, limit: neo4j.int(filter.limit) };
    type Stored = Omit<TaskLineageRow, 'deadlineNorm'> & { deadlineNorm: string | null };
    const rows = await this.conn.column<Stored>(Q.LIST_TASKS_LINEAGE, params, 'task');
    return rows.map((t) => ({
      ...t,
      deadlineNorm: t.deadlineNorm ? (JSON.parse(t.deadlineNorm) as TaskLineageRow['deadlineNorm']) : null,
    }));
  }

  /**
   * The implementation tree below a corpus document (`id`) or a document number (`numberKey`):
   * null when neither names a document the corpus knows.
   */
  async implementationTree(
    id: string,
    numberKey: string | null,
    depth: number,
  ): Promise<{ root: TreeDocument; children: TreeNode[] } | null> {
    const roots = await this.conn.column<TreeDocument>(Q.TREE_ROOTS, { id, numberKey }, 'node');
    if (roots.length === 0) return null;
    const keys = roots.map((r) => r.key);
    const res = await this.conn.query(Q.IMPLEMENTATION_EDGES, { keys, depth: neo4j.int(depth) });
    const edges = res.records.map((r) => r.toObject() as unknown as TreeEdge);
    const root = roots.find((r) => r.id) ?? roots[0]!;
    return { root, children: buildImplementationTree(keys, edges, depth) };
  }

  /** What the corpus says about a referenced document: its mentions, what it implements and who implements it. */
  async legalDocument(key: string, numberKey: string | null): Promise<LegalDocumentRow | null> {
    const [doc] = await this.conn.column<LegalDocumentRow>(Q.GET_LEGAL_DOCUMENT, { key, numberKey }, 'legal');
    return doc ?? null;
  }

  /** Corpus documents implementing any of `keys` (directly or through the chain) with their tasks' and targets' fields. */
  matrixDocuments(keys: string[]): Promise<MatrixDocumentRow[]> {
    return this.conn.column<MatrixDocumentRow>(Q.MATRIX_DOCUMENTS, { keys }, 'doc');
  }

  /** Root LegalDocuments of a corpus id or a number key (as the implementation tree takes them). */
  roots(id: string, numberKey: string | null): Promise<TreeDocument[]> {
    return this.conn.column<TreeDocument>(Q.TREE_ROOTS, { id, numberKey }, 'node');
  }

  /** A passage's section, page and text with the texts before it in its section (nearest first). */
  async tableContext(
    passageId: string,
  ): Promise<{ section: string | null; page: number | null; text: string; before: string[] } | null> {
    const res = await this.conn.query(Q.TABLE_CONTEXT, { id: passageId });
    const r = res.records[0];
    if (!r) return null;
    return r.toObject() as { section: string | null; page: number | null; text: string; before: string[] };
  }

  async createSavedSearch(saved: {
    id: string;
    q: string;
    filters: string;
    createdAt: string;
  }): Promise<SavedSearchRow> {
    const res = await this.conn.write((tx) => tx.run(Q.CREATE_SAVED_SEARCH, saved));
    return res.records[0]!.get('saved') as SavedSearchRow;
  }

  listSavedSearches(): Promise<SavedSearchRow[]> {
    return this.conn.column<SavedSearchRow>(Q.LIST_SAVED_SEARCHES, {}, 'saved');
  }

  async savedSearch(id: string): Promise<SavedSearchRow | null> {
    const [saved] = await this.conn.column<SavedSearchRow>(Q.GET_SAVED_SEARCH, { id }, 'saved');
    return saved ?? null;
  }

  async deleteSavedSearch(id: string): Promise<boolean> {
    const res = await this.conn.write((tx) => tx.run(Q.DELETE_SAVED_SEARCH, { id }));
    return (res.records[0]?.get('deleted') as number) > 0;
  }

  documentsIngestedSince(
    since: string,
    locality: string | null,
    type: string | null,
  ): Promise<IngestedDocumentRow[]> {
    return this.conn.column<IngestedDocumentRow>(
      Q.DOCUMENTS_INGESTED_SINCE,
      { since, locality, type },
      'doc',
    );
  }
}
