import { AppError } from '../../../core/errors.ts';
import { fold } from '../../../core/text/normalize.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import {
  LocalityWithLineage,
  type AgencyRef,
  type TaskLineageRow,
  type TaskListItem,
} from '../../../graph/analysis-rows.ts';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../registry.ts';

const label = (a: AgencyRef): string => (a.locality ? `${a.name} ${a.locality}` : a.name);

/**
 * Task rows from `tasksWithLineage` with `assignedTo` (the agency as written, with its locality) and
 * `now` (its successor after the 2025 reorganisation; the same agency when unchanged).
 */
export function lineageRows(rows: TaskLineageRow[]): TaskListItem[] {
  return rows.map((t) => {
    const { assigned, now, ...rest } = t;
    return {
      ...rest,
      assignedTo: assigned ? label(assigned) : null,
      assignedToId: assigned?.id ?? null,
      now: now ? label(now) : null,
      nowId: now?.id ?? null,
    };
  });
}

/** Localities across the 2025 reorganisation: `GET /api/localities/:name`. */
export function registerLineageRoutes(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'get',
    path: '/api/localities/:name',
    tag: 'graph',
    params: ['name'],
    summary:
      'A locality (province or provincial city) with its predecessors and successors across the 2025 ' +
      'reorganisation (dates, instruments), its documents and agencies',
    response: LocalityWithLineage,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    handler: async (_q, req) => {
      const name = String(req.params.name).normalize('NFC').trim();
      const loc = await analysis.locality(name, fold(name));
      if (!loc) throw new AppError('NOT_FOUND', `No locality ${name}`, { name });
      const lineage = await analysis.lineage(loc.name);
      return { ...loc, ...(lineage ?? { predecessors: [], successors: [] }) };
    },
  });
}
