import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../graph/rows.ts';
import type { AgencyList, DocumentList, TaskList } from '../../src/api/responses.ts';
import type { Runtime } from '../../src/runtime.ts';
import { operations, responseChecker, type OpenApiDoc } from '../helpers/openapi.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

/** Dev documents of other kinds than the seeds (resolutions, decisions, a circular), for variety. */
const DEV = path.resolve('../shared/corpus-dev');
const DEV_FILES = [
  'tvpl-053-78-2025-NQ-HDND.txt',
  'tvpl-115-32-2025-TT-BKHCN.txt',
  'tvpl-222-2830-QD-UBND.txt',
];

interface Call {
  /** Documented operation, e.g. `get /api/documents/{id}`. */
  op: string;
  url: string;
  query?: Record<string, string | number>;
  files?: { name: string; bytes: Buffer }[];
  /** A JSON body (POST) or a DELETE. */
  json?: unknown;
  method?: 'post' | 'delete';
  status: number;
}

/**
 * The API's contract with its own OpenAPI document: every documented operation is called with real data
 * from the seeds and dev documents in a real Neo4j, and every answer — successes and errors — must have a
 * documented status and match that status's schema.
 */
describe('API responses match the published OpenAPI schemas (real Neo4j)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  let doc: OpenApiDoc;
  let calls: Call[];

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    await rt.ingestPaths([SEEDS, ...DEV_FILES.map((f) => path.join(DEV, f))]);
    doc = (await request(app).get('/api/openapi.json').expect(200)).body as OpenApiDoc;
    calls = await realCalls(app);
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('documents a response schema and the error body for every operation', () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        type Ok = { content?: Record<string, { schema?: { $ref?: string; type?: string } }> };
        const status = ['200', '201', '204'].find((c) => op.responses[c]);
        expect(status, `${m} ${p}`).toBeDefined();
        const ok = op.responses[status!] as Ok;
        const [type, media] = Object.entries(ok.content ?? {})[0] ?? [];
        if (status === '204') expect(ok.content, `${m} ${p}`).toBeUndefined();
        else if (type === 'application/json')
          expect(media?.schema?.$ref, `${m} ${p}`).toMatch(/^#\/components\/schemas\/\w+$/);
        else expect(media?.schema?.type, `${m} ${p} ${type}`).toBe('string');
        expect(Object.keys(op.responses), `${m} ${p}`).toContain('500');
      }
    }
  });

  it('calls every documented operation successfully with real data', () => {
    const succeeded = new Set(calls.filter((c) => c.status < 300).map((c) => c.op));
    expect(operations(doc).filter((op) => !succeeded.has(op))).toEqual([]);
  });

  it('answers every call with a documented status and a body that matches its schema', async () => {
    const check = responseChecker(doc);
    const failures: string[] = [];
    for (const c of calls) {
      const res = await send(app, c);
      const label = `${c.op} ${c.url} ${JSON.stringify(c.query ?? {})}`;
      if (res.status !== c.status) failures.push(`${label}: status ${res.status}, expected ${c.status}`);
      const [method, template] = c.op.split(' ') as [string, string];
      for (const e of check(method, template, res.status, res.body)) failures.push(`${label}: ${e}`);
    }
    expect(failures).toEqual([]);
  });
});

function send(app: ReturnType<typeof appFor>, c: Call): request.Test {
  const same = (r: request.Test) => r.set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000');
  if (c.method === 'delete') return same(request(app).delete(c.url));
  if (c.json !== undefined) return same(request(app).post(c.url)).send(c.json as object);
  if (!c.files)
    return request(app)
      .get(c.url)
      .query(c.query ?? {});
  const req = request(app).post(c.url).set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000');
  for (const f of c.files) void req.attach('files', f.bytes, f.name);
  return req;
}

/** Calls built from what the graph holds: every document, the busiest agencies, a node of every kind. */
async function realCalls(app: ReturnType<typeof appFor>): Promise<Call[]> {
  const get = async <T>(url: string, query: Record<string, string | number> = {}) =>
    (await request(app).get(url).query(query).expect(200)).body as T;
  const docs = (await get<DocumentList>('/api/documents')).items;
  const agencies = (await get<AgencyList>('/api/agencies')).items;
  const tasks = (await get<TaskList>('/api/tasks', { limit: 5000 })).items;
  const busiest = agencies.slice(0, 8).concat(agencies.filter((a) => a.isGroup).slice(0, 2));
  const hp = docs.find((d) => d.number === '255/KH-UBND')!;
  const refs = (await get<DocumentDetail>(`/api/documents/${hp.id}`)).references.map((r) => r.key);
  const seed = (name: string) => ({ name, bytes: readFileSync(path.join(SEEDS, name)) });
  return [
    ...listCalls(),
    ...docs.map((d) => one('get /api/documents/{id}', `/api/documents/${d.id}`)),
    one('get /api/documents/{id}', '/api/documents/no-such-document', {}, 404),
    ...['36-NQ/TW', '189/NQ-CP', hp.id].map((id) =>
      one('get /api/documents/{id}/implementers', `/api/documents/${encodeURIComponent(id)}/implementers`),
    ),
    one('get /api/documents/{id}/implementers', '/api/documents/999-XX/implementers', {}, 404),
    one('get /api/documents/{id}/implementers', `/api/documents/${hp.id}/implementers`, { depth: 0 }, 400),
    ...refs.map((key) => one('get /api/references/{key}', `/api/references/${encodeURIComponent(key)}`)),
    one('get /api/references/{key}', '/api/references/no-such-reference', {}, 404),
    ...busiest.map((a) => one('get /api/agencies/{id}', `/api/agencies/${encodeURIComponent(a.key)}`)),
    one('get /api/agencies/{id}', '/api/agencies/no-such-agency', {}, 404),
    ...['Hải Phòng', 'lao cai', 'Bình Thuận'].map((name) =>
      one('get /api/localities/{name}', `/api/localities/${encodeURIComponent(name)}`),
    ),
    one('get /api/localities/{name}', '/api/localities/Atlantis', {}, 404),
    ...[docs[0]!.id, busiest[0]!.key, tasks[0]!.id, 'bien', 'Hải Phòng', '36-NQ/TW'].map((center) =>
      one('get /api/graph', '/api/graph', { center, depth: 2 }),
    ),
    one('get /api/graph', '/api/graph', { center: 'no-such-node' }, 404),
    one('get /api/graph', '/api/graph', { center: 'bien', depth: 9 }, 400),
    ...(await savedSearchCalls(app)),
    one('get /api/matrix', '/api/matrix', { programme: '36-NQ/TW' }),
    one('get /api/matrix', '/api/matrix', { programme: '189/NQ-CP' }),
    one('get /api/matrix', '/api/matrix', { programme: '999/XX-YY' }, 404),
    one('get /api/matrix', '/api/matrix', {}, 400),
    { op: 'post /api/ingest', url: '/api/ingest', files: [seed('000_953892a000611854.txt')], status: 200 },
    {
      op: 'post /api/ingest',
      url: '/api/ingest',
      files: [seed('001_599f766e9ac447fa.txt'), { name: 'empty.txt', bytes: Buffer.alloc(0) }],
      status: 207,
    },
    {
      op: 'post /api/ingest',
      url: '/api/ingest',
      files: [{ name: 'e.txt', bytes: Buffer.alloc(0) }],
      status: 422,
    },
  ];
}

/** Saving a search (good and bad bodies), listing, its feed, deleting it and deleting it again. */
async function savedSearchCalls(app: ReturnType<typeof appFor>): Promise<Call[]> {
  const created = await request(app)
    .post('/api/saved-searches')
    .set('Host', 'localhost:3000')
    .set('Origin', 'http://localhost:3000')
    .send({ q: 'công nghệ sinh học biển', filters: { locality: 'Hải Phòng' } })
    .expect(201);
  const id = (created.body as { id: string }).id;
  const post = (json: unknown, status: number): Call => ({
    op: 'post /api/saved-searches',
    url: '/api/saved-searches',
    method: 'post',
    json,
    status,
  });
  const del = (status: number): Call => ({
    op: 'delete /api/saved-searches/{id}',
    url: `/api/saved-searches/${id}`,
    method: 'delete',
    status,
  });
  return [
    post({ q: 'kinh tế số', filters: { year: 2030 } }, 201),
    post({ filters: {} }, 400),
    one('get /api/saved-searches', '/api/saved-searches'),
    one('get /api/saved-searches/{id}/feed', `/api/saved-searches/${id}/feed`),
    one('get /api/saved-searches/{id}/feed', '/api/saved-searches/no-such-search/feed', {}, 404),
    del(204),
    del(404),
  ];
}

function one(op: string, url: string, query: Record<string, string | number> = {}, status = 200): Call {
  return { op, url, query, status };
}

/** List and search routes with their filters, and a malformed parameter for each. */
function listCalls(): Call[] {
  const list = (p: string, query: Record<string, string | number> = {}, status = 200) =>
    one(`get ${p}`, p, query, status);
  const questions = [
    'Kế hoạch nào thực hiện Nghị quyết 189/NQ-CP?',
    'Which plans assign marine biotech tasks to whom?',
    'So sánh chỉ tiêu GRDP giữa các tỉnh',
    'Sở Y tế được giao nhiệm vụ gì?',
    'ung dung cong nghe sinh hoc trong nong nghiep',
  ];
  return [
    list('/api/health'),
    list('/api/documents'),
    list('/api/documents', { implements: '189/NQ-CP' }),
    list('/api/documents', { implements: '36-NQ/TW', transitive: 'true' }),
    list('/api/documents', { field: 'marine', locality: 'hai phong' }),
    list('/api/documents', { field: 'no-such-field' }, 400),
    ...(['hybrid', 'bm25', 'vector'] as const).map((mode) =>
      list('/api/search', { q: 'công nghệ sinh học biển', k: 20, mode }),
    ),
    list('/api/search', { q: 'cong nghe sinh hoc', locality: 'Lào Cai', year: 2023 }),
    list('/api/search', {}, 400),
    list('/api/tasks', { limit: 5000 }),
    list('/api/tasks', { field: 'bien', agency: 'so y te' }),
    list('/api/tasks', { locality: 'Lâm Đồng', lineage: 'true' }),
    list('/api/tasks', { agency: 'Sở Khoa học và Công nghệ', lineage: 'true', limit: 200 }),
    list('/api/tasks', { limit: 0 }, 400),
    list('/api/agencies'),
    list('/api/agencies', { locality: 'Hải Phòng', q: 'sở' }),
    list('/api/targets', { limit: 5000 }),
    list('/api/targets', { q: 'grdp', year: 2030 }),
    list('/api/targets', { subject: 'kinh te so' }),
    list('/api/targets', { year: 'soon' }, 400),
    list('/api/fields'),
    list('/api/graph/kinds'),
    ...questions.map((q) => list('/api/ask', { q })),
    list('/api/ask', { q: '' }, 400),
  ];
}
