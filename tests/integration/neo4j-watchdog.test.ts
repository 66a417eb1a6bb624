/**
 * The server watches its database: with the local Neo4j JVM killed under a running server, health turns
 * 503 within seconds, requests fail fast with GRAPH_UNAVAILABLE, the owner restarts Neo4j and the server
 * recovers without a restart, data intact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config.ts';
import { appContext, openRuntime, type Runtime } from '../../src/runtime.ts';
import { recordingLogger, SEEDS } from '../helpers/runtime.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await sleep(250);
  }
}

describe('Neo4j killed under the running server', () => {
  let rt: Runtime;
  const log = recordingLogger();

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-watchdog-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      CORPUS_DIR: SEEDS,
      EMBEDDER: 'offline',
      LOG_LEVEL: 'warn',
    });
    rt = await openRuntime(config, log);
    const [r] = await rt.ingestPaths([path.join(SEEDS, '000_953892a000611854.txt')]);
    expect(r?.status).toBe('ingested');
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('answers 503 within 5 s, fails fast meanwhile, restarts Neo4j and recovers without a restart', async () => {
    const app = createApp(appContext(rt, log));
    await request(app).get('/api/health').expect(200);
    const pid = rt.local?.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    const killedAt = Date.now();

    const down = await until(
      () => request(app).get('/api/health'),
      (res) => res.status === 503,
      5_000,
    );
    expect(down.status).toBe(503);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(down.body.error.code).toBe('GRAPH_UNAVAILABLE');
    expect(down.body.error.details.neo4j.reason).toBeTruthy();
    expect(down.headers['retry-after']).toBeDefined();

    const t = Date.now();
    const list = await request(app).get('/api/documents');
    if (list.status !== 200) {
      // Still down: the request failed fast with the stable code instead of waiting on the driver.
      expect(list.status).toBe(503);
      expect(list.body.error.code).toBe('GRAPH_UNAVAILABLE');
      expect(Date.now() - t).toBeLessThan(1_000);
    }

    const up = await until(
      () => request(app).get('/api/health'),
      (res) => res.status === 200,
      240_000,
    );
    expect(up.status).toBe(200);
    expect(up.body.counts.documents).toBe(1);
    expect(rt.local?.pid).not.toBe(pid);
    const search = await request(app).get('/api/search').query({ q: 'Hải Phòng' }).expect(200);
    expect(search.body.results.length).toBeGreaterThan(0);
    expect(log.lines.some((l) => l.includes('does not answer'))).toBe(true);
    expect(log.lines.some((l) => l.includes('answers again'))).toBe(true);
  });
});
