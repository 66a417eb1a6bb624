/**
 * Indicator tables ("DANH MỤC CÁC CHỈ TIÊU") built from the dev goldens' own targets: each target becomes a
 * row named as plans name indicators ("Tỷ lệ <subject>", "Số <subject>", "Tỷ trọng <subject> trong GRDP",
 * "Xếp hạng <subject>"), with its value under "Mục tiêu đến năm <year>" and a body under "Cơ quan chủ trì theo
 * dõi, đánh giá", appended to a dev circular that sets no targets. Each row must come out as one target with
 * the golden's value, unit, year, metric and subject and the monitoring body as its responsible agency; a
 * baseline column ("Thực hiện năm 2024") gives no target. Layouts: Markdown pipes, one cell per paragraph,
 * and a table with no unit column whose value cells carry their unit ("3.000 lượt").
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { folded } from '../../ingest/extract/text/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { devGoldens } from '../../scripts/eval-extraction/goldens.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';

interface Gold {
  subject: string;
  metric: string;
  value: number | null;
  unit: string | null;
  year: number | null;
}

const gold = devGoldens()
  .flatMap((c) => (c.golden.targets ?? []) as Gold[])
  .filter((t) => t.value !== null && t.year !== null);

const NAMES: Record<string, (s: string) => string> = {
  'tỷ lệ': (s) => `Tỷ lệ ${s}`,
  'số lượng': (s) => `Số ${s}`,
  'tỷ trọng trong GRDP': (s) => `Tỷ trọng ${s} trong GRDP`,
  'tốc độ tăng trưởng': (s) => `Tốc độ tăng trưởng ${s}`,
  'xếp hạng': (s) => `Xếp hạng ${s}`,
};
const nameOf = (t: Gold): string => (NAMES[t.metric] ?? ((s: string) => `${t.metric} ${s}`))(t.subject);
const valueOf = (t: Gold): string => String(t.value).replace('.', ',');
const AGENCIES = [
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Nông nghiệp và Môi trường',
  'Sở Công Thương',
];
const agencyOf = (i: number): string => AGENCIES[i % AGENCIES.length]!;

const LAYOUTS: Record<string, (rows: Gold[], year: number) => string> = {
  'Markdown pipes': (rows, y) =>
    [
      `| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu đến năm ${y} | Cơ quan chủ trì theo dõi, đánh giá |`,
      '|---|---|---|---|---|',
      ...rows.map((t, i) => `| ${i + 1} | ${nameOf(t)} | ${t.unit ?? ''} | ${valueOf(t)} | ${agencyOf(i)} |`),
    ].join('\n'),
  'one cell per paragraph, with a baseline column': (rows, y) =>
    [
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Thực hiện năm 2024',
      `Mục tiêu năm ${y}`,
      'Cơ quan chủ trì theo dõi, đánh giá',
      ...rows.flatMap((t, i) => [String(i + 1), nameOf(t), t.unit ?? '', '1', valueOf(t), agencyOf(i)]),
    ].join('\n\n'),
  'no unit column': (rows, y) =>
    [
      `| STT | Nội dung chỉ tiêu | Chỉ tiêu đến năm ${y} | Đơn vị chủ trì |`,
      '|---|---|---|---|',
      ...rows.map(
        (t, i) =>
          `| ${i + 1} | ${nameOf(t)} | ${valueOf(t)}${t.unit === '%' ? '%' : ` ${t.unit ?? ''}`} | ${agencyOf(i)} |`,
      ),
    ].join('\n'),
};

const host = devGoldens().find((c) => c.golden.file.startsWith('tvpl-115'))!;
const doc = loadDoc(host.source);
const meta = extractMeta(doc);
const byYear = new Map<number, Gold[]>();
for (const t of gold) byYear.set(t.year!, [...(byYear.get(t.year!) ?? []), t]);

/** The extracted target for golden row `t`: same value, unit and year, the same subject where there are several. */
function match(got: readonly Target[], t: Gold): Target | undefined {
  const same = got.filter(
    (x) => x.value === t.value && x.year === t.year && (x.unit ?? '') === (t.unit ?? ''),
  );
  return (
    same.find((x) => x.subject !== null && folded(x.subject) === folded(t.subject)) ??
    same.find((x) => x.subject !== null && folded(nameOf(t)).includes(folded(x.subject))) ??
    same[0]
  );
}

describe.each(Object.keys(LAYOUTS))('an indicator table of the dev targets as %s', (layout) => {
  const results = [...byYear].map(([year, rows]) => {
    const table = `\n\nPHỤ LỤC\n\nDANH MỤC CÁC CHỈ TIÊU\n\n${LAYOUTS[layout]!(rows, year)}\n\n`;
    const text = doc.parsed.text + table;
    const got = extractTargets(
      structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
      meta,
    );
    return { rows, got, found: rows.map((t) => match(got, t)) };
  });
  const rows = results.flatMap((r) => r.rows);
  const found = results.flatMap((r) => r.found);

  it('has dev targets to print', () => {
    expect(extractTargets(doc, meta)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });
  it('gives one target per row (value, unit, year), no more', () => {
    expect(found.filter((f) => f === undefined).length).toBeLessThanOrEqual(1);
    for (const r of results) expect(r.got.length).toBe(r.rows.length - r.found.filter((f) => !f).length);
  });
  it("names each row's metric and subject as the golden does", () => {
    const metric = rows.filter((t, i) => found[i]?.metric === t.metric).length;
    const subject = rows.filter(
      (t, i) => found[i]?.subject && folded(found[i].subject) === folded(t.subject),
    );
    expect(metric / rows.length).toBeGreaterThanOrEqual(0.95);
    expect(subject.length / rows.length).toBeGreaterThanOrEqual(0.85);
  });
  it('gives each row the body that monitors it', () => {
    const withAgency = results.flatMap((r) =>
      r.rows.map((_, i) => r.found[i]?.responsibleAgency === agencyOf(i)),
    );
    expect(withAgency.filter(Boolean).length).toBeGreaterThanOrEqual(rows.length - 1);
  });
});

describe('an indicator table that restates the body’s targets', () => {
  // A restated target is one target: the table row's subject is often a shorter wording of the body's.
  it.each([
    ['seed 003', '003_6bb3cc9c64edf399.txt', 0],
    ['tvpl-008', 'tvpl-008-552-KH-UBND.txt', 2],
  ])('%s: its golden targets appended as "Biểu" tables add at most %s targets', (_, file, extra) => {
    const c = devGoldens().find((x) => x.golden.file === file)!;
    const doc2 = loadDoc(c.source);
    const meta2 = extractMeta(doc2);
    const own = ((c.golden.targets ?? []) as Gold[]).filter((t) => t.value !== null && t.year !== null);
    const years = [...new Set(own.map((t) => t.year!))];
    const tables = years.map(
      (y) =>
        `Biểu ${y}. Các chỉ tiêu chủ yếu đến năm ${y}\n\n${LAYOUTS['Markdown pipes']!(
          own.filter((t) => t.year === y),
          y,
        )}`,
    );
    const text = `${doc2.parsed.text}\n\nPHỤ LỤC\n\nDANH MỤC CÁC CHỈ TIÊU\n\n${tables.join('\n\n')}\n`;
    const before = extractTargets(doc2, meta2).length;
    const after = extractTargets(
      structure({ parsed: { ...doc2.parsed, text }, contentHash: doc2.contentHash }),
      meta2,
    );
    expect(own.length).toBeGreaterThan(3);
    expect(after.length - before).toBeLessThanOrEqual(extra);
  });
});
