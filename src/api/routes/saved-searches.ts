import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Feed } from 'feed';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { fold } from '../../../core/text/normalize.ts';
import { AnalysisReader } from '../../../graph/analysis-reader.ts';
import type { IngestedDocumentRow, SavedSearchRow } from '../../../graph/analysis-rows.ts';
import type { AppContext } from '../context.ts';
import { originOf } from '../export/tables.ts';
import { fieldParam, optText, text } from '../params.ts';
import type { RouteRegistry } from '../registry.ts';
import { SavedSearch, SavedSearchList } from '../analyst-responses.ts';
import { resolveField } from './filters.ts';

const FILTERS = z
  .object({
    locality: optText(),
    field: fieldParam(),
    type: optText(),
    year: z.coerce.number().int().min(1945).max(2100).optional(),
  })
  .strict();
const BODY = z.object({ q: text(500), filters: FILTERS.default({}) }).strict();
type Filters = z.infer<typeof FILTERS>;

function parseBody(raw: unknown): z.infer<typeof BODY> {
  const result = BODY.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
  throw new AppError(
    'INVALID_INPUT',
    `Invalid saved search: ${problems.map((p) => p.parameter).join(', ')}`,
    {
      problems,
    },
  );
}

interface Saved {
  id: string;
  q: string;
  createdAt: string;
  filters: Filters;
}
const asSaved = (s: SavedSearchRow): Saved => ({
  id: s.id,
  q: s.q,
  createdAt: s.createdAt,
  filters: JSON.parse(s.filters) as Filters,
});
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Saved searches and their Atom feeds of documents ingested since. */
export function registerSavedSearchRoutes(r: RouteRegistry, ctx: AppContext): void {
  const analysis = new AnalysisReader(ctx.conn);
  r.add({
    method: 'post',
    path: '/api/saved-searches',
    tag: 'search',
    summary: 'Save a search or question ({q, filters: {locality, field, type, year}}) → {id}',
    response: SavedSearch,
    success: 201,
    errors: ['INVALID_INPUT', 'GRAPH_UNAVAILABLE'],
    openapi: {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: z.toJSONSchema(BODY, { io: 'input' }) } },
      },
    },
    handler: async (_q, req, res) => {
      const body = parseBody(req.body);
      if (body.filters.field) body.filters.field = resolveField(body.filters.field) ?? undefined;
      const saved = await analysis.createSavedSearch({
        id: randomUUID(),
        q: body.q,
        filters: JSON.stringify(body.filters),
        createdAt: new Date().toISOString(),
      });
      res.status(201).location(`/api/saved-searches/${String(saved.id)}`);
      return { ...asSaved(saved), feed: `/api/saved-searches/${String(saved.id)}/feed` };
    },
  });

  r.add({
    method: 'get',
    path: '/api/saved-searches',
    tag: 'search',
    summary: 'Saved searches, newest first, each with its feed',
    response: SavedSearchList,
    handler: async () => ({
      items: (await analysis.listSavedSearches()).map((s) => ({
        ...asSaved(s),
        feed: `/api/saved-searches/${String(s.id)}/feed`,
      })),
    }),
  });

  r.add({
    method: 'delete',
    path: '/api/saved-searches/:id',
    tag: 'search',
    params: ['id'],
    summary: 'Delete a saved search',
    response: z.null(),
    success: 204,
    errors: ['NOT_FOUND'],
    handler: async (_q, req, res) => {
      const id = String(req.params.id);
      if (!(await analysis.deleteSavedSearch(id)))
        throw new AppError('NOT_FOUND', `No saved search ${id}`, { id });
      res.status(204).end();
      return null;
    },
  });

  r.add({
    method: 'get',
    path: '/api/saved-searches/:id/feed',
    tag: 'search',
    params: ['id'],
    summary: 'Atom 1.0 feed of the documents ingested since the search was saved that match it',
    response: z.string(),
    mediaType: 'application/atom+xml',
    errors: ['NOT_FOUND'],
    handler: async (_q, req) => {
      const id = String(req.params.id);
      const found = await analysis.savedSearch(id);
      if (!found) throw new AppError('NOT_FOUND', `No saved search ${id}`, { id });
      const saved = asSaved(found);
      const docs = await matchingDocuments(ctx, analysis, saved.q, saved.filters, saved.createdAt);
      return atom(req, saved, docs);
    },
  });
}

/** Documents ingested since `since` that pass the filters and have a passage matching `q`. */
async function matchingDocuments(
  ctx: AppContext,
  analysis: AnalysisReader,
  q: string,
  f: Filters,
  since: string,
): Promise<IngestedDocumentRow[]> {
  const docs = await analysis.documentsIngestedSince(
    since,
    f.locality ? fold(f.locality) : null,
    f.type ? fold(f.type) : null,
  );
  const out: IngestedDocumentRow[] = [];
  for (const d of docs) {
    if (f.year && !str(d.date).startsWith(String(f.year))) continue;
    const filters = { document: String(d.id), ...(f.field ? { field: f.field } : {}) };
    const hits = await ctx.search.search(q, 1, filters, 'hybrid');
    if (hits.results.length > 0) out.push(d);
  }
  return out;
}

function atom(req: Request, saved: Saved, docs: IngestedDocumentRow[]): string {
  const origin = originOf(req);
  const self = `${origin}/api/saved-searches/${String(saved.id)}/feed`;
  const feed = new Feed({
    id: `urn:uuid:${String(saved.id)}`,
    title: `policy-kg: ${String(saved.q)}`,
    description: `Văn bản mới khớp với "${String(saved.q)}" / New documents matching "${String(saved.q)}"`,
    link: `${origin}/#/search?q=${encodeURIComponent(String(saved.q))}`,
    updated: new Date(str(docs[0]?.ingestedAt) || saved.createdAt),
    generator: 'policy-kg',
    language: 'vi',
    feedLinks: { atom: self },
    copyright: '',
  });
  for (const d of docs) {
    const link = `${origin}/#/documents/${encodeURIComponent(str(d.id))}`;
    feed.addItem({
      title: [str(d.type), str(d.number)].filter(Boolean).join(' ') + (d.title ? ` — ${str(d.title)}` : ''),
      id: `urn:policy-kg:document:${str(d.id)}`,
      link,
      date: new Date(str(d.ingestedAt)),
      description: [str(d.locality ?? d.province), str(d.issuer), str(d.date)].filter(Boolean).join(' · '),
    });
  }
  return feed.atom1();
}
