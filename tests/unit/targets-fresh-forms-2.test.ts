/**
 * Forms of targets found on full documents (a national assembly resolution, a government action programme
 * with its indicator appendix, a Politburo resolution in converted markdown, a nutrition strategy from an
 * OCR'd PDF), written here in the standard wording of such documents: markdown escapes and page breaks of
 * converted files; indicator tables whose value column is "Kết quả" under group rows "Đến năm 2030";
 * several values in one cell; "% GDP" and "%/năm" unit cells; contribution shares; R&D spending as a share
 * of GDP; bracketed figures for a part; a year written after its figure or closing a list; a vision year in
 * the title.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Target } from '../../core/types.ts';
import { passageTargets, planMeta, targetOfValue } from '../helpers/targets.ts';

function meta(title: string | null = null, locality: string | null = 'Hà Nam'): DocumentMeta {
  return planMeta({
    number: '45/KH-UBND',
    issuer: locality ? `Ủy ban nhân dân tỉnh ${locality}` : 'Chính phủ',
    locality,
    province: locality,
    date: '2025-04-02',
    title,
  });
}

const targetsOf = (text: string, m: DocumentMeta = meta()): Target[] => passageTargets(text, m);
const find = targetOfValue;

describe('converted files', () => {
  it('markdown escapes ("1\\.", "\\-") do not hide the numbering of an objective part', () => {
    const ts = targetsOf(
      '**I- QUAN ĐIỂM**\n\n1\\. Chuyển đổi số là nhiệm vụ trọng tâm của các cấp, các ngành.\n\n' +
        '**II- MỤC TIÊU**\n\n**1\\. Đến năm 2030**\n\n' +
        '\\- Tỉ lệ hộ gia đình có kết nối Internet cáp quang đạt tối thiểu 90%; tỉ lệ doanh nghiệp nhỏ và vừa ' +
        'sử dụng nền tảng số đạt trên 60%.\n\n' +
        '**III- NHIỆM VỤ, GIẢI PHÁP**\n\n1\\. Hoàn thiện thể chế về dữ liệu.\n',
    );
    expect(find(ts, 90).year).toBe(2030);
    expect(find(ts, 60).subject).toContain('doanh nghiệp nhỏ và vừa');
  });

  it('a page break left in a sentence (and its page number) does not cut the figure from its year', () => {
    const ts = targetsOf(
      'II. MỤC TIÊU CỤ THỂ\n\n' +
        '- Tỷ lệ trạm y tế xã có bác sĩ làm việc thường xuyên đạt 95% vào\n\n' +
        '--- PAGE BREAK ---\n\n4\n\nnăm 2028.\n\nIII. NHIỆM VỤ\n\n1. Đào tạo bác sĩ cho tuyến xã.\n',
    );
    expect(find(ts, 95).year).toBe(2028);
  });
});

describe('indicator tables with a "Kết quả" column under horizon rows', () => {
  const table =
    'PHỤ LỤC\n\nDANH MỤC CHỈ TIÊU CỤ THỂ\n\n' +
    '| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |\n' +
    '| --- | --- | --- | --- | --- |\n' +
    '| **I** | **Đến năm 2030** | | | |\n' +
    '| 1 | Tỉ lệ người dân sử dụng dịch vụ công trực tuyến | % | ≥ 75 | Sở Khoa học và Công nghệ |\n' +
    '| 2 | Quy mô kinh tế số | % GDP | ≥ 25 | Sở Tài chính |\n' +
    '| 3 | Số bài báo khoa học công bố quốc tế tăng trung bình | %/năm | 12 | Sở Khoa học và Công nghệ |\n' +
    '| 4 | Chỉ số chuyển đổi số cấp tỉnh | Thứ bậc | ≤ 10 cả nước; ≤ 2 khu vực | Sở Khoa học và Công nghệ |\n' +
    '| **II** | **Đến năm 2035** | | | |\n' +
    '| 5 | Quy mô kinh tế số | % GDP | ≥ 35 | Sở Tài chính |\n';

  it('reads the column as targets, each row with its group horizon and agency', () => {
    const ts = targetsOf(table);
    const online = find(ts, 75);
    expect([online.year, online.metric, online.responsibleAgency]).toEqual([
      2030,
      'tỷ lệ',
      'Sở Khoa học và Công nghệ',
    ]);
    expect(find(ts, 35).year).toBe(2035);
  });

  it('"% GDP" is a share of GDP, "%/năm" after "tăng trung bình" a yearly growth', () => {
    const ts = targetsOf(table);
    expect(find(ts, 25).metric).toBe('tỷ trọng trong GRDP');
    const papers = find(ts, 12);
    expect([papers.metric, papers.period]).toEqual(['tốc độ tăng trưởng', 'hằng năm']);
  });

  it('a cell of several values gives one ranking target per scope', () => {
    const ts = targetsOf(table);
    expect(find(ts, 10)).toMatchObject({ metric: 'xếp hạng', comparator: '<=' });
    expect(find(ts, 10).subject).toContain('cả nước');
    expect(find(ts, 2).subject).toContain('khu vực');
  });

  it('a "Kết quả" column without horizon rows reports results, not targets', () => {
    const ts = targetsOf(
      'Biểu: kết quả thực hiện các chỉ tiêu\n\n' +
        '| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |\n' +
        '| --- | --- | --- | --- | --- |\n' +
        '| 1 | Tỉ lệ hồ sơ giải quyết trực tuyến | % | 68 | Văn phòng UBND tỉnh |\n',
    );
    expect(ts).toEqual([]);
  });
});

describe('what a percentage measures', () => {
  it('the contribution of TFP to growth is a share of growth, not a growth rate', () => {
    const ts = targetsOf(
      'Mục tiêu cụ thể đến năm 2030:\n\n' +
        '- Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh đạt trên 50%.\n',
    );
    const tfp = find(ts, 50);
    expect(tfp.metric).toBe('tỷ lệ');
    expect(tfp.subject).toMatch(/^đóng góp của năng suất/);
  });

  it('R&D spending set as a share of GDP is a target; a budget amount still is not', () => {
    const ts = targetsOf(
      'Mục tiêu cụ thể đến năm 2030:\n\n' +
        '- Kinh phí chi cho nghiên cứu khoa học và phát triển công nghệ (R&D) đạt 1,5% GDP.\n' +
        '- Tổng kinh phí thực hiện kế hoạch khoảng 50 tỷ đồng.\n',
    );
    expect(find(ts, 1.5).metric).toBe('chi cho R&D / GRDP');
    expect(ts.some((t) => t.value === 50)).toBe(false);
  });
});

describe('figures for a part, and years written after their figure', () => {
  it('a bracketed figure is the same measure for a part; each figure takes the year written after it', () => {
    const ts = targetsOf(
      'Mục tiêu cụ thể:\n\n' +
        '- Tỷ lệ trẻ em dưới 5 tuổi bị thấp còi giảm xuống dưới 18% (vùng đồng bào dân tộc thiểu số dưới ' +
        '25%) vào năm 2026 và dưới 16% (vùng đồng bào dân tộc thiểu số dưới 22%) vào năm 2030.\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [18, 2026],
      [25, 2026],
      [16, 2030],
      [22, 2030],
    ]);
    expect(find(ts, 16).subject).toBe(find(ts, 18).subject);
    expect(find(ts, 22).subject).toContain('vùng đồng bào dân tộc thiểu số');
  });

  it('two parts in one bracket are each named; a restated figure is no target of its own', () => {
    const ts = targetsOf(
      'Mục tiêu cụ thể:\n\n' +
        '- Tỷ lệ người cao tuổi được quản lý sức khỏe đạt 80% (thành thị trên 85% và nông thôn trên 75%) ' +
        'vào năm 2027.\n' +
        '- Số xã đạt chuẩn quốc gia về y tế đạt 90% (tương đương 120 xã) vào năm 2027.\n',
    );
    expect(find(ts, 85).subject).toContain('(thành thị)');
    expect(find(ts, 75).subject).toContain('(nông thôn)');
    expect(ts.some((t) => t.value === 120)).toBe(false);
  });

  it('a year closing a list of items holds for the items before it', () => {
    const ts = targetsOf(
      'Mục tiêu cụ thể:\n\n' +
        '- Tỷ lệ thừa cân béo phì được kiểm soát: trẻ dưới 5 tuổi ở mức dưới 9%; học sinh phổ thông ở mức ' +
        'dưới 18%; người trưởng thành ở mức dưới 21% vào năm 2027.\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [9, 2027],
      [18, 2027],
      [21, 2027],
    ]);
  });

  it('the vision year of a title is no horizon for the targets of its period', () => {
    const ts = targetsOf(
      'II. MỤC TIÊU\n\n2. Mục tiêu cụ thể\n\n- Tỷ lệ trường học tổ chức bữa ăn bán trú đạt 80%.\n',
      meta('Chiến lược phát triển giáo dục giai đoạn 2021-2030, tầm nhìn đến năm 2045'),
    );
    expect([find(ts, 80).year, find(ts, 80).period]).toEqual([null, '2021-2030']);
  });

  it('a share of plan the document strives for is a target; one reached is not', () => {
    const ts = targetsOf(
      'Mục tiêu năm 2026:\n\n' +
        '- Đẩy nhanh giải ngân vốn đầu tư công, phấn đấu tỷ lệ giải ngân năm 2026 đạt 95% kế hoạch vốn được giao.\n' +
        '- Giá trị sản xuất công nghiệp đạt 88% kế hoạch.\n',
    );
    expect(find(ts, 95).year).toBe(2026);
    expect(ts.some((t) => t.value === 88)).toBe(false);
  });
});
