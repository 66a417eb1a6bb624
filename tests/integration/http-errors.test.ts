/**
 * One error path: every 4xx raised by Express, body-parser, multer or the router keeps its status and
 * answers `{error: {code, message, details}}`; unknown methods are 405; writes need a token or the page's
 * own origin.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { createLogger } from '../../src/log.ts';
import { appContext, type Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime } from '../helpers/runtime.ts';

type App = ReturnType<typeof appFor>;

function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(typeof res.body.error.details).toBe('object');
}

/** A POST with exactly these bytes (supertest re-encodes JSON bodies). */
async function rawPost(
  app: App,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: { error: { code: string } } }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as { error: { code: string } } };
  } finally {
    server.close();
  }
}

const BOUNDARY = 'XyZ';
const multipart = (body: string) =>
  ({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, body }) as const;

describe('HTTP errors keep their 4xx status and the error body', () => {
  let rt: Runtime;
  let app: App;
  let host: string;

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    host = '127.0.0.1';
  });
  afterAll(async () => {
    await rt?.close();
  });

  const sameOrigin = (t: request.Test) => t.set('Host', `${host}:3000`).set('Origin', `http://${host}:3000`);

  it('answers invalid percent-encoding in a path with 400', async () => {
    expectError(await request(app).get('/api/documents/%C3%28'), 400, 'INVALID_INPUT');
  });

  it('answers a body that is not gzip but says so with 400, an unknown encoding with 415', async () => {
    const bad = await request(app)
      .get('/api/health')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"not": "gzip"}');
    expectError(bad, 400, 'INVALID_INPUT');
    const unknown = await request(app)
      .get('/api/health')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd-x')
      .send('{}');
    expectError(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a gzip body that inflates past the body limit with 413', async () => {
    const bomb = gzipSync(Buffer.from(`{"a":"${' '.repeat(8 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await rawPost(
      app,
      '/api/search',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb,
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
  });

  it('answers malformed multipart uploads with 400', async () => {
    const cut = multipart(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc`,
    );
    const res = await sameOrigin(request(app).post('/api/ingest'))
      .set('Content-Type', cut['content-type'])
      .send(cut.body);
    expectError(res, 400, 'INVALID_INPUT');
    const noBoundary = await sameOrigin(request(app).post('/api/ingest'))
      .set('Content-Type', 'multipart/form-data')
      .send('garbage');
    expectError(noBoundary, 400, 'INVALID_INPUT');
    const wrongField = await sameOrigin(request(app).post('/api/ingest')).attach(
      'other',
      Buffer.from('x'),
      'a.txt',
    );
    expectError(wrongField, 400, 'INVALID_INPUT');
  });

  it('answers a non-multipart upload with 415 and an oversized declared body with 413', async () => {
    const json = await sameOrigin(request(app).post('/api/ingest')).send({ files: [] });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = await request(app)
      .get('/api/health')
      .set('Content-Type', 'text/plain')
      .send('x'.repeat(200 * 1024));
    expectError(big, 413, 'TOO_LARGE');
  });

  it('answers TRACE, unknown methods and wrong methods on known routes with 405 and Allow', async () => {
    const trace = await request(app).trace('/api/health');
    expectError(trace, 405, 'METHOD_NOT_ALLOWED');
    expectError(await request(app).trace('/'), 405, 'METHOD_NOT_ALLOWED');
    const del = await request(app).delete('/api/search');
    expectError(del, 405, 'METHOD_NOT_ALLOWED');
    expect(del.headers.allow).toContain('GET');
    const put = await request(app).put('/api/ingest');
    expectError(put, 405, 'METHOD_NOT_ALLOWED');
    expect(put.headers.allow).toBe('POST');
    expectError(await request(app).get('/api/ingest'), 405, 'METHOD_NOT_ALLOWED');
    expectError(await request(app).get('/api/nothing-here'), 404, 'NOT_FOUND');
  });

  it('sends security headers', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('writes need a token or the page’s own origin', () => {
  let rt: Runtime;
  let open: App;
  let locked: App;
  const TOKEN = 'a-long-test-token';
  const file = Buffer.from('x');

  beforeAll(async () => {
    rt = await openTestRuntime();
    open = appFor(rt);
    const ctx = appContext(rt, createLogger('warn'));
    locked = createApp({ ...ctx, config: { ...ctx.config, API_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('refuses a cross-origin upload, one without Origin and a DNS-rebinding host', async () => {
    const cross = await request(open)
      .post('/api/ingest')
      .set('Host', '127.0.0.1:3000')
      .set('Origin', 'http://evil.example')
      .attach('files', file, 'x.txt');
    expectError(cross, 403, 'FORBIDDEN');
    const bare = await request(open).post('/api/ingest').attach('files', file, 'x.txt');
    expectError(bare, 403, 'FORBIDDEN');
    const rebound = await request(open)
      .post('/api/ingest')
      .set('Host', 'evil.example:3000')
      .set('Origin', 'http://evil.example:3000')
      .attach('files', file, 'x.txt');
    expectError(rebound, 403, 'FORBIDDEN');
  });

  it('lets the page itself upload (same origin reaches the parser)', async () => {
    const res = await request(open)
      .post('/api/ingest')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://localhost:3000')
      .attach('files', Buffer.alloc(0), 'empty.txt');
    expectError(res, 422, 'EMPTY_FILE');
  });

  it('with API_TOKEN: a wrong or missing token is 401 whatever the origin, the right one passes', async () => {
    const missing = await request(locked)
      .post('/api/ingest')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://localhost:3000')
      .attach('files', file, 'x.txt');
    expectError(missing, 401, 'UNAUTHORIZED');
    const wrong = await request(locked)
      .post('/api/ingest')
      .set('Authorization', `Bearer ${TOKEN}x`)
      .attach('files', file, 'x.txt');
    expectError(wrong, 401, 'UNAUTHORIZED');
    const right = await request(locked)
      .post('/api/ingest')
      .set('Authorization', `Bearer ${TOKEN}`)
      .attach('files', Buffer.alloc(0), 'empty.txt');
    expectError(right, 422, 'EMPTY_FILE');
  });
});
