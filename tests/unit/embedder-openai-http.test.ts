import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/search/embedder/local-server/process.ts';
import { embeddingsUrl } from '../../src/search/embedder/openai-http.ts';
import { OpenAIEmbedder, type OpenAIEmbedderOptions } from '../../src/search/embedder/openai.ts';

/**
 * The OpenAI-compatible client against a small real HTTP server on 127.0.0.1 whose answers each test
 * scripts: the failures a production endpoint (TEI, Ollama, vLLM, OpenAI) can produce, and the request
 * shape each input-type mode sends.
 */

interface Seen {
  path: string;
  auth: string | undefined;
  body: { model: string; input: string[]; input_type?: string; encoding_format?: string };
}
type Reply = (seen: Seen) => { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

let server: http.Server;
let base: string;
let seen: Seen[] = [];
let replies: Reply[] = [];

/** A 4-dimensional vector per input, not normalised (the client renormalises). */
const vectorsFor = (input: string[]) => input.map((t, index) => ({ index, embedding: [t.length, 1, 0, 2] }));
const ok: Reply = (s) => ({ status: 200, body: { data: vectorsFor(s.body.input), model: 'served-model' } });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const s: Seen = {
        path: req.url ?? '',
        auth: req.headers.authorization,
        body: JSON.parse(raw) as Seen['body'],
      };
      seen.push(s);
      const r = (replies.shift() ?? ok)(s);
      if (r === 'hang') return;
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(JSON.stringify(r.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  replies = [];
});

const open = (opts: Partial<OpenAIEmbedderOptions> = {}) =>
  OpenAIEmbedder.open({ url: base, model: 'text-embedding-3-small', retries: 2, ...opts });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('OpenAIEmbedder over HTTP', () => {
  it('posts to <base>/embeddings, learns dim and served model, returns unit vectors in order', async () => {
    const e = await open({ batchSize: 2 });
    expect(e.describe()).toEqual({ kind: 'openai', model: 'served-model', dim: 4 });
    const vs = await e.embedPassages(['a', 'bb', 'ccc']);
    expect(seen.map((s) => s.path)).toEqual(['/v1/embeddings', '/v1/embeddings', '/v1/embeddings']);
    expect(seen.slice(1).map((s) => s.body.input)).toEqual([['a', 'bb'], ['ccc']]);
    expect(vs.map((v) => Math.hypot(...v))).toEqual([1, 1, 1].map((x) => expect.closeTo(x, 12) as number));
    expect(vs[2]![0]).toBeGreaterThan(vs[0]![0]!);
    expect(await e.embedPassages([])).toEqual([]);
    expect(seen).toHaveLength(3);
  });

  it('accepts the full …/embeddings URL as well as the API base', () => {
    expect(embeddingsUrl('http://h:8080/v1')).toBe('http://h:8080/v1/embeddings');
    expect(embeddingsUrl('http://h:8080/v1/')).toBe('http://h:8080/v1/embeddings');
    expect(embeddingsUrl('http://h:8080/v1/embeddings')).toBe('http://h:8080/v1/embeddings');
  });

  it('tells query from passage by e5 prefixes, input_type, or not at all', async () => {
    const prefix = await open({ model: 'intfloat/multilingual-e5-small' }); // e5 name: prefixes by default
    await prefix.embedQuery('q');
    await prefix.embedPassages(['p']);
    const field = await open({ inputType: 'field' });
    await field.embedQuery('q');
    await field.embedPassages(['p']);
    const none = await open(); // not an e5 name: text as given
    await none.embedQuery('q');
    const bodies = seen.filter((s) => s.body.input[0] !== 'dim' && s.body.input[0] !== 'query: dim');
    expect(bodies.map((s) => [s.body.input[0], s.body.input_type])).toEqual([
      ['query: q', undefined],
      ['passage: p', undefined],
      ['q', 'query'],
      ['p', 'passage'],
      ['q', undefined],
    ]);
  });

  it('retries transient failures (503, 429 with Retry-After) and then succeeds', async () => {
    const e = await open();
    replies = [() => ({ status: 503 }), () => ({ status: 429, headers: { 'retry-after': '0' } }), ok];
    expect(await e.embedQuery('x')).toHaveLength(4);
    expect(seen).toHaveLength(4);
  });

  it('gives up after the bounded retries with MODEL_UNAVAILABLE naming the status', async () => {
    const e = await open({ retries: 1 });
    replies = [0, 1, 2].map(() => () => ({ status: 502, body: { error: { message: 'upstream down' } } }));
    const err = await failure(e.embedQuery('x'));
    expect(err).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { reason: 'http-status', status: 502, attempts: 2 },
    });
    expect(seen).toHaveLength(3); // the probe at open, then 2 attempts
  });

  it('does not retry a refused key, sends it as a bearer token and never puts it in the error', async () => {
    replies = [() => ({ status: 401, body: { error: { message: 'Incorrect API key provided' } } })];
    const err = await failure(open({ apiKey: 'sk-secret-123' }));
    expect(err).toMatchObject({ code: 'MODEL_UNAVAILABLE', details: { status: 401, attempts: 1 } });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer sk-secret-123']);
    expect(JSON.stringify((err as { details: unknown }).details)).not.toContain('sk-secret-123');
    expect((err as Error).message).not.toContain('sk-secret-123');
  });

  it('times out a request that gets no answer', async () => {
    const e = await open({ timeoutMs: 300, retries: 0 });
    replies = ['hang' as const].map((h) => () => h);
    await expect(e.embedQuery('x')).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { reason: 'timeout', attempts: 1 },
    });
  });

  it('reports an endpoint nobody listens on as unreachable, after its retries', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    await expect(OpenAIEmbedder.open({ url, model: 'm', retries: 1 })).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { reason: 'unreachable', attempts: 2 },
    });
  });

  it('refuses an answer with the wrong number of vectors or the wrong dimension, without retrying', async () => {
    const e = await open();
    replies = [() => ({ status: 200, body: { data: [{ index: 0, embedding: [1, 0, 0, 0] }] } })];
    await expect(e.embedPassages(['a', 'b'])).rejects.toMatchObject({ details: { reason: 'bad-response' } });
    replies = [() => ({ status: 200, body: { data: [{ index: 0, embedding: [1, 0] }] } })];
    await expect(e.embedQuery('a')).rejects.toMatchObject({ details: { reason: 'bad-response' } });
    replies = [() => ({ status: 200, body: { object: 'list' } })];
    await expect(e.embedQuery('a')).rejects.toMatchObject({ details: { reason: 'bad-response' } });
    expect(seen).toHaveLength(4);
  });

  it('decodes base64 embeddings (little-endian float32)', async () => {
    const b64 = Buffer.from(new Float32Array([3, 4]).buffer).toString('base64');
    replies = [() => ({ status: 200, body: { data: [{ index: 0, embedding: b64 }] } })];
    const e = await open();
    expect(e.dim).toBe(2);
    replies = [() => ({ status: 200, body: { data: [{ index: 0, embedding: b64 }] } })];
    const v = await e.embedQuery('x');
    expect(v[0]).toBeCloseTo(0.6, 6);
    expect(v[1]).toBeCloseTo(0.8, 6);
  });
});
