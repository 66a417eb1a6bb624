import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { seedGolden } from '../helpers/golden.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

const HAI_PHONG = '000_953892a000611854.txt';
const BINH_THUAN = '001_599f766e9ac447fa.txt';
const LAO_CAI = '003_6bb3cc9c64edf399.txt';
const BINH_PHUOC = '004_ad92fe254936541e.txt';

interface DocItem {
  id: string;
  file: string;
  title: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  signer: string | null;
  locality: string | null;
  province: string | null;
  implements: string[];
  cites: string[];
}
interface TaskItem {
  id: string;
  documentId: string;
  locality: string;
  title: string;
  group: string | null;
  row: string | null;
  fields: string[];
  lead: string[];
  leadIds: string[];
  coordinating: string[];
  deadline: string | null;
  deadlineNorm: { kind: string } | null;
  passageId: string | null;
}

describe('graph endpoints over the extracted seeds (real Neo4j)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  let docs: DocItem[];
  const idOf = (file: string) => docs.find((d) => d.file === file)!.id;

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    await rt.ingestPaths([SEEDS]);
    docs = (await request(app).get('/api/documents').expect(200)).body.items as DocItem[];
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('lists documents with their metadata and references', () => {
    const hp = docs.find((d) => d.file === HAI_PHONG)!;
    expect(hp).toMatchObject({
      type: 'Kế hoạch',
      number: '255/KH-UBND',
      date: '2023-09-27',
      locality: 'Hải Phòng',
    });
    expect(hp.implements).toEqual(expect.arrayContaining(['36-NQ/TW', '50-CTr/TU']));
    const lc = docs.find((d) => d.file === LAO_CAI)!;
    expect(lc).toMatchObject({ type: 'Chương trình', number: '219-CTr/TU', locality: 'Lào Cai' });
    const bt = docs.find((d) => d.file === BINH_THUAN)!;
    expect(bt.number).toBeNull();
    expect(bt.date).toBe('2024-04');
  });

  it.each(['189/NQ-CP', '189/nq-cp', '189-NQ/CP', 'Nghị quyết 189', 'Nghi quyet so 189/NQ-CP'])(
    'implements=%s returns exactly the two plans that implement 189/NQ-CP',
    async (spelling) => {
      const res = await request(app).get('/api/documents').query({ implements: spelling }).expect(200);
      const files = (res.body.items as DocItem[]).map((d) => d.file).sort();
      expect(files).toEqual([BINH_THUAN, BINH_PHUOC]);
    },
  );

  it('follows the implementation chain when transitive=true', async () => {
    const direct = await request(app).get('/api/documents').query({ implements: '36-NQ/TW' }).expect(200);
    const chain = await request(app)
      .get('/api/documents')
      .query({ implements: '36-NQ/TW', transitive: 'true' })
      .expect(200);
    expect((chain.body.items as DocItem[]).length).toBeGreaterThanOrEqual(
      (direct.body.items as DocItem[]).length,
    );
    expect((chain.body.items as DocItem[]).map((d) => d.file)).toEqual(
      expect.arrayContaining([HAI_PHONG, LAO_CAI]),
    );
  });

  it('filters documents by locality without diacritics and by field label', async () => {
    const res = await request(app).get('/api/documents').query({ locality: 'hai phong' }).expect(200);
    expect((res.body.items as DocItem[]).map((d) => d.file)).toEqual([HAI_PHONG]);
    const marine = await request(app).get('/api/documents').query({ field: 'marine' }).expect(200);
    expect((marine.body.items as DocItem[]).map((d) => d.file)).toContain(HAI_PHONG);
    const bad = await request(app).get('/api/documents').query({ field: 'no-such-field' }).expect(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
  });

  it("returns every row of Hải Phòng's appendix with its lead agency", async () => {
    const res = await request(app)
      .get('/api/tasks')
      .query({ document: idOf(HAI_PHONG) })
      .expect(200);
    const tasks = res.body.items as TaskItem[];
    const golden = seedGolden(HAI_PHONG).tasks.filter((t) => t.row !== null);
    expect(golden.length).toBe(19);
    for (const g of golden) {
      const t = tasks.find((x) => x.row === g.row);
      expect(t, `row ${g.row}`).toBeDefined();
      expect(t!.lead, `lead of ${g.row}`).toEqual(g.lead);
      expect(t!.deadline, `deadline of ${g.row}`).toBe(g.deadline);
      expect(t!.passageId).toMatch(new RegExp(`^${idOf(HAI_PHONG)}:p\\d+$`));
    }
    const rowIII4 = tasks.find((x) => x.row === 'III.4')! as TaskItem & {
      documentType: string;
      section: string;
    };
    expect(rowIII4.documentType).toBe('Kế hoạch');
    expect(rowIII4.section).toMatch(/^PHỤ LỤC/);
    expect(rowIII4.lead).toEqual(['Sở Y tế']);
    expect(rowIII4.deadlineNorm).toMatchObject({ kind: 'range' });
  });

  it("returns all of Lào Cai's appendix rows", async () => {
    const res = await request(app)
      .get('/api/tasks')
      .query({ document: idOf(LAO_CAI) })
      .expect(200);
    const tasks = res.body.items as TaskItem[];
    const golden = seedGolden(LAO_CAI).tasks.filter((t) => t.row !== null);
    expect(golden.length).toBeGreaterThan(20);
    for (const g of golden) {
      const t = tasks.find((x) => x.row === g.row);
      expect(t, `row ${g.row}`).toBeDefined();
      expect(t!.lead).toEqual(g.lead);
    }
  });

  it('filters tasks by field, agency and locality, with or without diacritics', async () => {
    const marine = await request(app)
      .get('/api/tasks')
      .query({ field: 'biển', locality: 'Hai Phong' })
      .expect(200);
    const titles = (marine.body.items as TaskItem[]).map((t) => t.title);
    expect(titles.some((t) => t.includes('sinh vật biển'))).toBe(true);
    expect(
      (marine.body.items as TaskItem[]).every((t) => t.fields.includes('bien') && t.locality === 'Hải Phòng'),
    ).toBe(true);
    const health = await request(app)
      .get('/api/tasks')
      .query({ agency: 'so y te', locality: 'Hải Phòng' })
      .expect(200);
    const items = health.body.items as TaskItem[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.locality === 'Hải Phòng')).toBe(true);
    expect(items.some((t) => t.leadIds.includes('so-y-te@Hải Phòng'))).toBe(true);
  });

  it("scopes agencies to their locality: Hải Phòng's Sở Y tế is not Bình Thuận's", async () => {
    const hp = (
      await request(app).get('/api/agencies').query({ locality: 'Hải Phòng', q: 'y te' }).expect(200)
    ).body.items as { key: string; name: string; kind: string; isGroup: boolean }[];
    const bt = (
      await request(app).get('/api/agencies').query({ locality: 'binh thuan', q: 'Sở Y tế' }).expect(200)
    ).body.items as { key: string; name: string; kind: string }[];
    const hpHealth = hp.find((a) => a.name === 'Sở Y tế')!;
    const btHealth = bt.find((a) => a.name === 'Sở Y tế')!;
    expect(hpHealth.key).not.toBe(btHealth.key);
    expect(hpHealth.kind).toBe(btHealth.kind);
    const detail = await request(app)
      .get(`/api/agencies/${encodeURIComponent(hpHealth.key)}`)
      .expect(200);
    expect((detail.body.leads as TaskItem[]).map((t) => t.row)).toEqual(
      expect.arrayContaining(['III.4', 'III.5']),
    );
    await request(app).get('/api/agencies/nope@Nowhere').expect(404);
  });

  it('keeps group placeholders apart from real agencies', async () => {
    const res = await request(app).get('/api/agencies').query({ locality: 'Hải Phòng' }).expect(200);
    const items = res.body.items as { key: string; name: string; isGroup: boolean }[];
    const groups = items.filter((a) => a.isGroup);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((a) => a.key.startsWith('group:'))).toBe(true);
  });

  it("gives Lào Cai's GRDP targets as 7% (2030) and 10% (2045), each with its source passage", async () => {
    const res = await request(app).get('/api/targets').query({ q: 'GRDP', locality: 'lao cai' }).expect(200);
    const items = res.body.items as {
      value: number;
      unit: string;
      year: number;
      passageId: string;
      locality: string;
    }[];
    const pairs = items.map((t) => [t.value, t.unit, t.year]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [7, '%', 2030],
        [10, '%', 2045],
      ]),
    );
    expect(items.every((t) => t.passageId && t.locality === 'Lào Cai')).toBe(true);
    const by2045 = await request(app)
      .get('/api/targets')
      .query({ year: 2045, locality: 'Lào Cai' })
      .expect(200);
    expect((by2045.body.items as { year: number }[]).every((t) => t.year === 2045)).toBe(true);
  });

  it('lists the field taxonomy with counts', async () => {
    const res = await request(app).get('/api/fields').expect(200);
    const items = res.body.items as { slug: string; vi: string; en: string; tasks: number }[];
    for (const slug of ['y-te', 'nong-nghiep', 'bien', 'moi-truong', 'cong-nghiep', 'quoc-phong-an-ninh']) {
      expect(items.map((f) => f.slug)).toContain(slug);
    }
    expect(items.find((f) => f.slug === 'bien')!.tasks).toBeGreaterThan(0);
  });

  it('browses the agency ↔ task graph around an agency', async () => {
    const res = await request(app)
      .get('/api/graph')
      .query({ center: 'so-y-te@Hải Phòng', depth: 1 })
      .expect(200);
    const nodes = res.body.nodes as { id: string; kind: string }[];
    const edges = res.body.edges as { source: string; target: string; type: string }[];
    expect(nodes.filter((n) => n.kind === 'Task').length).toBeGreaterThanOrEqual(2);
    expect(edges.some((e) => e.type === 'LED_BY' && e.target === 'so-y-te@Hải Phòng')).toBe(true);
    const deeper = await request(app)
      .get('/api/graph')
      .query({ center: 'so-y-te@Hải Phòng', depth: 2 })
      .expect(200);
    expect((deeper.body.nodes as { kind: string }[]).some((n) => n.kind === 'Document')).toBe(true);
    await request(app).get('/api/graph').query({ center: 'nothing-here' }).expect(404);
    await request(app).get('/api/graph').query({ center: 'x', depth: 9 }).expect(400);
  });
});
