import neo4j from 'neo4j-driver';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';
import {
  buildImplementationTree,
  type TreeDocument,
  type TreeEdge,
  type TreeNode,
} from './implementation-tree.ts';
import type { Row, TaskFilter } from './reader.ts';

export interface LineageStep {
  id: string;
  name: string;
  locality: string | null;
  /** The node this step leads to (predecessors) or comes from (successors). */
  to?: string;
  previous?: string;
  from: string;
  instrument: string;
  article: string | null;
  note: string | null;
}

export interface Lineage {
  predecessors: LineageStep[];
  successors: LineageStep[];
}

/** Reads for the analyst's views: lineage across the 2025 reorganisation, localities, tasks with lineage. */
export class AnalysisReader {
  constructor(private readonly conn: GraphConnection) {}

  /** Predecessors and successors of an agency key or a locality name; null when there is no such node. */
  async lineage(id: string): Promise<Lineage | null> {
    const res = await this.conn.read((tx) => tx.run(Q.LINEAGE, { id }));
    const r = res.records[0];
    if (!r) return null;
    const sort = (xs: LineageStep[]) => [...xs].sort((a, b) => a.from.localeCompare(b.from));
    return {
      predecessors: sort(r.get('predecessors') as LineageStep[]),
      successors: sort(r.get('successors') as LineageStep[]),
    };
  }

  async locality(name: string, folded: string): Promise<Row | null> {
    const [loc] = await this.conn.column<Row>(Q.GET_LOCALITY, { name, folded }, 'locality');
    return loc ?? null;
  }

  /** Tasks whose locality or agency filter also matches predecessors; rows say `assigned` and `now`. */
  async tasksWithLineage(filter: TaskFilter): Promise<Row[]> {
    const params = { agencyKind: null, ...filter, limit: neo4j.int(filter.limit) };
    const rows = await this.conn.column<Row>(Q.LIST_TASKS_LINEAGE, params, 'task');
    return rows.map((t) => {
      const norm = t.deadlineNorm;
      return {
        ...t,
        deadlineNorm: typeof norm === 'string' ? (JSON.parse(norm) as unknown) : (norm ?? null),
      };
    });
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
    const res = await this.conn.read((tx) =>
      tx.run(Q.IMPLEMENTATION_EDGES, { keys, depth: neo4j.int(depth) }),
    );
    const edges = res.records.map((r) => r.toObject() as unknown as TreeEdge);
    const root = roots.find((r) => r.id) ?? roots[0]!;
    return { root, children: buildImplementationTree(keys, edges, depth) };
  }

  /** What the corpus says about a referenced document: its mentions, what it implements and who implements it. */
  async legalDocument(key: string, numberKey: string | null): Promise<Row | null> {
    const [doc] = await this.conn.column<Row>(Q.GET_LEGAL_DOCUMENT, { key, numberKey }, 'legal');
    return doc ?? null;
  }

  /** Corpus documents implementing any of `keys` (directly or through the chain) with their tasks' and targets' fields. */
  matrixDocuments(keys: string[]): Promise<Row[]> {
    return this.conn.column<Row>(Q.MATRIX_DOCUMENTS, { keys }, 'doc');
  }

  /** Root LegalDocuments of a corpus id or a number key (as the implementation tree takes them). */
  roots(id: string, numberKey: string | null): Promise<TreeDocument[]> {
    return this.conn.column<TreeDocument>(Q.TREE_ROOTS, { id, numberKey }, 'node');
  }
}
