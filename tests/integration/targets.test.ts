/**
 * Targets in the graph and their comparison across provinces, on the real Neo4j: the seeds plus the dev
 * documents that set targets (Đồng Tháp 552, Hà Nội 310, Nghệ An 987, the Government notice 653 and the
 * Prime Minister's decision 2597). Hà Nội 310 and Nghệ An 987 both set 5G-coverage targets for
 * industrial zones: the comparison over two dev documents.
 */
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const DEV_FILES = [
  'tvpl-008-552-KH-UBND.txt',
  'tvpl-013-310-KH-UBND.txt',
  'tvpl-022-987-KH-UBND.txt',
  'tvpl-163-653-TB-VPCP.txt',
  'tvpl-174-2597-QD-TTg.txt',
].map((f) => path.join(DEV, f));

interface TargetItem {
  subject: string;
  metric: string;
  indicator: string;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  comparator: string;
  unit: string | null;
  year: number | null;
  period: string | null;
  responsibleAgency: string | null;
  national: boolean;
  locality: string | null;
  passageId: string;
  documentId: string;
}

interface AskRow {
  locality: string;
  subject: string;
  metric: string;
  value: number | string;
  comparator: string;
  unit: string;
  year: number | string | null;
  national: boolean;
  documentId: string;
  passageId: string;
}

describe('targets with subject and metric, compared across provinces (real Neo4j)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  const ask = async (q: string) => {
    const res = await request(app).get('/api/ask').query({ q }).expect(200);
    const cited = new Set((res.body.citations as { passageId: string }[]).map((c) => c.passageId));
    return {
      body: res.body as { intent: string; entities: Record<string, unknown> },
      rows: res.body.answer.rows as AskRow[],
      cited,
    };
  };

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    await rt.ingestPaths([SEEDS, ...DEV_FILES]);
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('lists targets with subject, metric, comparator, year or period and the national flag', async () => {
    const res = await request(app).get('/api/targets').query({ locality: 'Đồng Tháp' }).expect(200);
    const items = res.body.items as TargetItem[];
    const digital = items.find((t) => t.subject === 'kinh tế số')!;
    expect(digital).toMatchObject({
      metric: 'tỷ trọng trong GRDP',
      indicator: 'Quy mô kinh tế số trong GRDP',
      value: 40,
      valueMin: null,
      valueMax: null,
      comparator: '=',
      unit: '%',
      year: 2035,
      period: null,
      responsibleAgency: null,
      national: false,
      locality: 'Đồng Tháp',
    });
    expect(items.some((t) => t.period === 'hằng năm' && t.value === 150)).toBe(true);
    expect(items.every((t) => t.subject && t.metric && (t.year !== null || t.period !== null))).toBe(true);
  });

  it('filters by subject with or without diacritics, and by an English name of a known subject', async () => {
    const get = async (subject: string) =>
      (
        (await request(app).get('/api/targets').query({ subject }).expect(200)).body.items as TargetItem[]
      ).map((t) => `${t.documentId}:${t.value}:${t.year}`);
    const exact = await get('kinh tế số');
    expect(exact.length).toBeGreaterThan(0);
    expect(await get('kinh te so')).toEqual(exact);
    expect(await get('digital economy')).toEqual(exact);
    const bio = (
      await request(app).get('/api/targets').query({ subject: 'cong nghiep sinh hoc' }).expect(200)
    ).body.items as TargetItem[];
    expect(bio.map((t) => [t.locality, t.value, t.year])).toEqual(
      expect.arrayContaining([
        ['Lào Cai', 7, 2030],
        ['Lào Cai', 10, 2045],
      ]),
    );
    expect(bio.every((t) => t.subject === 'công nghiệp sinh học')).toBe(true);
  });

  it('compares 5G coverage of industrial zones between Hà Nội and Nghệ An, one cited row per document and year', async () => {
    for (const q of [
      'So sánh mục tiêu phủ sóng 5G tại các khu công nghiệp giữa các tỉnh',
      "compare provinces' 5G coverage targets for industrial zones",
    ]) {
      const { body, rows, cited } = await ask(q);
      expect(body.intent).toBe('targets_compare');
      expect(new Set(rows.map((r) => r.locality))).toEqual(new Set(['Hà Nội', 'Nghệ An']));
      expect(rows.every((r) => r.subject === 'phủ sóng 5G' && r.value === 100 && r.unit === '%')).toBe(true);
      expect(rows.every((r) => cited.has(r.passageId))).toBe(true);
      const perDocYear = rows.map((r) => `${r.documentId}|${r.year}`);
      expect(new Set(perDocYear).size).toBe(rows.length);
    }
    const by2030 = await ask(
      'So sánh mục tiêu phủ sóng 5G tại các khu công nghiệp đến năm 2030 giữa các tỉnh',
    );
    expect(by2030.rows.map((r) => [r.locality, r.year])).toEqual([
      ['Hà Nội', 2026],
      ['Nghệ An', 2030],
    ]);
  });

  it('answers the digital-economy share of GRDP comparison with only digital-economy rows', async () => {
    const { body, rows, cited } = await ask(
      'So sánh mục tiêu tỷ trọng kinh tế số trong GRDP đến năm 2030 giữa các tỉnh',
    );
    expect(body.entities).toMatchObject({ subject: 'kinh tế số', metric: 'tỷ trọng trong GRDP', year: 2030 });
    expect(rows.map((r) => [r.locality, r.comparator, r.value, r.unit, r.year])).toEqual([
      ['Đồng Tháp', '=', 40, '%', 2035],
    ]);
    expect(rows.every((r) => cited.has(r.passageId))).toBe(true);
  });

  it('answers the bio-industry GRDP comparison in Vietnamese and English, without rows of other subjects', async () => {
    for (const q of [
      'So sánh tỷ trọng công nghiệp sinh học trong GRDP giữa các tỉnh',
      "compare provinces' biotech industry share of GRDP",
    ]) {
      const { rows, cited } = await ask(q);
      expect(rows.map((r) => [r.locality, r.comparator, r.value, r.unit, r.year])).toEqual([
        ['Lào Cai', '~', 7, '%', 2030],
        ['Lào Cai', '=', 10, '%', 2045],
      ]);
      expect(rows.every((r) => r.subject === 'công nghiệp sinh học' && cited.has(r.passageId))).toBe(true);
    }
  });

  it('reads R&D spending questions as that subject and answers only with its rows', async () => {
    const { body, rows } = await ask("compare provinces' R&D spending targets");
    expect(body.intent).toBe('targets_compare');
    expect(body.entities).toMatchObject({ subject: 'chi cho khoa học công nghệ' });
    expect(rows.filter((r) => r.subject !== 'chi cho khoa học công nghệ')).toEqual([]);
  });

  it('marks a national target as a national row', async () => {
    const { rows, cited } = await ask('So sánh mục tiêu tăng trưởng kinh tế năm 2025');
    const national = rows.filter((r) => r.national);
    expect(national.map((r) => [r.locality, r.comparator, r.value, r.unit, r.year])).toEqual([
      ['Toàn quốc / National', '>=', 8, '%', 2025],
    ]);
    expect(rows.every((r) => r.subject === 'tăng trưởng kinh tế' && cited.has(r.passageId))).toBe(true);
  });
});
