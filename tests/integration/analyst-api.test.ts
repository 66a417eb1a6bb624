import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

interface LineageStep {
  id: string;
  name: string;
  locality: string | null;
  from: string;
  instrument: string;
}
interface LineageTask {
  locality: string;
  title: string;
  assignedTo: string | null;
  now: string | null;
  documentId: string;
  passageId: string | null;
}

const enc = encodeURIComponent;

/** The analyst's endpoints over the seeds on the real Neo4j. */
describe('analyst endpoints over the seeds (real Neo4j)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;

  beforeAll(async () => {
    rt = await openTestRuntime();
    await rt.ingestPaths([SEEDS]);
    app = appFor(rt);
  });

  afterAll(async () => {
    await rt?.close();
  });

  describe('agencies and provinces across the 2025 reorganisation', () => {
    it('lists Lâm Đồng’s predecessors with the date and instrument of Nghị quyết 202/2025/QH15', async () => {
      const res = await request(app)
        .get(`/api/localities/${enc('Lâm Đồng')}`)
        .expect(200);
      const preds = res.body.predecessors as LineageStep[];
      expect(preds.map((p) => p.name).sort()).toEqual(['Bình Thuận', 'Đắk Nông']);
      for (const p of preds) {
        expect(p.from).toBe('2025-07-01');
        expect(p.instrument).toContain('202/2025/QH15');
      }
      const folded = await request(app)
        .get(`/api/localities/${enc('binh thuan')}`)
        .expect(200);
      expect((folded.body.successors as LineageStep[]).map((s) => s.name)).toEqual(['Lâm Đồng']);
      expect((folded.body.documents as unknown[]).length).toBeGreaterThan(0);
      await request(app).get('/api/localities/Atlantis').expect(404);
    });

    it('takes Sở Kế hoạch và Đầu tư Bình Phước to Sở Tài chính (1/3/2025) and then to Đồng Nai (1/7/2025)', async () => {
      const res = await request(app)
        .get(`/api/agencies/${enc('so-ke-hoach-va-dau-tu@Bình Phước')}`)
        .expect(200);
      const succ = res.body.successors as LineageStep[];
      expect(succ.map((s) => [s.id, s.from])).toEqual([
        ['so-tai-chinh@Bình Phước', '2025-03-01'],
        ['so-tai-chinh@Đồng Nai', '2025-07-01'],
      ]);
      expect(succ[0]!.instrument).toContain('45/2025/NĐ-CP');
    });

    it('answers for Sở KH&CN Lâm Đồng with Bình Thuận’s tasks when lineage is asked for', async () => {
      const key = enc('so-khoa-hoc-va-cong-nghe@Lâm Đồng');
      const agency = await request(app).get(`/api/agencies/${key}`).expect(200);
      expect((agency.body.predecessors as LineageStep[]).map((p) => p.id)).toContain(
        'so-khoa-hoc-va-cong-nghe@Bình Thuận',
      );
      const plain = await request(app).get(`/api/tasks?agency=${key}`).expect(200);
      expect(plain.body.items).toHaveLength(0);
      const res = await request(app).get(`/api/tasks?agency=${key}&lineage=true`).expect(200);
      const items = res.body.items as LineageTask[];
      expect(items.length).toBeGreaterThan(3);
      for (const t of items) {
        expect(t.locality).toBe('Bình Thuận');
        expect(t.now).toBe('Sở Khoa học và Công nghệ Lâm Đồng');
        expect(t.assignedTo).toMatch(/Bình Thuận$/);
      }
      expect(items.some((t) => t.assignedTo === 'Sở Khoa học và Công nghệ Bình Thuận')).toBe(true);
    });

    it('includes the predecessor provinces’ tasks for a locality filter with lineage', async () => {
      const plain = await request(app)
        .get(`/api/tasks?locality=${enc('Đồng Nai')}`)
        .expect(200);
      expect(plain.body.items).toHaveLength(0);
      const res = await request(app)
        .get(`/api/tasks?locality=${enc('Đồng Nai')}&lineage=true`)
        .expect(200);
      const items = res.body.items as LineageTask[];
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((t) => t.locality))).toEqual(new Set(['Bình Phước']));
      const moved = items.filter((t) => t.now && t.now !== t.assignedTo);
      expect(moved.length).toBeGreaterThan(0);
      for (const t of moved) expect(t.now).toMatch(/Đồng Nai$/);
    });
  });

  describe('implementation tree', () => {
    interface Node {
      document: { id?: string | null; key: string; number: string | null; locality: string | null };
      relation: string;
      children: Node[];
    }
    const flat = (ns: Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children)]);

    it('puts every seed under 36-NQ/TW, whatever the spelling of the number', async () => {
      const docs = (await request(app).get('/api/documents')).body.items as { id: string }[];
      const trees = await Promise.all(
        ['36-NQ/TW', '36/NQ-TW', 'Nghị quyết 36-NQ/TW'].map((n) =>
          request(app)
            .get(`/api/documents/${enc(n)}/implementers?depth=3`)
            .expect(200),
        ),
      );
      for (const res of trees) {
        expect(res.body.root.number).toBe('36-NQ/TW');
        const nodes = flat(res.body.children as Node[]);
        expect(new Set(nodes.map((n) => n.document.id).filter(Boolean))).toEqual(
          new Set(docs.map((d) => d.id)),
        );
        expect(nodes.every((n) => n.relation === 'IMPLEMENTS')).toBe(true);
      }
    });

    it('takes a corpus id, and answers 404 for an unknown number', async () => {
      const docs = (await request(app).get('/api/documents')).body.items as {
        id: string;
        number: string | null;
      }[];
      const numbered = docs.find((d) => d.number)!;
      const res = await request(app).get(`/api/documents/${numbered.id}/implementers`).expect(200);
      expect(res.body.root.id).toBe(numbered.id);
      const missing = await request(app)
        .get(`/api/documents/${enc('999/NQ-XX')}/implementers`)
        .expect(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
    });

    it('builds a page for 189/NQ-CP, not in the corpus, from what the corpus says about it', async () => {
      const res = await request(app)
        .get(`/api/references/${enc('189/NQ-CP')}`)
        .expect(200);
      expect(res.body).toMatchObject({ number: '189/NQ-CP', issuer: 'Chính phủ', documentId: null });
      const implementers = (res.body.mentions as { relation: string; locality: string }[])
        .filter((m) => m.relation === 'IMPLEMENTS')
        .map((m) => m.locality)
        .sort();
      expect(implementers).toEqual(['Bình Phước', 'Bình Thuận']);
    });
  });

  describe('alignment matrix', () => {
    interface MatrixBody {
      programme: { number: string };
      columns: { slug: string; vi: string; en: string }[];
      rows: {
        locality: string;
        documents: { id: string }[];
        cells: Record<string, { tasks: number; targets: number }>;
      }[];
      missing: { locality: string }[];
    }

    it('has a row per seed province implementing 36-NQ/TW and counts tasks per field', async () => {
      const res = await request(app)
        .get(`/api/matrix?programme=${enc('36/NQ-TW')}`)
        .expect(200);
      const m = res.body as MatrixBody;
      expect(m.programme.number).toBe('36-NQ/TW');
      expect(m.columns.map((c) => c.slug)).toContain('cong-nghe-sinh-hoc');
      expect(m.rows.map((r) => r.locality).sort()).toEqual(
        ['Bình Phước', 'Bình Thuận', 'Hải Phòng', 'Lào Cai', 'Ninh Bình'].sort(),
      );
      // the cells add up to the tasks of the row's documents that carry a field
      const tasks = (await request(app).get('/api/tasks?limit=5000')).body.items as {
        documentId: string;
        fields: string[];
      }[];
      for (const row of m.rows) {
        const ids = new Set(row.documents.map((d) => d.id));
        for (const c of m.columns) {
          const expected = tasks.filter((t) => ids.has(t.documentId) && t.fields.includes(c.slug)).length;
          expect(row.cells[c.slug]!.tasks, `${row.locality} ${c.slug}`).toBe(expected);
        }
      }
      expect(m.rows.some((r) => Object.values(r.cells).some((c) => c.tasks === 0 && c.targets === 0))).toBe(
        true,
      );
      // a national resolution: the post-2025 provinces with no plan in any of their parts are missing
      expect(m.missing.map((x) => x.locality)).toContain('Hà Nội');
      for (const covered of ['Hải Phòng', 'Lâm Đồng', 'Đồng Nai', 'Lào Cai', 'Ninh Bình'])
        expect(m.missing.map((x) => x.locality)).not.toContain(covered);
      expect(m.missing).toHaveLength(34 - 5);
    });
  });

  describe('exports', () => {
    const csv = async (url: string) => {
      const res = await request(app)
        .get(url)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      return res;
    };

    it('writes tasks as CSV with a BOM, Vietnamese headers and a citation column', async () => {
      const res = await csv('/api/tasks?locality=Hai%20Phong&format=csv');
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="?[a-z-]+\.csv/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8').slice(1);
      const [header, ...lines] = text.split('\r\n').filter(Boolean);
      expect(header).toContain('Nhiệm vụ / Task');
      expect(header).toContain('Trích dẫn / Citation');
      expect(lines.length).toBeGreaterThan(5);
      expect(text).toContain('Sở Y tế');
      expect(text).toMatch(/255\/KH-UBND, (tr\. \d+|STT \d+|mục \S)/);
      expect(text).toContain('/#/documents/');
    });

    it('answers Accept: text/csv on every table route, and XLSX for ?format=xlsx', async () => {
      for (const url of [
        '/api/targets',
        '/api/documents',
        `/api/ask?q=${enc('Kế hoạch nào thực hiện Nghị quyết 189/NQ-CP?')}`,
        `/api/matrix?programme=${enc('36-NQ/TW')}`,
        `/api/documents/${enc('36-NQ/TW')}/implementers`,
      ]) {
        const res = await request(app).get(url).set('Accept', 'text/csv').buffer(true);
        expect(res.status, url).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/^text\/csv/);
        expect(res.text, url).toContain('Citation');
        const x = await request(app)
          .get(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        expect(x.status, url).toBe(200);
        expect((x.body as Buffer).subarray(0, 2).toString('latin1'), url).toBe('PK');
      }
      const bad = await request(app).get('/api/tasks?format=pdf').expect(400);
      expect(bad.body.error.code).toBe('INVALID_INPUT');
      const json = await request(app).get('/api/tasks?limit=1').set('Accept', 'application/json').expect(200);
      expect(json.body.items).toHaveLength(1);
    });
  });

  describe('readable answers', () => {
    interface AskBody {
      intent: string;
      answer: { rows: { locality: string; lead: string; assignedTo?: string; now?: string }[] };
      notice: { code: string; params: Record<string, string> } | null;
      citations: { section: string | null; header: string[] | null; cells: string[] | null }[];
    }

    it('answers agency questions with or without diacritics, and old or new names across the reorganisation', async () => {
      const vi = (
        await request(app)
          .get(`/api/ask?q=${enc('Nhiệm vụ của Sở Y tế Hải Phòng')}`)
          .expect(200)
      ).body as AskBody;
      const plain = (
        await request(app)
          .get(`/api/ask?q=${enc('nhiem vu cua so y te hai phong')}`)
          .expect(200)
      ).body as AskBody;
      expect(vi.intent).toBe('tasks_by_agency');
      expect(vi.answer.rows.length).toBeGreaterThan(0);
      expect(plain.answer.rows.length).toBe(vi.answer.rows.length);
      expect(vi.citations.every((c) => !c.section || !c.section.includes('**'))).toBe(true);
      // a table row cites its column headers
      const row = vi.citations.find((c) => c.cells);
      if (row) expect(row.header?.length ?? 0).toBeGreaterThan(1);

      const now = (
        await request(app)
          .get(`/api/ask?q=${enc('Nhiệm vụ của Sở Khoa học và Công nghệ Lâm Đồng')}`)
          .expect(200)
      ).body as AskBody;
      expect(now.notice?.code).toBe('LINEAGE_USED');
      expect(now.answer.rows.length).toBeGreaterThan(0);
      for (const r of now.answer.rows) {
        expect(r.locality).toBe('Bình Thuận');
        expect(r.now).toBe('Sở Khoa học và Công nghệ Lâm Đồng');
      }
      const none = (
        await request(app)
          .get(`/api/ask?q=${enc('Nhiệm vụ của Sở Y tế Cà Mau')}`)
          .expect(200)
      ).body as AskBody;
      expect(none.answer.rows).toHaveLength(0);
      expect(none.notice).toEqual({ code: 'NO_LOCALITY_DOCS', params: { locality: 'Cà Mau' } });
    });
  });
});
