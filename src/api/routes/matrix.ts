import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { numberKey } from '../../../core/vocab/docnumber.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import type { AppContext } from '../context.ts';
import { matrixTable } from '../export/tables.ts';
import { MatrixResponse } from '../analyst-responses.ts';
import { buildMatrix } from '../matrix.ts';
import { text } from '../params.ts';
import type { RouteRegistry } from '../registry.ts';

/** `GET /api/matrix?programme=`: provinces × policy fields for a programme. */
export function registerMatrixRoutes(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'get',
    path: '/api/matrix',
    tag: 'graph',
    summary:
      'Alignment matrix of a programme (number in any spelling, or corpus id): provinces implementing it ' +
      'directly or through the chain × policy fields, cells counting tasks and targets; provinces with no ' +
      'implementing plan when the programme is national',
    query: z.object({ programme: text(200) }),
    response: MatrixResponse,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    table: matrixTable,
    handler: async (q) => {
      const id = q.programme.normalize('NFC');
      const roots = await analysis.roots(id, /\d/.test(id) ? numberKey(id) : null);
      if (roots.length === 0)
        throw new AppError('NOT_FOUND', `No document or number ${id}`, { programme: id });
      const root = roots.find((x) => x.id) ?? roots[0]!;
      const docs = await analysis.matrixDocuments(roots.map((x) => x.key));
      return buildMatrix(
        { key: root.key, number: root.number, type: root.type, issuer: root.issuer, id: root.id },
        docs,
      );
    },
  });
}
