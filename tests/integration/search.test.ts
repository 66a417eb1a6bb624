import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/search/service.ts';
import { fold } from '../../core/text/normalize.ts';
import type { Runtime } from '../../src/runtime.ts';
import { buildTinyModel } from '../setup/tiny-model.ts';
import { appFor, openTestRuntime, recordingLogger, SEEDS } from '../helpers/runtime.ts';

const HAI_PHONG = 'Hải Phòng';

describe('hybrid search and /api/ask over the seeds (real Neo4j, offline embedder)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  const search = async (q: string, extra: Record<string, string | number> = {}): Promise<SearchHit[]> =>
    (
      await request(app)
        .get('/api/search')
        .query({ q, k: 10, ...extra })
        .expect(200)
    ).body.results as SearchHit[];

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    await rt.ingestPaths([SEEDS]);
    await rt.search.embeddingsIdle();
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('reports the active embedder and the vector index in /api/health', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.search.embedder.kind).toBe('offline');
    expect(res.body.search.embedder.model).toMatch(/^offline-lsa-/);
    expect(res.body.search.index.size).toBe(res.body.counts.passages);
    const passages = res.body.counts.passages as number;
    expect(res.body.search.embedding).toMatchObject({ done: passages, pending: 0 });
  });

  it.each([
    ['accent-free', 'cong nghe sinh hoc bien'],
    ['exact', 'công nghệ sinh học biển'],
    ['NFD', 'công nghệ sinh học biển'.normalize('NFD')],
    ['upper case', 'CÔNG NGHỆ SINH HỌC BIỂN'],
  ])('finds Hải Phòng marine biotech passages for a %s query', async (_kind, q) => {
    const hits = await search(q);
    expect(hits[0]!.locality).toBe(HAI_PHONG);
    expect(hits.slice(0, 3).some((h) => h.section.includes('Phát triển công nghệ sinh học biển'))).toBe(true);
    expect(hits[0]!.signals.bm25).not.toBeNull();
    expect(hits[0]!.highlights.length).toBeGreaterThan(0);
  });

  it('says when nothing matches meaningfully, in /api/search and /api/ask, and not otherwise', async () => {
    const body = async (url: string, q: string) =>
      (await request(app).get(url).query({ q }).expect(200)).body as { noMatch: boolean; results: unknown[] };
    for (const url of ['/api/search', '/api/ask']) {
      const none = await body(url, 'zqxv blorfnik wumpus');
      expect(none.noMatch, url).toBe(true);
      const some = await body(url, 'công nghệ sinh học biển');
      expect(some.noMatch, url).toBe(false);
      expect(some.results.length, url).toBeGreaterThan(0);
    }
  });

  it('searches Lucene syntax literally (", *, ~, :, (, \\ are punctuation, never operators)', async () => {
    const plain = await search('công nghệ sinh học biển', { mode: 'bm25' });
    for (const q of [
      '"công nghệ sinh học biển"',
      'công nghệ sinh học biển*~',
      'công nghệ sinh học biển:(\\',
    ]) {
      const hits = await search(q, { mode: 'bm25' });
      expect(hits.map((h) => h.id)).toEqual(plain.map((h) => h.id));
    }
    // no operator is interpreted: "OR", "*:*", "title:" and "~2" are words and punctuation
    const cases: [string, string][] = [
      ['"*~:(\\', ''],
      ['biển) OR (*:*', 'biển, OR,'],
      ['title:biển~2', 'title,biển,2'],
    ];
    for (const [q, same] of cases) {
      const res = await request(app).get('/api/search').query({ q, mode: 'bm25' }).expect(200);
      const expected = same ? (await search(same, { mode: 'bm25' })).map((h) => h.id) : [];
      expect((res.body.results as SearchHit[]).map((h) => h.id)).toEqual(expected);
    }
  });

  it('treats old and new tone placement alike (thuỷ sản / thủy sản, uỷ ban / ủy ban)', async () => {
    const oldStyle = await search('nuôi trồng thuỷ sản', { mode: 'bm25' });
    const newStyle = await search('nuôi trồng thủy sản', { mode: 'bm25' });
    expect(oldStyle.map((h) => h.id)).toEqual(newStyle.map((h) => h.id));
    expect(oldStyle.length).toBeGreaterThan(0);
    const h = oldStyle[0]!;
    const marked = h.highlights.map((s) => h.text.slice(s.start, s.end)).join(' ');
    expect(fold(marked)).toContain('thuy san');
  });

  it('ranks an exact-diacritic match above a folded-only one', async () => {
    // "biến" (change) and "biển" (sea) fold to the same "bien"; a query for "biến đổi" must rank
    // passages with the exact word first.
    const hits = await search('biến đổi khí hậu');
    const exactAt = hits.findIndex((h) => h.text.toLowerCase().includes('biến đổi'));
    const foldedOnlyAt = hits.findIndex(
      (h) => !h.text.toLowerCase().includes('biến đổi') && fold(h.text).includes('bien doi'),
    );
    expect(exactAt).toBe(0);
    if (foldedOnlyAt >= 0) expect(exactAt).toBeLessThan(foldedOnlyAt);
  });

  it('restricts results with filters', async () => {
    const lc = await search('công nghệ sinh học', { locality: 'lao cai' });
    expect(lc.length).toBeGreaterThan(0);
    expect(lc.every((h) => h.locality === 'Lào Cai')).toBe(true);
    const programmes = await search('công nghệ sinh học', { type: 'Chương trình' });
    expect(new Set(programmes.map((h) => h.locality))).toEqual(new Set(['Lào Cai']));
    const y2023 = await search('công nghệ sinh học', { year: 2023 });
    expect(y2023.every((h) => ['Hải Phòng', 'Lào Cai'].includes(h.locality ?? ''))).toBe(true);
    const health = await search('ứng dụng', { field: 'health', locality: 'Hải Phòng' });
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((h) => h.locality === HAI_PHONG)).toBe(true);
  });

  it('offers bm25-only and vector-only modes with their own signals', async () => {
    const bm25 = await search('vắc xin phòng bệnh thủy sản', { mode: 'bm25' });
    expect(bm25.every((h) => h.signals.vector === null && h.signals.bm25 !== null)).toBe(true);
    const vec = await search('vắc xin phòng bệnh thủy sản', { mode: 'vector' });
    expect(vec.every((h) => h.signals.bm25 === null && h.signals.vector !== null)).toBe(true);
  });

  it('answers "which local plans implement 189/NQ-CP" with exactly the two plans, each row cited', async () => {
    for (const q of [
      'Kế hoạch nào thực hiện Nghị quyết 189/NQ-CP?',
      'which local plans implement 189/NQ-CP',
    ]) {
      const res = await request(app).get('/api/ask').query({ q }).expect(200);
      expect(res.body.intent).toBe('implements');
      const rows = res.body.answer.rows as { locality: string; passageId: string }[];
      expect(rows.map((r) => r.locality).sort()).toEqual(['Bình Phước', 'Bình Thuận']);
      const cited = new Set((res.body.citations as { passageId: string }[]).map((c) => c.passageId));
      expect(rows.every((r) => cited.has(r.passageId))).toBe(true);
      const texts = (res.body.citations as { text: string }[]).map((c) => c.text).join('\n');
      expect(texts).toContain('189/NQ-CP');
    }
  });

  it("answers 'which plans assign marine biotech to whom' with Hải Phòng's tasks and lead agencies", async () => {
    const res = await request(app)
      .get('/api/ask')
      .query({ q: 'which plans assign marine biotech to whom' })
      .expect(200);
    expect(res.body.intent).toBe('tasks_by_field');
    expect(res.body.entities.field).toBe('bien');
    const rows = res.body.answer.rows as {
      locality: string;
      task: string;
      lead: string;
      passageId: string;
    }[];
    const hp = rows.filter((r) => r.locality === HAI_PHONG);
    expect(hp.some((r) => r.task.includes('sinh vật biển') && r.lead === 'Sở Khoa học và Công nghệ')).toBe(
      true,
    );
    expect(rows.every((r) => r.lead.length > 0 && r.passageId)).toBe(true);
    const cited = new Set((res.body.citations as { passageId: string }[]).map((c) => c.passageId));
    expect(rows.every((r) => cited.has(r.passageId))).toBe(true);
  });

  it("compares GRDP targets across provinces with Lào Cai's 7% (2030) and 10% (2045), cited", async () => {
    const res = await request(app)
      .get('/api/ask')
      .query({ q: 'so sánh mục tiêu GRDP giữa các tỉnh' })
      .expect(200);
    expect(res.body.intent).toBe('targets_compare');
    const rows = res.body.answer.rows as {
      locality: string;
      value: number;
      unit: string;
      year: number;
      passageId: string;
    }[];
    const laoCai = rows.filter((r) => r.locality === 'Lào Cai').map((r) => [r.value, r.unit, r.year]);
    expect(laoCai).toEqual(
      expect.arrayContaining([
        [7, '%', 2030],
        [10, '%', 2045],
      ]),
    );
    const cited = new Set((res.body.citations as { passageId: string }[]).map((c) => c.passageId));
    expect(rows.every((r) => cited.has(r.passageId))).toBe(true);
  });

  it('answers an agency question across provinces and falls back to search otherwise', async () => {
    const res = await request(app)
      .get('/api/ask')
      .query({ q: 'Sở Y tế được giao những nhiệm vụ gì?' })
      .expect(200);
    expect(res.body.intent).toBe('tasks_by_agency');
    const rows = res.body.answer.rows as { locality: string; lead: string; coordinating: string }[];
    expect(new Set(rows.map((r) => r.locality)).size).toBeGreaterThan(1);
    expect(rows.every((r) => `${r.lead}; ${r.coordinating}`.includes('Sở Y tế'))).toBe(true);
    const plain = await request(app)
      .get('/api/ask')
      .query({ q: 'chế phẩm sinh học trong chăn nuôi' })
      .expect(200);
    expect(plain.body.intent).toBe('search');
    expect(plain.body.answer.rows).toEqual([]);
    expect((plain.body.results as SearchHit[]).length).toBeGreaterThan(0);
  });
});

describe('saved vector index (real Neo4j)', () => {
  it('is reused on restart and refused when the embedding model changes', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-index-'));
    const first = await openTestRuntime({ DATA_DIR: dataDir });
    await first.ingestPaths([SEEDS]);
    await first.search.embeddingsIdle();
    const built = first.search.status();
    expect(built.index.size).toBeGreaterThan(100);
    await first.close();

    const again = await openTestRuntime({ DATA_DIR: dataDir }, { keepGraph: true });
    await again.search.embeddingsIdle();
    const reused = again.search.status();
    expect(reused.index.reusedFromDisk).toBe(true);
    expect(reused.lastSync.added).toBe(0);
    expect(reused.embedder.model).toBe(built.embedder.model);
    await again.close();

    const modelDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-model-'));
    const model = await buildTinyModel(modelDir);
    const log = recordingLogger();
    const changed = await openTestRuntime(
      { DATA_DIR: dataDir, EMBEDDER: 'transformers', EMBEDDING_MODEL: model, MODEL_DIR: modelDir },
      { keepGraph: true, log },
    );
    try {
      await changed.search.embeddingsIdle();
      const st = changed.search.status();
      expect(st.embedder.kind).toBe('transformers');
      expect(st.index.reusedFromDisk).toBe(false);
      expect(st.index.size).toBe(reused.index.size);
      expect(log.lines.some((l) => l.includes('refused') && l.includes('rebuild'))).toBe(true);
      const hits = await changed.search.search('công nghệ sinh học biển', 5, {}, 'vector');
      expect(hits.results.length).toBe(5);
      expect(hits.results.every((h) => h.signals.vector !== null)).toBe(true);
    } finally {
      await changed.close();
    }
  });
});
