/**
 * Ingest under pressure, through HTTP into the real Neo4j: parallel uploads of one name leave one
 * document, a full queue answers 429 with Retry-After, and health answers within a second while a 10 MB
 * text is being analysed.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime } from '../helpers/runtime.ts';
import { repeated } from '../helpers/zip.ts';

const ORIGIN = 'http://localhost:3000';

const version = (n: number) =>
  `KẾ HOẠCH\nPhát triển công nghệ sinh học biển giai đoạn ${2020 + n}\n` +
  `1. Sở Khoa học và Công nghệ chủ trì xây dựng ${n + 1} phòng thí nghiệm về công nghệ sinh học biển.\n`;

describe('parallel uploads of one file name', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await openTestRuntime();
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('four versions uploaded at once leave exactly one current document', async () => {
    const app = appFor(rt);
    const responses = await Promise.all(
      [0, 1, 2, 3].map((n) =>
        request(app)
          .post('/api/ingest')
          .set('Host', 'localhost:3000')
          .set('Origin', ORIGIN)
          .attach('files', Buffer.from(version(n)), 'ke-hoach-song-song.txt'),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const list = await request(app).get('/api/documents').expect(200);
    const same = (list.body.items as { file: string }[]).filter((d) => d.file === 'ke-hoach-song-song.txt');
    expect(same).toHaveLength(1);
  });
});

describe('a busy ingest', () => {
  let rt: Runtime;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    rt = await openTestRuntime({ INGEST_QUEUE_FILES: '1', PARSE_TIMEOUT_MS: '8000' });
    server = appFor(rt).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await rt?.close();
  });

  const upload = (bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${base}/api/ingest`, { method: 'POST', body: form, headers: { Origin: base } });
  };

  it('answers health within 1 s during a 10 MB text ingest, and 429 + Retry-After while the queue is full', async () => {
    const seed = await readFile('corpus/000_953892a000611854.txt', 'utf8');
    const big = Buffer.concat([...repeated(seed, 10 << 20)]);
    const started = Date.now();
    const pending = upload(big, 'muoi-mb.txt');
    while (rt.queue.depth === 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(rt.queue.depth).toBe(1);
    const busy = await upload(Buffer.from(version(9)), 'khac.txt');
    expect(busy.status).toBe(429);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('BUSY');
    const latencies: number[] = [];
    let done = false;
    const finished = pending.then(async (res) => {
      done = true;
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    });
    while (!done) {
      const t = Date.now();
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      latencies.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await finished;
    expect(latencies.length).toBeGreaterThan(10);
    // Before isolation the loop was blocked for minutes. The machine is shared (2 cores), so one probe in
    // ten may miss the second; none may take longer than three.
    const slow = latencies.filter((ms) => ms >= 1000);
    expect(slow.length).toBeLessThanOrEqual(Math.floor(latencies.length / 10));
    expect(Math.max(...latencies)).toBeLessThan(3000);
    // The 10 MiB are cut inside a character: read as UTF-8 all the same. With PARSE_TIMEOUT_MS=8000 the
    // analysis is stopped by its deadline or heap limit (or finishes); either way a clean answer.
    expect([200, 413, 422]).toContain(result.status);
    if (result.status !== 200) expect(['PARSE_TIMEOUT', 'TOO_LARGE']).toContain(result.body.error?.code);
  });
});
