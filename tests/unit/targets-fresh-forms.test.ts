/**
 * Forms of targets found on unseen plans and resolutions (population, school health, tobacco control,
 * socio-economic plans), written here in the standard wording of such documents: the horizon a list
 * inherits from its lead-in, heading or title; "Label: value unit" indicator lines; reductions against a
 * base; elliptical items; result sections; capitals and footnote marks. Dev passages guard what must not
 * change (rule rates are no reductions).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Target } from '../../core/types.ts';
import { passageTargets, planMeta, targetOfValue } from '../helpers/targets.ts';
import { runTargets } from '../../scripts/eval-extraction/target-eval.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');

function meta(date: string | null, title: string | null): DocumentMeta {
  return planMeta({ date, title });
}

const targetsOf = (text: string, m: DocumentMeta = meta('2025-03-10', null)): Target[] =>
  passageTargets(text, m);
const find = targetOfValue;

describe('year and period a list inherits', () => {
  it('a plain lead-in "Các chỉ tiêu chủ yếu năm 2026:" gives its year to the items below', () => {
    const ts = targetsOf(
      'Căn cứ tình hình thực tế, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau.\n\n' +
        'Các chỉ tiêu chủ yếu năm 2026:\n\n' +
        '- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%;\n' +
        '- Tỷ lệ che phủ rừng đạt 41,5%.\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [95, 2026],
      [41.5, 2026],
    ]);
  });

  it('a lead-in without a year ("Các chỉ tiêu chủ yếu:") takes the horizon of the title', () => {
    const ts = targetsOf(
      'Các chỉ tiêu chủ yếu:\n1. Về xã hội:\n- Tỷ lệ hộ nghèo giảm từ 1% trở lên.\n- Tỷ lệ đô thị hóa đạt 25%.\n',
      meta('2025-12-09', 'KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026'),
    );
    expect(ts.map((t) => t.year)).toEqual([2026, 2026]);
  });

  it('the title the head states in capitals gives its period when the metadata has no title', () => {
    const text =
      'KẾ HOẠCH\nTRIỂN KHAI CHƯƠNG TRÌNH Y TẾ TRƯỜNG HỌC GIAI ĐOẠN 2025-2027\n' +
      'Thực hiện chương trình của Chính phủ, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n' +
      '1. Về chăm sóc sức khỏe học sinh gồm các chỉ tiêu sau đây:\n' +
      '- 85% trường học có phòng y tế đạt chuẩn.\n';
    const [t] = targetsOf(text);
    expect([t?.value, t?.year, t?.period]).toEqual([85, null, '2025-2027']);
  });

  it('"Phấn đấu đến năm 2028:" over a list opens objectives where no heading did', () => {
    const ts = targetsOf(
      'Điều 2. Ủy ban nhân dân tỉnh tổ chức thực hiện chương trình như sau.\n\n' +
        'Phấn đấu đến năm 2028:\n\n- 95% trạm y tế xã có bác sĩ;\n- Tỷ lệ tiêm chủng đầy đủ đạt 98%.\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [95, 2028],
      [98, 2028],
    ]);
  });

  it('"Phấn đấu đến 2027, …" (no "năm") is a horizon', () => {
    const ts = targetsOf(
      '- Về cơ sở vật chất\nPhấn đấu đến 2027, tỷ lệ phòng học kiên cố đạt 85%, có ít nhất 60% trường đạt chuẩn quốc gia.\n',
    );
    expect(ts.map((t) => [t.value, t.comparator, t.year])).toEqual([
      [85, '=', 2027],
      [60, '>=', 2027],
    ]);
    expect(ts[0]!.subject).toBe('phòng học kiên cố');
  });

  it('a heading wrapped over two lines ("2.1. Giai đoạn 2025 -" + "2027") still gives its period', () => {
    const text =
      'II. MỤC TIÊU\n2. Mục tiêu cụ thể\n2.1. Giai đoạn 2025 -\n2027\n' +
      '- Giảm tỷ lệ hút thuốc lá trong nhóm nam từ 15 tuổi trở lên xuống dưới 38%.\n';
    const [t] = targetsOf(text, meta('2025-04-02', 'PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ ĐẾN NĂM 2030'));
    expect([t?.value, t?.year, t?.period]).toEqual([38, null, '2025-2027']);
  });

  it('a reference year ("15% so năm 2024") is no baseline; "Năm 2024 đạt …" is', () => {
    const ts = targetsOf(
      'I. MỤC TIÊU\n2. Chỉ tiêu kế hoạch năm 2025\n' +
        '- Năm 2024 đạt 70% số xã có điểm tư vấn.\n' +
        '- Giảm số vị thành niên có thai ngoài ý muốn: 15% so năm 2024;\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([[15, 2025]]);
  });
});

describe('"Label: value unit" indicator lines', () => {
  const ts = targetsOf(
    'I. MỤC TIÊU\n2. Chỉ tiêu kế hoạch năm 2025\n2.1. Chỉ tiêu cơ bản\n' +
      '- Tuổi thọ trung bình (tính từ lúc sinh): 74,2 tuổi;\n' +
      '- Tỷ số giới tính khi sinh: 110,5 số bé trai/100 bé gái sinh ra sống;\n' +
      '- Tổng tỷ suất sinh: 2,05 con/phụ nữ.\n' +
      '- Tỷ suất sinh thô: 13,5‰.\n' +
      '2.2. Chỉ tiêu chuyên môn\n' +
      '- Điều chỉnh mức sinh (+/-CBR): +0,2 %0 so với năm 2024;\n' +
      '- Tỷ lệ phụ nữ mang thai được tầm soát (sàng lọc trước sinh): 60%;\n' +
      '- Tổng số người mới sử dụng biện pháp tránh thai hiện đại trong năm 4.850.000 người;\n',
  );

  it('each line is a target of the heading year, the label its subject', () => {
    expect(ts.map((t) => [t.subject, t.metric, t.value, t.unit, t.year])).toEqual([
      ['tuổi thọ', 'khác', 74.2, 'tuổi', 2025],
      ['tỷ số giới tính khi sinh', 'khác', 110.5, 'bé trai/100 bé gái', 2025],
      ['tổng tỷ suất sinh', 'khác', 2.05, 'con/phụ nữ', 2025],
      ['tỷ suất sinh thô', 'khác', 13.5, '‰', 2025],
      ['mức sinh', 'khác', 0.2, '‰', 2025],
      ['phụ nữ mang thai được tầm soát (sàng lọc trước sinh)', 'tỷ lệ', 60, '%', 2025],
      ['người mới sử dụng biện pháp tránh thai hiện đại trong năm', 'số lượng', 4850000, 'người', 2025],
    ]);
  });
});

describe('reductions', () => {
  it('"Giảm …: 15% so năm 2024" is a reduction of what follows "Giảm"', () => {
    const t = find(
      targetsOf(
        'I. MỤC TIÊU\nChỉ tiêu năm 2025:\n- Giảm số thanh niên có thai ngoài ý muốn: 15% so năm 2024;\n',
      ),
      15,
    );
    expect([t.subject, t.metric, t.unit]).toEqual(['thanh niên có thai ngoài ý muốn', 'mức giảm', '%']);
  });

  it('"giảm trung bình 0,3%/năm" is a yearly reduction in %; the next item starts after "/năm"', () => {
    const ts = targetsOf(
      'Phấn đấu đến năm 2027, tỷ lệ trẻ em suy dinh dưỡng thể nhẹ cân giảm trung bình 0,3%/năm, ' +
        'duy trì tỷ lệ trẻ em suy dinh dưỡng thể thấp còi giảm trung bình 0,25%/năm;\n',
    );
    expect(ts.map((t) => [t.subject, t.metric, t.unit, t.period])).toEqual([
      ['trẻ em suy dinh dưỡng thể nhẹ cân', 'mức giảm', '%', 'hằng năm'],
      ['trẻ em suy dinh dưỡng thể thấp còi', 'mức giảm', '%', 'hằng năm'],
    ]);
  });

  it('"-0,2 điểm phần trăm" is a reduction in percentage points', () => {
    const t = find(
      targetsOf(
        'I. MỤC TIÊU\nChỉ tiêu năm 2025:\n- Giảm tỷ số giới tính khi sinh (-SRB): -0,2 điểm phần trăm so với năm 2024;\n',
      ),
      0.2,
    );
    expect([t.subject, t.metric, t.unit]).toEqual(['tỷ số giới tính khi sinh', 'mức giảm', 'điểm phần trăm']);
  });

  it('"Giảm tỷ lệ … xuống dưới 38%" is the level aimed at, not a reduction; a list dash is no sign', () => {
    const ts = targetsOf(
      'I. MỤC TIÊU\nĐến năm 2030:\n- Giảm tỷ lệ hút thuốc lá ở nam giới xuống dưới 38%;\n- 100% trường học không khói thuốc lá.\n',
    );
    expect(ts.map((t) => t.metric)).toEqual(['tỷ lệ', 'tỷ lệ']);
  });

  it('dev 2553/QĐ-TTg: interest rates "điều chỉnh giảm từ 6,6%/năm … xuống 6,24%/năm" are no targets', () => {
    expect(runTargets(path.join(DEV, 'tvpl-193-2553-QD-TTg.txt'))).toEqual([]);
  });
});

describe('elliptical items', () => {
  it('GRDP structure: "công nghiệp - xây dựng chiếm 50%, dịch vụ chiếm 41%, …" are shares of GRDP', () => {
    const ts = targetsOf(
      'Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030 với các nội dung sau:\n' +
        '2. Các chỉ tiêu chủ yếu\n' +
        '(1) Cơ cấu GRDP đến năm 2030: công nghiệp - xây dựng chiếm 50%, dịch vụ chiếm 41%, nông nghiệp chiếm 9%;\n' +
        '(2) Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) bình quân từ 9% trở lên;\n',
      meta('2025-12-10', null),
    );
    expect(ts.map((t) => [t.subject, t.metric, t.value, t.year, t.period])).toEqual([
      ['công nghiệp - xây dựng', 'tỷ trọng trong GRDP', 50, 2030, null],
      ['dịch vụ', 'tỷ trọng trong GRDP', 41, 2030, null],
      ['nông nghiệp', 'tỷ trọng trong GRDP', 9, 2030, null],
      ['tăng trưởng kinh tế', 'tốc độ tăng trưởng', 9, null, '2026-2030'],
    ]);
  });

  it('"Cơ cấu kinh tế: A 42%; B 38%; C 20%" lists shares of GRDP', () => {
    const ts = targetsOf(
      'Chỉ tiêu năm 2026:\n- Cơ cấu kinh tế: Công nghiệp - xây dựng 42%; dịch vụ 38%; nông, lâm nghiệp và thủy sản 20%.\n',
    );
    expect(ts.map((t) => [t.subject, t.metric])).toEqual([
      ['công nghiệp - xây dựng', 'tỷ trọng trong GRDP'],
      ['dịch vụ', 'tỷ trọng trong GRDP'],
      ['nông, lâm nghiệp và thủy sản', 'tỷ trọng trong GRDP'],
    ]);
  });

  it('"tại nhà hàng …", "nhóm nữ …", "thể gầy còm …" keep the head of the item before', () => {
    const ts = targetsOf(
      'I. MỤC TIÊU\na) Giai đoạn 2025 - 2027:\n' +
        '- Giảm tỷ lệ hút thuốc lá trong nhóm nam từ 15 tuổi trở lên xuống dưới 38%; nhóm nữ từ 15 tuổi trở lên xuống dưới 1,2%[1];\n' +
        '- Giảm tỷ lệ tiếp xúc thụ động với khói thuốc lá tại nơi làm việc xuống dưới 28%; tại nhà hàng xuống dưới 70%;\n' +
        '- Giảm tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể thấp còi xuống 25%, thể gầy còm xuống dưới 5%.\n',
    );
    expect(ts.map((t) => t.subject)).toEqual([
      'hút thuốc lá trong nhóm nam từ 15 tuổi trở lên',
      'hút thuốc lá trong nhóm nữ từ 15 tuổi trở lên',
      'tiếp xúc thụ động với khói thuốc lá tại nơi làm việc',
      'tiếp xúc thụ động với khói thuốc lá tại nhà hàng',
      'suy dinh dưỡng trẻ em dưới 5 tuổi thể thấp còi',
      'suy dinh dưỡng trẻ em dưới 5 tuổi thể gầy còm',
    ]);
    for (const t of ts) expect(t.subject).toMatch(/^\p{Ll}/u);
  });
});

describe('results are not targets', () => {
  it("a part that assesses last year's results gives no targets; the plan's objectives do", () => {
    const ts = targetsOf(
      'Phần I\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\n' +
        'I. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NĂM 2024\n' +
        '1. Về hạ tầng số: 100% xã được phủ sóng 4G; 12/15 dịch vụ dữ liệu được đưa vào sử dụng, đạt 80% mục tiêu.\n' +
        'Phần II\nKẾ HOẠCH NĂM 2025\nI. MỤC TIÊU\n' +
        '1. Phấn đấu đến năm 2025, 100% hộ gia đình được phủ cáp quang.\n',
      meta('2024-10-20', 'CHUYỂN ĐỔI SỐ NĂM 2025'),
    );
    expect(ts.map((t) => [t.subject, t.value, t.year])).toEqual([
      ['hộ gia đình được phủ cáp quang', 100, 2025],
    ]);
  });

  it('expected results ("Kết quả cần đạt") are aims, not results', () => {
    const ts = targetsOf(
      'II. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao sức khỏe học sinh.\n2. Kết quả cần đạt\n' +
        '- Đến năm 2027, 90% trường học có nhân viên y tế.\n',
    );
    expect(ts.map((t) => [t.value, t.year])).toEqual([[90, 2027]]);
  });

  it('"Theo thống kê, … giai đoạn 2011-2015 bình quân tăng 8.000 người/năm" is a past figure', () => {
    const ts = targetsOf(
      'Điều 1. Sửa đổi Đề án đào tạo nghề cho lao động nông thôn đến năm 2020 như sau:\n' +
        '3.1. Dự báo về lao động - việc làm\n' +
        'Theo thống kê, dân số giai đoạn 2011-2015 bình quân tăng 8.000 người/năm.\n' +
        'Dân số giai đoạn 2011-2015 bình quân tăng 8.500 người/năm.\n',
      meta('2016-07-01', null),
    );
    expect(ts).toEqual([]);
  });
});

describe('case and footnotes', () => {
  it('a subject read from a title in capitals is lower case', () => {
    const ts = targetsOf(
      'CHỈ THỊ\nVỀ CÁC GIẢI PHÁP BẢO ĐẢM MỤC TIÊU TĂNG TRƯỞNG CẢ NƯỚC NĂM 2026 ĐẠT 10% TRỞ LÊN\n',
      {
        ...meta(
          '2026-02-01',
          'VỀ CÁC GIẢI PHÁP BẢO ĐẢM MỤC TIÊU TĂNG TRƯỞNG CẢ NƯỚC NĂM 2026 ĐẠT 10% TRỞ LÊN',
        ),
        issuer: 'Thủ tướng Chính phủ',
        locality: null,
        province: null,
      },
    );
    expect(ts.map((t) => [t.subject, t.value, t.year])).toEqual([['tăng trưởng cả nước', 10, 2026]]);
  });

  it('a footnote mark after a value ("1,2%[2]") keeps the target', () => {
    const ts = targetsOf(
      'I. MỤC TIÊU\nĐến năm 2030:\n- Giảm tỷ lệ hút thuốc lá trong nhóm nam xuống dưới 40%[1]; nhóm nữ xuống dưới 1,2%[2].\n',
    );
    expect(ts.map((t) => [t.subject, t.value])).toEqual([
      ['hút thuốc lá trong nhóm nam', 40],
      ['hút thuốc lá trong nhóm nữ', 1.2],
    ]);
  });
});

describe('a place named in a breakdown', () => {
  // form: national plans give a total, then each city's share ("…, trong đó Hà Nội có tối thiểu …")
  const ts = targetsOf(
    'KẾ HOẠCH\n\nI. MỤC TIÊU\n\n2. Mục tiêu cụ thể đến năm 2030\n\n' +
      'a) Nồng độ bụi mịn PM2.5 trung bình năm tại Hà Nội đạt dưới 40 µg/m3.\n' +
      'b) Số công trình xanh đạt tối thiểu 500 công trình, trong đó Hà Nội có tối thiểu 200 công trình.\n',
    {
      ...meta('2025-11-10', null),
      number: '100/QĐ-TTg',
      issuer: 'Thủ tướng Chính phủ',
      locality: null,
      province: null,
    },
  );
  it('measures what the item measured, at that place', () => {
    expect(find(ts, 200).subject).toBe('công trình xanh tại Hà Nội');
    expect(find(ts, 500).subject).toBe('công trình xanh');
  });
  it('a subject that names a place keeps its capitals', () => {
    expect(find(ts, 40).subject).toBe('nồng độ bụi mịn PM2.5 trung bình năm tại Hà Nội');
  });
});
