/**
 * The main indicators of a provincial socio-economic resolution ("Các chỉ tiêu chủ yếu"), in the standard
 * wording of such resolutions (written here as a passage: no document of the corpus one may read is of
 * this kind). Growth of the output named in full, output per inhabitant beside income per inhabitant,
 * society-wide investment beside a plan's own budget, and the population indicators (sex ratio at birth,
 * life expectancy, a fall in births per mille).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Target } from '../../core/types.ts';
import { subjectsInQuestion } from '../../core/vocab/target-subjects.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { logicalLines } from '../../ingest/extract/text/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';

const META: DocumentMeta = {
  type: 'Nghị quyết',
  number: '12/2025/NQ-HĐND',
  issuer: 'Hội đồng nhân dân tỉnh Lâm Đồng',
  locality: 'Lâm Đồng',
  province: 'Lâm Đồng',
  date: '2025-12-10',
  signer: null,
  signerPosition: null,
  effectiveDate: null,
  status: null,
  title: 'VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026',
};

function targetsOf(indicators: string[]): Target[] {
  const text = [
    'NGHỊ QUYẾT',
    'Về kế hoạch phát triển kinh tế - xã hội năm 2026',
    '',
    'Điều 2. Các chỉ tiêu chủ yếu năm 2026',
    ...indicators.map((l, i) => `${i + 1}. ${l}`),
    '',
    'Điều 3. Tổ chức thực hiện',
    '1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.',
  ]
    .join('\n')
    .normalize('NFC');
  const doc = structure({
    parsed: { file: 'nq.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extractTargets(doc, META);
}

const read = (t: Target) => ({ subject: t.subject, metric: t.metric, value: t.value, unit: t.unit });

describe('socio-economic indicators', () => {
  it('growth of "tổng sản phẩm trên địa bàn (GRDP)" is economic growth, however the output is named', () => {
    const targets = targetsOf([
      'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 10% trở lên.',
      'Tỷ lệ che phủ rừng đạt 53%.',
    ]);
    expect(targets.map(read)).toEqual([
      { subject: 'tăng trưởng kinh tế', metric: 'tốc độ tăng trưởng', value: 10, unit: '%' },
      { subject: 'che phủ rừng', metric: 'tỷ lệ', value: 53, unit: '%' },
    ]);
    expect(targets[0]!.comparator).toBe('>=');
    for (const wording of [
      'Tốc độ tăng trưởng kinh tế (GRDP) đạt 10%.',
      'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt 10%.',
    ])
      expect(targetsOf([wording]).map((t) => t.subject)).toEqual(['tăng trưởng kinh tế']);
  });

  it('growth of something else keeps its own subject', () => {
    const targets = targetsOf([
      'Tốc độ tăng trưởng kinh tế số đạt 20%.',
      'Tốc độ tăng trưởng xuất khẩu đạt 12%.',
    ]);
    expect(targets.map((t) => [t.subject, t.metric])).toEqual([
      ['kinh tế số', 'tốc độ tăng trưởng'],
      ['xuất khẩu', 'tốc độ tăng trưởng'],
    ]);
  });

  it('GRDP per inhabitant and income per inhabitant are two indicators, in the text and in questions', () => {
    const targets = targetsOf([
      'GRDP bình quân đầu người đạt 120 triệu đồng.',
      'Thu nhập bình quân đầu người đạt 75 triệu đồng.',
    ]);
    expect(targets.map((t) => [t.subject, t.value])).toEqual([
      ['GRDP bình quân đầu người', 120],
      ['thu nhập bình quân đầu người', 75],
    ]);
    const asked = (q: string): string[] => subjectsInQuestion(q).map((s) => s.subject);
    expect(asked('compare GRDP per capita across provinces')).toEqual(['GRDP bình quân đầu người']);
    expect(asked('income per capita by 2030')).toEqual(['thu nhập bình quân đầu người']);
    expect(asked('grdp binh quan dau nguoi cac tinh')).toEqual(['GRDP bình quân đầu người']);
  });

  it("society-wide investment is an indicator; the plan's own budget is not a target", () => {
    const targets = targetsOf([
      'Tổng vốn đầu tư phát triển toàn xã hội đạt 150 nghìn tỷ đồng.',
      'Tổng vốn đầu tư thực hiện Kế hoạch là 150 tỷ đồng.',
      'Tổng thu ngân sách nhà nước trên địa bàn đạt 30.000 tỷ đồng.',
    ]);
    expect(targets.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['tổng vốn đầu tư phát triển toàn xã hội', 150, 'nghìn tỷ đồng'],
      ['tổng thu ngân sách nhà nước', 30000, 'tỷ đồng'],
    ]);
  });

  it("population indicators: sex ratio at birth, life expectancy, a fall per mille; a child's age is no value", () => {
    const targets = targetsOf([
      'Tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái.',
      'Tuổi thọ trung bình đạt 75 tuổi.',
      'Mức giảm sinh bình quân 0,1‰/năm.',
      '100% trẻ em 5 tuổi hoàn thành chương trình giáo dục mầm non.',
    ]);
    expect(targets.map((t) => [t.subject, t.metric, t.value, t.unit, t.comparator])).toEqual([
      ['tỷ số giới tính khi sinh', 'khác', 109, 'bé trai/100 bé gái', '<='],
      ['tuổi thọ', 'khác', 75, 'tuổi', '='],
      ['sinh', 'mức giảm', 0.1, '‰', '='],
      ['trẻ em 5 tuổi hoàn thành chương trình giáo dục mầm non', 'tỷ lệ', 100, '%', '='],
    ]);
  });

  it('"Giảm tỷ lệ … xuống dưới 15%", "Tăng tỷ lệ … lên 30%": the verb of change is not part of the subject', () => {
    const targets = targetsOf([
      'Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi xuống dưới 15%.',
      'Tăng tỷ lệ phụ nữ làm chủ doanh nghiệp lên 30%.',
      'Tăng trưởng kinh tế đạt 8%.',
    ]);
    expect(targets.map((t) => [t.subject, t.metric, t.value, t.comparator])).toEqual([
      ['trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi', 'tỷ lệ', 15, '<='],
      ['phụ nữ làm chủ doanh nghiệp', 'tỷ lệ', 30, '='],
      ['tăng trưởng kinh tế', 'tốc độ tăng trưởng', 8, '='],
    ]);
  });

  it('an article titled "Mục tiêu" whose body starts on the next line of the same paragraph', () => {
    const text = [
      'NGHỊ QUYẾT',
      'Quy định chính sách thu hút nguồn nhân lực',
      '',
      'Điều 3. Mục tiêu',
      'Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 75%.',
      '',
      'Điều 4.',
      'Tổ chức thực hiện',
      '',
      '1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.',
    ]
      .join('\n')
      .normalize('NFC');
    // the title and the body are two lines; a marker alone ("Điều 4.") still takes the next line as its title
    expect(logicalLines(text).map((b) => b.text)).toEqual([
      'NGHỊ QUYẾT Quy định chính sách thu hút nguồn nhân lực',
      'Điều 3. Mục tiêu',
      'Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 75%.',
      'Điều 4. Tổ chức thực hiện',
      '1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.',
    ]);
    const doc = structure({
      parsed: { file: 'nq.txt', format: 'text', text, warnings: [] },
      contentHash: contentHash(Buffer.from(text)),
    });
    expect(extractTargets(doc, META).map((t) => [t.subject, t.value, t.year])).toEqual([
      ['lao động qua đào tạo', 75, 2030],
    ]);
  });

  it("a council's support policy: support levels are no targets, its aim is, counting the people it names", () => {
    const targets = targetsOf([
      'Người có trình độ tiến sĩ được hỗ trợ một lần 300 triệu đồng.',
      'Hỗ trợ 100% học phí trong thời gian đào tạo.',
      'Hỗ trợ 50% chi phí thuê nhà ở, tối đa 5 triệu đồng/tháng, trong thời gian 36 tháng.',
      'Phấn đấu đến năm 2030 thu hút 500 người có trình độ thạc sĩ trở lên về công tác tại tỉnh.',
    ]);
    expect(targets.map((t) => [t.value, t.unit, t.year])).toEqual([[500, 'người', 2030]]);
    expect(targets[0]!.subject).toMatch(/^người có trình độ thạc sĩ trở lên/u);
  });
});
