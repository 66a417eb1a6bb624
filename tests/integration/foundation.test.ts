import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

const HAI_PHONG = '000_953892a000611854.txt';

interface SectionRow {
  id: string;
  marker: string | null;
  level: number;
  parentId: string | null;
  path: string[];
}
interface PassageRow {
  id: string;
  text: string;
  start: number;
  end: number;
  sectionId: string;
}

describe('foundation: seeds into the real Neo4j and out over HTTP', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    const empty = await request(app).get('/api/search').query({ q: 'biển' }).expect(200);
    expect(empty.body.results).toEqual([]);
    const results = await rt.ingestPaths([SEEDS]);
    expect(results.map((r) => [r.file, r.status])).toEqual(results.map((r) => [r.file, 'ingested']));
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('reports the five seeds in /api/health', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.connected).toBe(true);
    expect(res.body.counts.documents).toBe(5);
    expect(res.body.counts.passages).toBeGreaterThan(100);
  });

  it("follows Hải Phòng's own numbering: parts I–V and an appendix", async () => {
    const list = await request(app).get('/api/documents').expect(200);
    const hp = (list.body.items as { id: string; file: string }[]).find((d) => d.file === HAI_PHONG);
    expect(hp).toBeDefined();
    const doc = await request(app).get(`/api/documents/${hp!.id}`).expect(200);
    const sections = doc.body.sections as SectionRow[];
    const top = sections.filter((s) => s.level === 1).map((s) => s.marker);
    expect(top).toEqual(['I', 'II', 'III', 'IV', 'V', 'PHỤ LỤC']);
    const iii = sections.find((s) => s.level === 1 && s.marker === 'III')!;
    const children = sections.filter((s) => s.parentId === iii.id).map((s) => s.marker);
    expect(children).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const marine = sections.find((s) => s.path.join(' ').includes('Phát triển công nghệ sinh học biển'));
    expect(marine?.path[0]).toMatch(/^III\. NHIỆM VỤ/);
  });

  it('keeps passage offsets into the NFC text of the source', async () => {
    const source = readFileSync(path.join(SEEDS, '001_599f766e9ac447fa.txt'), 'utf8').normalize('NFC');
    const list = await request(app).get('/api/documents').expect(200);
    const bt = (list.body.items as { id: string; file: string }[]).find(
      (d) => d.file === '001_599f766e9ac447fa.txt',
    )!;
    const doc = await request(app).get(`/api/documents/${bt.id}`).expect(200);
    const passages = doc.body.passages as PassageRow[];
    expect(passages.length).toBeGreaterThan(10);
    for (const p of passages) expect(source.slice(p.start, p.end)).toBe(p.text);
    expect(passages.every((p) => p.text === p.text.normalize('NFC'))).toBe(true);
  });

  it('re-ingesting the same files creates no duplicates', async () => {
    const before = await rt.reader.counts();
    const again = await rt.ingestPaths([SEEDS]);
    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    expect(await rt.reader.counts()).toEqual(before);
  });

  it('a modified file replaces its predecessor atomically, keeping the other documents', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-mod-'));
    const copy = path.join(dir, 'ninh-binh-plan.txt');
    copyFileSync(path.join(SEEDS, '002_a6809dc01d79a678.txt'), copy);
    appendFileSync(copy, '\n\nBản sao dùng để kiểm tra.\n');
    const [first] = await rt.ingestPaths([copy]);
    expect(first?.status).toBe('ingested');
    const countAfterFirst = (await rt.reader.counts()).documents;
    appendFileSync(
      copy,
      '\n\nV. ĐIỀU KHOẢN BỔ SUNG\n\nNội dung sửa đổi để kiểm tra việc thay thế phiên bản.\n',
    );
    const [second] = await rt.ingestPaths([copy]);
    expect(second?.status).toBe('replaced');
    expect(second?.replaced).toEqual([first?.documentId]);
    expect((await rt.reader.counts()).documents).toBe(countAfterFirst);
    await request(app).get(`/api/documents/${first!.documentId}`).expect(404);
    const doc = await request(app).get(`/api/documents/${second!.documentId}`).expect(200);
    expect((doc.body.passages as PassageRow[]).some((p) => p.text.includes('Nội dung sửa đổi'))).toBe(true);
  });

  it('rejects an empty and a binary file with clear codes while the others ingest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-bad-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(
      path.join(dir, 'binary.txt'),
      Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 0, 200, 13, 0, 0, 1]),
    );
    copyFileSync(path.join(SEEDS, '003_6bb3cc9c64edf399.txt'), path.join(dir, 'lao-cai.txt'));
    const results = await rt.ingestPaths([dir]);
    const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
    expect(byFile['empty.txt']?.status).toBe('failed');
    expect(byFile['empty.txt']?.error?.code).toBe('EMPTY_FILE');
    expect(byFile['binary.txt']?.status).toBe('failed');
    expect(byFile['binary.txt']?.error?.code).toBe('BINARY_FILE');
    expect(byFile['lao-cai.txt']?.status).not.toBe('failed');
  });

  it('searches passages lexically, with and without diacritics', async () => {
    const res = await request(app)
      .get('/api/search')
      .query({ q: 'cong nghe sinh hoc bien', k: 5, mode: 'bm25' })
      .expect(200);
    expect(res.body.query).toBe('cong nghe sinh hoc bien');
    expect(typeof res.body.tookMs).toBe('number');
    const top = res.body.results as { text: string; documentTitle: string; section: string; score: number }[];
    expect(top.length).toBe(5);
    expect(top[0]!.text.toLowerCase()).toContain('sinh học biển');
  });

  it('answers unknown routes with 404 and bad parameters with 400, in the stable error body', async () => {
    const missing = await request(app).get('/api/nope').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await request(app).get('/api/search').query({ q: 'biển', k: 'many' }).expect(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    expect(bad.body.error.details.problems[0].parameter).toBe('k');
    const noQ = await request(app).get('/api/search').expect(400);
    expect(noQ.body.error.code).toBe('INVALID_INPUT');
    await request(app).get('/api/documents/does-not-exist').expect(404);
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = res.body.paths as Record<string, { get: { parameters: { name: string }[] } }>;
    expect(paths['/api/search']!.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'k', 'locality', 'field']),
    );
    expect(res.body.paths['/api/documents/{id}']).toBeDefined();
  });
});
