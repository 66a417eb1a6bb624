import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { TARGET_METRICS } from '../../../core/types.ts';
import { subjectQuery } from '../../../core/vocab/target-subjects.ts';
import { fold } from '../../../core/text/normalize.ts';
import type { AppContext } from '../context.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import { bool, fieldParam, limit, optText, text, year } from '../params.ts';
import type { RouteRegistry } from '../registry.ts';
import { AgencyList, FieldList, NodeKindList, TargetList, TaskList } from '../responses.ts';
import { NODE_KIND_NAMES, NODE_KINDS } from '../../../core/vocab/node-kinds.ts';
import { AgencyWithLineage } from '../../../graph/analysis-rows.ts';
import { Neighbourhood } from '../../../graph/rows.ts';
import { foldOpt, resolveField } from './filters.ts';
import { lineageRows } from './lineage.ts';
import { targetsTable, tasksTable } from '../export/tables.ts';

/** Tasks, agencies, targets, fields and graph browsing. */
export function registerGraphRoutes(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'get',
    path: '/api/tasks',
    tag: 'graph',
    summary:
      'Tasks with lead and coordinating agencies, deadline and product; with lineage=true a locality or ' +
      'agency filter includes predecessors (2025 reorganisation) and rows say assignedTo and now',
    query: z.object({
      field: fieldParam(),
      agency: optText(),
      locality: optText(),
      document: optText(),
      q: optText(),
      limit: limit(500, 5000),
      lineage: bool,
    }),
    response: TaskList,
    errors: ['GRAPH_UNAVAILABLE'],
    table: tasksTable,
    handler: async (q) => {
      const filter = {
        field: resolveField(q.field),
        agency: foldOpt(q.agency),
        agencyKey: q.agency ?? null,
        locality: foldOpt(q.locality),
        document: q.document ?? null,
        q: foldOpt(q.q),
        limit: q.limit,
      };
      if (q.lineage) return { items: lineageRows(await analysis.tasksWithLineage(filter)) };
      return { items: await ctx.reader.listTasks(filter) };
    },
  });

  r.add({
    method: 'get',
    path: '/api/agencies',
    tag: 'graph',
    summary: 'Agencies, scoped to their locality, with task counts',
    query: z.object({ locality: optText(), q: optText() }),
    response: AgencyList,
    errors: ['GRAPH_UNAVAILABLE'],
    handler: async (q) => ({
      items: await ctx.reader.listAgencies({ locality: foldOpt(q.locality), q: foldOpt(q.q) }),
    }),
  });

  r.add({
    method: 'get',
    path: '/api/agencies/:id',
    tag: 'graph',
    params: ['id'],
    summary: 'One agency with the tasks it leads and coordinates, and its predecessors and successors (2025)',
    response: AgencyWithLineage,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    handler: async (_q, req) => {
      const id = String(req.params.id);
      const agency = await ctx.reader.getAgency(id);
      if (!agency) throw new AppError('NOT_FOUND', `No agency ${id}`, { id });
      return { ...agency, ...((await analysis.lineage(id)) ?? { predecessors: [], successors: [] }) };
    },
  });

  r.add({
    method: 'get',
    path: '/api/targets',
    tag: 'graph',
    summary:
      'Quantitative targets across documents and localities, with what they measure (subject, metric); subject matches with or without diacritics',
    query: z.object({
      field: fieldParam(),
      q: optText(),
      subject: optText(),
      metric: z.enum(TARGET_METRICS).optional(),
      year,
      locality: optText(),
      document: optText(),
      limit: limit(1000, 5000),
    }),
    response: TargetList,
    errors: ['GRAPH_UNAVAILABLE'],
    table: targetsTable,
    handler: async (q) => {
      const subject = q.subject ? subjectQuery(q.subject) : null;
      return {
        items: await ctx.reader.listTargets({
          field: resolveField(q.field),
          q: foldOpt(q.q),
          subject: subject?.folded ?? null,
          subjectExact: subject?.exact ?? null,
          metric: q.metric ?? null,
          year: q.year ?? null,
          locality: foldOpt(q.locality),
          document: q.document ?? null,
          limit: q.limit,
        }),
      };
    },
  });

  r.add({
    method: 'get',
    path: '/api/fields',
    tag: 'graph',
    summary: 'Policy-field taxonomy with counts of tasks, targets and sections',
    response: FieldList,
    errors: ['GRAPH_UNAVAILABLE'],
    handler: async () => ({ items: await ctx.reader.fieldCounts() }),
  });

  r.add({
    method: 'get',
    path: '/api/graph/kinds',
    tag: 'graph',
    summary: 'Kinds of node in the browsing graph, with their names in Vietnamese and English',
    response: NodeKindList,
    handler: () =>
      Promise.resolve({
        items: NODE_KIND_NAMES.map((kind) => ({ kind, vi: NODE_KINDS[kind].vi, en: NODE_KINDS[kind].en })),
      }),
  });

  r.add({
    method: 'get',
    path: '/api/graph',
    tag: 'graph',
    summary: 'Neighbourhood of a node (document, agency, task, target, field, locality) for browsing',
    query: z.object({
      center: text(300),
      depth: z.coerce.number().int().min(1).max(3).default(1),
    }),
    response: Neighbourhood,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    handler: async (q) => {
      const g = await ctx.reader.neighbourhood(q.center, q.depth);
      if (!g)
        throw new AppError('NOT_FOUND', `No node ${q.center}`, { center: q.center, folded: fold(q.center) });
      return g;
    },
  });
}
