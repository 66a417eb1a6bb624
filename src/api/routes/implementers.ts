import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { numberKey } from '../../../core/vocab/docnumber.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import type { AppContext } from '../context.ts';
import { implementersTable } from '../export/tables.ts';
import type { RouteRegistry } from '../registry.ts';
import { ImplementationTree, LegalDocumentRow } from '../../../graph/analysis-rows.ts';

/** Number key of `raw` when it reads as a document number (36-NQ/TW, 36/NQ-TW, "Nghị quyết 36-NQ/TW"). */
function keyOf(raw: string): string | null {
  return /\d/.test(raw) ? numberKey(raw) : null;
}

/** The implementation tree of a document and the page of a referenced document. */
export function registerImplementerRoutes(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'get',
    path: '/api/documents/:id/implementers',
    tag: 'documents',
    params: ['id'],
    summary:
      'Implementation tree below a document (a corpus id or a document number such as 36-NQ/TW in any ' +
      'spelling): who implements it, who implements those, with locality, date and the relation on each edge',
    query: z.object({ depth: z.coerce.number().int().min(1).max(6).default(4) }),
    response: ImplementationTree,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    table: implementersTable,
    handler: async (q, req) => {
      const id = String(req.params.id).normalize('NFC').trim();
      const tree = await analysis.implementationTree(id, keyOf(id), q.depth);
      if (!tree) throw new AppError('NOT_FOUND', `No document or number ${id}`, { id });
      return tree;
    },
  });

  r.add({
    method: 'get',
    path: '/api/references/:key',
    tag: 'documents',
    params: ['key'],
    summary:
      'A referenced document (in the corpus or not) as the corpus cites it: number, type, issuer, date, ' +
      'which documents implement, cite or are based on it, what it implements',
    response: LegalDocumentRow,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    handler: async (_q, req) => {
      const key = String(req.params.key).normalize('NFC').trim();
      const doc = await analysis.legalDocument(key, keyOf(key));
      if (!doc) throw new AppError('NOT_FOUND', `No referenced document ${key}`, { key });
      return doc;
    },
  });
}
