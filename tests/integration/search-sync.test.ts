/**
 * Search stays in sync with the graph (real Neo4j, offline embedder): a CLI ingest in another process is
 * searchable by the running server within seconds, an upload embeds only its own passages, a replaced
 * document's vectors go, and a restart reuses every index.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SearchHit } from '../../src/search/service.ts';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, recordingLogger, SEEDS } from '../helpers/runtime.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const CLI_FILE = path.join(DEV, 'tvpl-006-556-KH-UBND.txt');
const UPLOAD_FILE = path.join(DEV, 'tvpl-008-552-KH-UBND.txt');

interface Health {
  counts: { passages: number };
  search: {
    index: { size: number; reusedFromDisk: boolean };
    embedding: { done: number; pending: number };
    lastSync: { added: number; removed: number; full: boolean };
  };
}

async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('search follows the graph', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-sync-'));
  const log = recordingLogger();
  let trainedLines = 0;
  const health = async (a = app) => (await request(a).get('/api/health').expect(200)).body as Health;
  const search = async (q: string, mode: string, a = app) =>
    (await request(a).get('/api/search').query({ q, k: 5, mode }).expect(200)).body.results as SearchHit[];
  /** Words from the middle of a passage of the document stored from `file`. */
  const probe = async (file: string, a = app): Promise<{ id: string; words: string }> => {
    const docs = (await request(a).get('/api/documents').expect(200)).body.items as {
      id: string;
      file: string;
    }[];
    const id = docs.find((d) => d.file === path.basename(file))!.id;
    const doc = (await request(a).get(`/api/documents/${id}`).expect(200)).body as {
      passages: { text: string }[];
    };
    const text = doc.passages.map((p) => p.text).find((t) => t.length > 300)!;
    return { id, words: text.slice(100, 260).split(/\s+/).slice(1, -1).join(' ') };
  };

  beforeAll(async () => {
    rt = await openTestRuntime({ DATA_DIR: dataDir }, { log });
    app = appFor(rt);
    // seeds and some dev documents, so that one more document does not double the corpus (which retrains
    // the offline LSA embedder, see vector-store.ts)
    const dev = readdirSync(DEV)
      .filter((f) => f.endsWith('.txt') && ![CLI_FILE, UPLOAD_FILE].includes(path.join(DEV, f)))
      .slice(0, 8);
    await rt.ingestPaths([SEEDS, ...dev.map((f) => path.join(DEV, f))]);
    await rt.search.embeddingsIdle();
    trainedLines = log.lines.length;
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('serves a document ingested by the CLI in another process: lexically at once, then by vector', async () => {
    const before = await health();
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', CLI_FILE], {
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'policy-kg-cli-')),
        LOG_LEVEL: 'warn',
      },
    });
    // lexically at once (the full-text index follows the CLI's transaction); vectors once the server's poll
    // of the graph's change marker has run the sync (no timing is asserted: the bench measures speed)
    const { id, words } = await probe(CLI_FILE);
    expect((await search(words, 'bm25'))[0]?.documentId).toBe(id);
    const after = await until('the CLI document to be embedded', async () => {
      const h = await health();
      return h.search.embedding.pending === 0 && h.search.index.size === h.counts.passages ? h : null;
    });
    expect(after.counts.passages).toBeGreaterThan(before.counts.passages);
    expect(after.search.lastSync.full).toBe(false);
    expect(after.search.lastSync.added).toBe(after.counts.passages - before.counts.passages);
    expect((await search(words, 'vector')).map((h) => h.documentId)).toContain(id);
    expect(log.lines.slice(trainedLines).some((l) => l.includes('retraining'))).toBe(false);
  });

  it('embeds only the passages of an upload and drops those of a replaced file', async () => {
    const before = await health();
    const upload = (bytes: Buffer) =>
      request(app)
        .post('/api/ingest')
        .set('Host', '127.0.0.1:3000')
        .set('Origin', 'http://127.0.0.1:3000')
        .attach('files', bytes, path.basename(UPLOAD_FILE))
        .expect(200);
    const original = readFileSync(UPLOAD_FILE);
    await upload(original);
    const { id, words } = await probe(UPLOAD_FILE);
    expect((await search(words, 'bm25'))[0]?.documentId).toBe(id);
    await rt.search.embeddingsIdle();
    const added = await health();
    const own = added.counts.passages - before.counts.passages;
    expect(added.search.lastSync).toMatchObject({ added: own, removed: 0, full: false });
    expect(added.search.index.size).toBe(added.counts.passages);

    await upload(Buffer.concat([original, Buffer.from('\n\nPhụ lục bổ sung: kinh phí thực hiện.\n')]));
    await rt.search.embeddingsIdle();
    const replaced = await health();
    expect(replaced.search.lastSync.removed).toBe(own);
    expect(replaced.search.lastSync.full).toBe(false);
    expect(replaced.search.index.size).toBe(replaced.counts.passages);
    expect((await search(words, 'vector')).map((h) => h.documentId)).not.toContain(id);
  });

  it('reuses every index on restart: nothing re-embedded, no lexical terms recomputed', async () => {
    const before = await health();
    await rt.close();
    const restartLog = recordingLogger();
    rt = await openTestRuntime(
      { DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      { keepGraph: true, log: restartLog },
    );
    app = appFor(rt);
    const { id, words } = await probe(CLI_FILE);
    expect((await search(words, 'bm25'))[0]?.documentId).toBe(id);
    await rt.search.embeddingsIdle();
    const after = await health();
    expect(after.search.index.reusedFromDisk).toBe(true);
    expect(after.search.index.size).toBe(before.search.index.size);
    expect(after.search.lastSync).toMatchObject({ added: 0, removed: 0, full: false });
    expect(restartLog.lines.some((l) => l.includes('lexical terms computed'))).toBe(false);
  });
});
