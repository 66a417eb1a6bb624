/**
 * The mechanisms of the targets extractor on real passages of the dev corpus: baselines and breakdowns
 * are not targets, a target needs a subject and a year or period, a target restated in an indicator
 * table is one target and takes the table's responsible agency.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Target } from '../../core/types.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { isValidTarget } from '../../ingest/extract/targets/validate.ts';
import { runTargets } from '../../scripts/eval-extraction/target-eval.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const BAC_NINH: DocumentMeta = {
  type: 'Kế hoạch',
  number: '141/KH-UBND',
  issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  locality: 'Bắc Ninh',
  province: 'Bắc Ninh',
  date: '2025-11-20',
  signer: null,
  signerPosition: null,
  effectiveDate: null,
  status: null,
  title: 'NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG CHÍNH SÁCH, PHÁP LUẬT GIAI ĐOẠN 2026-2030',
};

function targetsOf(text: string, meta: DocumentMeta): Target[] {
  const t = text.normalize('NFC');
  const doc = structure({
    parsed: { file: 'passage.txt', format: 'text', text: t, warnings: [] },
    contentHash: contentHash(Buffer.from(t)),
  });
  return extractTargets(doc, meta);
}

/** The objective part of Bắc Ninh's plan 141/KH-UBND, as published. */
const objectives = (): string => {
  const text = readFileSync(path.join(DEV, 'tvpl-020-141-KH-UBND.txt'), 'utf8').normalize('NFC');
  return text.slice(text.indexOf('II. MỤC TIÊU'), text.indexOf('III. NHIỆM VỤ'));
};

describe('targets: what is not a target', () => {
  it('Hà Nội 310: "Hiện nay … khoảng 180 trạm, trong đó có 22 trạm 5G" is a baseline; "có tối thiểu 1 trạm" qualifies a rate', () => {
    const values = runTargets(path.join(DEV, 'tvpl-013-310-KH-UBND.txt')).map((t) => `${t.value} ${t.unit}`);
    expect(values).not.toContain('180 trạm');
    expect(values).not.toContain('22 trạm');
    expect(values).not.toContain('1 trạm');
  });

  it('Nghệ An 987: the current 87 stations (28 of them 5G, 32,2 %) and "(Trong đó: VNPT: 25 trạm …)" breakdowns are not targets', () => {
    const values = runTargets(path.join(DEV, 'tvpl-022-987-KH-UBND.txt')).map((t) => t.value);
    for (const v of [87, 28, 32.2, 25, 33, 9, 26, 22, 56, 47]) expect(values).not.toContain(v);
    expect(values).toEqual([100, 100, 58, 35, 125, 188]);
  });

  it('a figure without a subject, or without a year or period, is dropped by validation', () => {
    const [t] = runTargets(path.join(DEV, 'tvpl-020-141-KH-UBND.txt'));
    expect(isValidTarget(t!)).toBe(true);
    expect(isValidTarget({ ...t!, subject: '' })).toBe(false);
    expect(isValidTarget({ ...t!, subject: '—' })).toBe(false);
    expect(isValidTarget({ ...t!, year: null, period: null })).toBe(false);
    expect(isValidTarget({ ...t!, value: null, valueMin: null, valueMax: null })).toBe(false);
  });

  it('Bắc Ninh 141: without a year in the text, the plan title gives the period 2026-2030', () => {
    const targets = targetsOf(objectives(), BAC_NINH);
    expect(targets).toHaveLength(5);
    expect(targets.every((t) => t.year === null && t.period === '2026-2030')).toBe(true);
  });
});

describe('targets: indicator tables', () => {
  // Bắc Ninh's published objectives followed by an indicator table in the layout of provincial plans'
  // appendices ("DANH MỤC CÁC CHỈ TIÊU" with a monitoring-agency column): no seed or dev document has
  // one, so the table restates one of the body's targets and adds one of its own.
  const table = (rows: string[][]): string => rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
  const appendix = [
    'PHỤ LỤC',
    'DANH MỤC CÁC CHỈ TIÊU',
    '',
    table([
      [
        'STT',
        'Chỉ tiêu',
        'Đơn vị tính',
        'Thực hiện năm 2024',
        'Mục tiêu giai đoạn 2026-2030',
        'Cơ quan chủ trì theo dõi, đánh giá',
      ],
      [
        '1',
        'Tỷ lệ cán bộ, công chức xây dựng chính sách, pháp luật có trình độ đại học Luật trở lên',
        '%',
        '85',
        '100',
        'Sở Tư pháp',
      ],
      ['2', 'Tỷ lệ xã, phường không ma túy', '%', '20', '≥ 50', 'Công an tỉnh'],
    ]),
    '',
  ].join('\n');

  it('rows are targets with the responsible agency; the "Thực hiện năm 2024" column is a baseline', () => {
    const targets = targetsOf(`${objectives()}\n${appendix}`, BAC_NINH);
    const drugFree = targets.find((t) => t.subject === 'xã, phường không ma túy')!;
    expect(drugFree).toMatchObject({
      metric: 'tỷ lệ',
      value: 50,
      comparator: '>=',
      unit: '%',
      year: null,
      period: '2026-2030',
      responsibleAgency: 'Công an tỉnh',
    });
    expect(targets.map((t) => t.value)).not.toContain(85);
    expect(targets.map((t) => t.value)).not.toContain(20);
  });

  it('a target stated in the body and in the table is one target, with the table’s agency', () => {
    const body = targetsOf(objectives(), BAC_NINH);
    const both = targetsOf(`${objectives()}\n${appendix}`, BAC_NINH);
    expect(both).toHaveLength(body.length + 1);
    const law = both.filter((t) => /đại học luật/iu.test(t.subject));
    expect(law.map((t) => [t.value, t.period, t.responsibleAgency])).toEqual([
      [100, '2026-2030', 'Sở Tư pháp'],
    ]);
    expect(law[0]!.start).toBe(body[0]!.start);
  });

  it('reads the one-cell-per-paragraph layout of published tables, where values are bare numbers', () => {
    const cells = [
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Mục tiêu giai đoạn 2026-2030',
      'Cơ quan chủ trì theo dõi, đánh giá',
      '1',
      'Tỷ lệ xã, phường không ma túy',
      '%',
      '≥ 50',
      'Công an tỉnh',
      '2',
      'Tỷ lệ người dân có kỹ năng số cơ bản',
      '%',
      '80',
      'Sở Khoa học và Công nghệ',
    ];
    const text = `${objectives()}\nPHỤ LỤC\n\nDANH MỤC CÁC CHỈ TIÊU\n\n${cells.join('\n\n')}\n\nNơi nhận:\n`;
    const rows = targetsOf(text, BAC_NINH).filter((t) => t.responsibleAgency !== null);
    expect(rows.map((t) => [t.subject, t.comparator, t.value, t.period, t.responsibleAgency])).toEqual([
      ['xã, phường không ma túy', '>=', 50, '2026-2030', 'Công an tỉnh'],
      ['kỹ năng số', '=', 80, '2026-2030', 'Sở Khoa học và Công nghệ'],
    ]);
  });
});

describe('targets listed in one sentence and named with codes (form: an objective article as resolutions and plans write it)', () => {
  const NGHE_AN: DocumentMeta = {
    ...BAC_NINH,
    number: '73/2025/NQ-HĐND',
    type: 'Nghị quyết',
    locality: 'Nghệ An',
    province: 'Nghệ An',
    title: 'VỀ CHÍNH SÁCH',
    issuer: 'Hội đồng nhân dân tỉnh Nghệ An',
  };
  const objective = (line: string) => targetsOf(`Điều 2. Mục tiêu\n\n${line}\n`, NGHE_AN);
  it('"Đến năm 2030: A; B; C đạt 30% GRDP." — every clause keeps the horizon of the sentence', () => {
    const got = objective(
      'Đến năm 2030: 100% cơ quan nhà nước có cán bộ chuyên trách chuyển đổi số; 80% doanh nghiệp nhỏ và vừa sử dụng nền tảng số; tỷ trọng kinh tế số đạt 30% GRDP.',
    );
    expect(got.map((t) => `${t.value}|${t.year}`)).toEqual(['100|2030', '80|2030', '30|2030']);
    expect(got[2]?.subject).toBe('kinh tế số');
  });
  it('"… chỉ số chất lượng không khí (AQI) ở mức tốt và trung bình đạt trên 80%": the code in brackets and "và trung bình" stay in the subject', () => {
    const got = objective(
      'Đến năm 2030, 90% đô thị loại II trở lên có hệ thống quan trắc tự động; tỷ lệ ngày có chỉ số chất lượng không khí (AQI) ở mức tốt và trung bình đạt trên 80%.',
    );
    expect(got.find((t) => t.value === 80)?.subject).toBe(
      'ngày có chỉ số chất lượng không khí ở mức tốt và trung bình',
    );
  });
  it('"giảm 20% nồng độ bụi PM2.5 so với năm 2024": the point inside "PM2.5" does not end the subject', () => {
    expect(objective('Đến năm 2030, giảm 20% nồng độ bụi PM2.5 so với năm 2024.')[0]?.subject).toBe(
      'nồng độ bụi PM2.5',
    );
  });
});

describe('a horizon on a line of its own over a list (form: "Đến năm 2030:" then "a) …" or "- …")', () => {
  const plan = (list: string) =>
    targetsOf(`I. MỤC TIÊU\n\n2. Mục tiêu cụ thể\n\n${list}\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n`, BAC_NINH);
  it.each([
    ['Phấn đấu đến năm 2030:', 'a) ', 'b) '],
    ['Đến năm 2030:', '- ', '- '],
  ])('"%s" gives its year to every item, also one opening with its number', (intro, m1, m2) => {
    const got = plan(
      `${intro}\n\n${m1}100% khu công nghiệp có hệ thống xử lý nước thải tập trung;\n\n${m2}Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 95%.`,
    );
    expect(got.map((t) => `${t.value}|${t.year}`)).toEqual(['100|2030', '95|2030']);
  });
});

describe('one subject with a figure per year (form: objective bullets of plans)', () => {
  const plan = (line: string) =>
    targetsOf(`I. MỤC TIÊU\n\n2. Mục tiêu cụ thể\n\n${line}\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n`, BAC_NINH);
  const rows = (ts: Target[]) => ts.map((t) => `${t.value}|${t.year}|${t.subject}`);
  it.each([
    '- Năm 2026: tỷ lệ dân số sử dụng nước sạch đạt 85%; năm 2030 đạt 95%.',
    '- Tỷ lệ dân số sử dụng nước sạch đạt 85% năm 2026, đạt 95% năm 2030.',
    '- Tỷ lệ dân số sử dụng nước sạch: năm 2026 đạt 85%, năm 2030 đạt 95%.',
  ])('"%s": each figure with its own year and the same subject', (line) => {
    expect(rows(plan(line))).toEqual([
      '85|2026|dân số sử dụng nước sạch',
      '95|2030|dân số sử dụng nước sạch',
    ]);
  });
  it('"chi cho nghiên cứu khoa học đạt 2% GRDP" is R&D spending, measured as "chi cho R&D / GRDP"', () => {
    const t = plan('- Đến năm 2030, chi cho nghiên cứu khoa học đạt 2% GRDP.')[0];
    expect([t?.subject, t?.metric]).toEqual(['chi cho khoa học công nghệ', 'chi cho R&D / GRDP']);
  });
});
