import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { NODE_KIND_NAMES, NODE_KINDS } from '../../core/vocab/node-kinds.ts';
import { createApp } from '../../src/api/app.ts';
import type { AppContext } from '../../src/api/context.ts';
import type { ErrorBody, NodeKindList } from '../../src/api/responses.ts';
import { ResultCache } from '../../src/api/result-cache.ts';
import { loadConfig } from '../../src/config.ts';
import { operations, responseChecker, type OpenApiDoc } from '../helpers/openapi.ts';

/**
 * The HTTP layer in-process without a database: validation, unknown routes, uploads refused before
 * they are read, and the shape of the OpenAPI document. The context's graph, search and ingest throw
 * if reached, so a request that needs the database fails these tests instead of passing by accident.
 */
function appWithoutDatabase(env: Record<string, string> = {}) {
  const unreachable = (what: string) =>
    new Proxy(
      {},
      {
        get: (_target, name) => () => {
          throw new AppError('INTERNAL', `${what}.${String(name)} called in a test without a database`);
        },
      },
    );
  const ctx = {
    config: loadConfig({ LOG_LEVEL: 'silent', ...env }),
    conn: unreachable('graph connection'),
    reader: unreachable('graph reader'),
    search: unreachable('search'),
    ingest: () => Promise.reject(new AppError('INTERNAL', 'ingest reached in a test without a database')),
    admitIngest: () => undefined,
    cache: new ResultCache(),
    version: 'test',
    log: () => undefined,
  } as unknown as AppContext;
  return createApp(ctx);
}

const app = appWithoutDatabase();
const doc = (await request(app).get('/api/openapi.json').expect(200)).body as OpenApiDoc;
const check = responseChecker(doc);

describe('API without a database', () => {
  it.each([
    ['/api/search', {}, 'q'],
    ['/api/search', { q: 'biển', k: 'many' }, 'k'],
    ['/api/search', { q: 'biển', mode: 'fuzzy' }, 'mode'],
    ['/api/tasks', { limit: 0 }, 'limit'],
    ['/api/targets', { year: 'soon' }, 'year'],
    ['/api/targets', { year: 1800 }, 'year'],
    ['/api/graph', {}, 'center'],
    ['/api/graph', { center: 'bien', depth: 9 }, 'depth'],
    ['/api/ask', { q: '   ' }, 'q'],
    ['/api/documents', { transitive: 'maybe' }, 'transitive'],
  ])('GET %s %j → 400 INVALID_INPUT naming %s', async (url, query, parameter) => {
    const res = await request(app).get(url).query(query).expect(400);
    const { code, details } = errorOf(res);
    expect(code).toBe('INVALID_INPUT');
    const problems = details.problems as { parameter: string }[];
    expect(problems.map((p) => p.parameter)).toContain(parameter);
    expect(check('get', url, 400, res.body)).toEqual([]);
  });

  it.each([
    ['/api/documents', 'field'],
    ['/api/tasks', 'field'],
    ['/api/targets', 'field'],
    ['/api/search', 'field'],
  ])('GET %s with an unknown %s → 400 before any query', async (url, parameter) => {
    const res = await request(app)
      .get(url)
      .query({ q: 'biển', [parameter]: 'no-such-field' })
      .expect(400);
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_INPUT', details: { parameter } });
    expect(check('get', url, 400, res.body)).toEqual([]);
  });

  it('answers an unknown route with 404 and a wrong method with 405, in the error body', async () => {
    const missing = await request(app).get('/api/nope').expect(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const wrong = await request(app).delete('/api/documents').expect(405);
    expect(errorOf(wrong).code).toBe('METHOD_NOT_ALLOWED');
    for (const res of [missing, wrong]) {
      expect(Object.keys(errorOf(res)).sort()).toEqual(['code', 'details', 'message']);
    }
  });

  it('refuses uploads before reading them, each with a documented status', async () => {
    const sameOrigin = (t: request.Test) =>
      t.set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000');
    const answers: [request.Response, string][] = [
      [await request(app).post('/api/ingest').attach('files', Buffer.from('Kế hoạch'), 'a.txt'), 'FORBIDDEN'],
      [await sameOrigin(request(app).post('/api/ingest')).send({ files: [] }), 'UNSUPPORTED_MEDIA_TYPE'],
      [await sameOrigin(request(app).post('/api/ingest')).field('note', 'no file'), 'INVALID_INPUT'],
      [
        await sameOrigin(
          request(appWithoutDatabase({ API_TOKEN: 'secret-token' })).post('/api/ingest'),
        ).attach('files', Buffer.from('Kế hoạch'), 'a.txt'),
        'UNAUTHORIZED',
      ],
    ];
    for (const [res, code] of answers) {
      expect(errorOf(res).code).toBe(code);
      expect(check('post', '/api/ingest', res.status, res.body)).toEqual([]);
    }
  });

  it('lists the node kinds of core/vocab with their names, as documented', async () => {
    const res = await request(app).get('/api/graph/kinds').expect(200);
    const { items } = res.body as NodeKindList;
    expect(items.map((k) => k.kind)).toEqual(NODE_KIND_NAMES);
    expect(items[0]).toEqual({ kind: 'Document', ...pick(NODE_KINDS.Document) });
    expect(check('get', '/api/graph/kinds', 200, res.body)).toEqual([]);
  });
});

const errorOf = (res: { body: unknown }) => (res.body as ErrorBody).error;
const pick = ({ vi, en }: { vi: string; en: string }) => ({ vi, en });

describe('OpenAPI document', () => {
  type Op = {
    operationId: string;
    parameters: { name: string; in: string }[];
    responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  };
  const ops = Object.entries(doc.paths).flatMap(([p, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({ key: `${m} ${p}`, op: op as unknown as Op })),
  );

  it('documents every route once, with a unique operationId', () => {
    expect(operations(doc)).toEqual(
      expect.arrayContaining(['get /api/documents/{id}', 'get /api/graph', 'post /api/ingest']),
    );
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every operation a response schema among the components, and every $ref resolves', () => {
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      expect(doc.components.schemas[ref.slice(22, -1)], ref).toBeDefined();
    }
    for (const { key, op } of ops) {
      if (op.responses['204']) continue; // no body
      const ok = op.responses['200'] ?? op.responses['201'];
      const media = Object.entries(ok?.content ?? {})[0];
      if (media?.[0] === 'application/json') expect(media[1].schema.$ref, key).toBeDefined();
      else expect(media?.[1].schema, `${key} ${media?.[0]}`).toEqual({ type: 'string' });
    }
  });

  it('lists 400 exactly for operations with query parameters, and the error body for each error', () => {
    for (const { key, op } of ops) {
      // query parameters, or a body to validate (uploads, saved searches)
      const hasQuery = op.parameters.some((p) => p.in === 'query') || key.startsWith('post ');
      expect('400' in op.responses, key).toBe(hasQuery);
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect(errors, key).toContain('500');
      for (const s of errors) {
        expect(JSON.stringify(op.responses[s]), `${key} ${s}`).toContain('#/components/schemas/Error');
      }
    }
    const ingest = ops.find((o) => o.key === 'post /api/ingest')!.op.responses;
    expect(Object.keys(ingest)).toEqual(
      expect.arrayContaining(['200', '207', '401', '413', '415', '422', '503']),
    );
  });

  it('describes the error body with its code, message and details', () => {
    expect(doc.components.schemas.Error).toMatchObject({
      required: ['error'],
      properties: { error: { required: ['code', 'message', 'details'] } },
    });
  });
});
