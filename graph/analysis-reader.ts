import neo4j from 'neo4j-driver';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';
import type { TaskFilter } from './reader.ts';
import type { Lineage, LineageStep, LocalityRow, TaskLineageRow } from './rows.ts';

export type { Lineage, LineageStep } from './rows.ts';

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
}
