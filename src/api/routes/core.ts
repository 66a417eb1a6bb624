import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { ask } from '../../ask/answer.ts';
import { understand } from '../../ask/intent.ts';
import { fold } from '../../../core/text/normalize.ts';
import type { AppContext } from '../context.ts';
import { bool, fieldParam, limit, optText, text, year } from '../params.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import type { RouteRegistry } from '../registry.ts';
import { AskResponse, DocumentList, Health, SearchResponse } from '../responses.ts';
import { DocumentDetail } from '../../../graph/rows.ts';
import { RELATION_PARAMS, resolveDocumentFilter } from './filters.ts';
import { askTable, documentsTable } from '../export/tables.ts';

/** Health, documents and search. */
export function registerCoreRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'Service status: Neo4j connection, counts, search index and active embedder',
    response: Health,
    errors: ['GRAPH_UNAVAILABLE'],
    handler: async (): Promise<Health> => {
      const reason = await ctx.conn.check();
      const connected = reason === null;
      const { since } = ctx.conn.state;
      if (!connected) {
        throw new AppError('GRAPH_UNAVAILABLE', `Neo4j does not answer: ${reason ?? 'no reply'}`, {
          status: 'unavailable',
          neo4j: { connected: false, uri: ctx.conn.uri, reason, since },
          search: ctx.search.status(),
          retryAfter: 5,
        });
      }
      return {
        status: 'ok',
        version: ctx.version,
        neo4j: { connected, uri: ctx.conn.uri },
        counts: await ctx.reader.counts(),
        search: ctx.search.status(),
      };
    },
  });

  r.add({
    method: 'get',
    path: '/api/documents',
    tag: 'documents',
    summary:
      'List documents, optionally those related to a document number (any spelling): based_on, implements (transitive=true follows the implementation chain), amends, replaces, repeals, guides, cites; by locality, field or type',
    query: z.object({
      ...Object.fromEntries(RELATION_PARAMS.map(({ param }) => [param, optText()])),
      implements: optText(),
      transitive: z.enum(['true', 'false', '1', '0']).optional(),
      locality: optText(),
      field: fieldParam(),
      type: optText(),
    }),
    response: DocumentList,
    errors: ['GRAPH_UNAVAILABLE'],
    table: documentsTable,
    handler: async (q) => {
      const filter = resolveDocumentFilter(q);
      return { items: await ctx.reader.listDocuments(filter) };
    },
  });

  r.add({
    method: 'get',
    path: '/api/documents/:id',
    tag: 'documents',
    params: ['id'],
    summary: 'One document: metadata, references, section tree and passages',
    response: DocumentDetail,
    errors: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
    handler: async (_q, req) => {
      const id = String(req.params.id);
      const doc = await ctx.reader.getDocument(id);
      if (!doc) throw new AppError('NOT_FOUND', `No document ${id}`, { id });
      return doc;
    },
  });

  r.add({
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Passage search (with or without diacritics), with filters',
    query: z.object({
      q: text(),
      k: limit(10, 100),
      locality: optText(),
      field: fieldParam(),
      document: optText(),
      type: optText(),
      year,
      mode: z.enum(['hybrid', 'bm25', 'vector']).default('hybrid'),
    }),
    response: SearchResponse,
    handler: (q) =>
      ctx.cache.get('search', q, () => {
        const field = q.field ? resolveDocumentFilter({ field: q.field }).field : undefined;
        return ctx.search.search(
          q.q,
          q.k,
          {
            ...(q.locality ? { locality: fold(q.locality) } : {}),
            ...(field ? { field } : {}),
            ...(q.document ? { document: q.document } : {}),
            ...(q.type ? { type: q.type } : {}),
            ...(q.year ? { year: q.year } : {}),
          },
          q.mode,
          () => understand(q.q).entities,
        );
      }),
  });
}

/** Question answering over the graph. */
export function registerAskRoute(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'get',
    path: '/api/ask',
    tag: 'search',
    summary:
      'Answer a question (Vietnamese or English) as a cited table from the graph, plus passages; ' +
      'lineage=true adds the tasks of predecessors (2025 reorganisation); a notice says why an answer is empty',
    query: z.object({ q: text(), lineage: bool }),
    response: AskResponse,
    errors: ['GRAPH_UNAVAILABLE'],
    table: askTable,
    handler: (q) =>
      ctx.cache.get('ask', q, () => ask(q.q, ctx.reader, ctx.search, { lineage: q.lineage, analysis })),
  });
}
