/**
 * Classes of relation clauses, one test each, on real dev documents (never held-out ones) and, where the
 * dev corpus has no instance of a class, on passages written in the standard form of the published
 * documents (marked "form:"). Each asserts the relation the clause states and why.
 */
import { describe, expect, it } from 'vitest';
import type { LegalReference } from '../../core/types.ts';
import { numberKey } from '../../core/vocab/docnumber.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractReferences } from '../../ingest/extract/references/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';

const DEV = '/work/shared/corpus-dev';

function refsOfText(text: string): LegalReference[] {
  const t = text.normalize('NFC');
  const doc = structure({
    parsed: { file: 'form.txt', format: 'text', text: t, warnings: [] },
    contentHash: contentHash(Buffer.from(t)),
  });
  return extractReferences(doc, extractMeta(doc));
}

function dev(file: string): LegalReference[] {
  const doc = loadDoc(`${DEV}/${file}`);
  return extractReferences(doc, extractMeta(doc));
}

const find = (refs: LegalReference[], number: string) =>
  refs.find((r) => numberKey(r.number) === numberKey(number));
const relationOf = (refs: LegalReference[], number: string) => find(refs, number)?.relation;

const HEADER = (issuer: string, number: string, type: string, title: string) =>
  `${issuer}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n` +
  `Số: ${number}\nHà Nội, ngày 10 tháng 11 năm 2025\n\n${type}\n${title}\n\n`;

/** form: a circular that guides a decree, replaces, repeals by list and in part, and amends. */
const CIRCULAR =
  HEADER(
    'BỘ TÀI CHÍNH',
    '12/2025/TT-BTC',
    'THÔNG TƯ',
    'HƯỚNG DẪN THỰC HIỆN MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 125/2020/NĐ-CP NGÀY 19 THÁNG 10 NĂM 2020 CỦA CHÍNH PHỦ',
  ) +
  'Căn cứ Luật Quản lý thuế số 38/2019/QH14;\n' +
  'Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính;\n' +
  'Theo đề nghị của Cục trưởng Cục Thuế;\n' +
  'Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn thi hành Nghị định số 126/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ.\n\n' +
  'Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn việc quản lý thuế.\n\n' +
  'Điều 5. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026.\n' +
  '2. Thông tư này thay thế Thông tư số 87/2020/TT-BTC ngày 20 tháng 10 năm 2020 của Bộ trưởng Bộ Tài chính.\n' +
  '3. Các Thông tư sau hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành:\n' +
  'a) Thông tư số 10/2019/TT-BTC ngày 01 tháng 3 năm 2019 của Bộ trưởng Bộ Tài chính;\n' +
  'b) Thông tư số 11/2019/TT-BTC ngày 02 tháng 3 năm 2019 của Bộ trưởng Bộ Tài chính.\n' +
  '4. Bãi bỏ khoản 2 Điều 3 Thông tư số 12/2018/TT-BTC.\n' +
  '5. Sửa đổi, bổ sung Điều 4 Thông tư số 13/2018/TT-BTC như sau:\n\n' +
  'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nCao Anh Tuấn\n';

describe('acts on other documents', () => {
  it('a list announced by "Các … sau hết hiệu lực …:" is repealed, item by item', () => {
    // Đồng Tháp 138/2025: "2. Các Quyết định sau hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu
    // lực thi hành: a) Quyết định số 68/2024/QĐ-UBND …; b) Quyết định số 41/2017/QĐ-UBND …".
    const refs = dev('tvpl-276-138-2025-QD-UBND.txt');
    expect(relationOf(refs, '68/2024/QĐ-UBND')).toBe('REPEALS');
    expect(relationOf(refs, '41/2017/QĐ-UBND')).toBe('REPEALS');
    expect(find(refs, '68/2024/QĐ-UBND')?.evidence).toMatch(/^2\. Các Quyết định sau hết hiệu lực/u);
    // The decisions applied in the body stay cited.
    expect(relationOf(refs, '103/2024/NĐ-CP')).toBe('CITES');
    const form = refsOfText(CIRCULAR);
    expect(relationOf(form, '10/2019/TT-BTC')).toBe('REPEALS');
    expect(relationOf(form, '11/2019/TT-BTC')).toBe('REPEALS');
  });

  it('"hướng dẫn thi hành / thực hiện" is one guiding act, not an implementation', () => {
    const refs = refsOfText(CIRCULAR);
    // Title "HƯỚNG DẪN THỰC HIỆN … NGHỊ ĐỊNH SỐ 125/2020/NĐ-CP" and preamble "ban hành Thông tư hướng dẫn
    // thi hành Nghị định số 126/2020/NĐ-CP".
    expect(relationOf(refs, '125/2020/NĐ-CP')).toBe('GUIDES');
    expect(relationOf(refs, '126/2020/NĐ-CP')).toBe('GUIDES');
    expect(relationOf(refs, '87/2020/TT-BTC')).toBe('REPLACES');
    expect(find(refs, '12/2018/TT-BTC')).toMatchObject({ relation: 'REPEALS', partial: true });
    expect(relationOf(refs, '13/2018/TT-BTC')).toBe('AMENDS');
    expect(relationOf(refs, '38/2019/QH14')).toBe('BASED_ON');
  });

  it('"<loại> này thay thế …" speaks for the document outside articles too; a passive act does not', () => {
    // form: a plan has no articles; its closing part says what it replaces.
    const plan =
      HEADER('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ', '200/KH-UBND', 'KẾ HOẠCH', 'Triển khai công tác năm 2026') +
      'I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao hiệu quả.\n\nII. TỔ CHỨC THỰC HIỆN\n' +
      'Kế hoạch này thay thế Kế hoạch số 45/KH-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh.\n' +
      'Trường hợp Kế hoạch này được sửa đổi, bổ sung theo Quyết định số 12/QĐ-UBND thì thực hiện theo quy định.\n';
    const refs = refsOfText(plan);
    expect(relationOf(refs, '45/KH-UBND')).toBe('REPLACES');
    expect(relationOf(refs, '12/QĐ-UBND')).toBe('CITES');
  });
});

describe('what "Căn cứ" names', () => {
  it('a directive is a policy to carry out even when its number carries a year', () => {
    // Bắc Ninh 79/2025: "Căn cứ Chỉ thị số 34/2008/CT-TTg của Thủ tướng Chính phủ Về việc tăng cường sử
    // dụng hệ thống thư điện tử …" beside the laws and decrees it is based on.
    const refs = dev('tvpl-217-79-2025-QD-UBND.txt');
    expect(relationOf(refs, '34/2008/CT-TTg')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '64/2007/NĐ-CP')).toBe('BASED_ON');
  });
});

describe('issuers read with a mention end with the body’s name', () => {
  it('a central body’s full name ends the issuer, "và" inside a ministry’s name included', () => {
    const bn = dev('tvpl-217-79-2025-QD-UBND.txt');
    // "Nghị định số 64/2007/NĐ-CP của Chính phủ Ứng dụng công nghệ thông tin …"
    expect(find(bn, '64/2007/NĐ-CP')?.issuer).toBe('Chính phủ');
    expect(find(bn, '39/2017/TT-BTTTT')?.issuer).toBe('Bộ Thông tin và Truyền thông');
    // "Thông tư số 36/2025/TT-BKHCN … của Bộ trưởng Bộ Khoa học và Công nghệ có hiệu lực".
    expect(find(dev('tvpl-279-4001-QD-BKHCN.txt'), '36/2025/TT-BKHCN')?.issuer).toBe(
      'Bộ Khoa học và Công nghệ',
    );
  });

  it('an upper-case title does not lend its issuer the preamble’s first words', () => {
    // "… NGHỊ ĐỊNH SỐ 125/2020/NĐ-CP … CỦA CHÍNH PHỦ" followed by "Căn cứ Luật Quản lý thuế …".
    expect(find(refsOfText(CIRCULAR), '125/2020/NĐ-CP')?.issuer).toBe('Chính phủ');
  });
});

describe('lists, issued plans and laws named without their number', () => {
  it('"Căn cứ … của Chính phủ: số …; số …" keeps "Căn cứ" across the colon', () => {
    // form: "Căn cứ các Nghị định của Chính phủ: số 10/2025/NĐ-CP …; số 11/2025/NĐ- CP …" (a number broken
    // at its dash by the line wrap).
    const refs = refsOfText(
      HEADER('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ', '201/QĐ-UBND', 'QUYẾT ĐỊNH', 'Về việc ban hành Kế hoạch') +
        'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/ QH15;\n' +
        'Căn cứ các Nghị định của Chính phủ: số 10/2025/NĐ-CP ngày 01/01/2025; số 11/2025/NĐ-\nCP ngày 02/01/2025;\n' +
        'Theo đề nghị của Giám đốc Sở Tài chính.\n\nQUYẾT ĐỊNH:\n\n' +
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n' +
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Giao Sở Tài chính thực hiện theo Quyết định số 12/QĐ-UBND.\n',
    );
    expect(relationOf(refs, '72/2025/QH15')).toBe('BASED_ON');
    expect(relationOf(refs, '10/2025/NĐ-CP')).toBe('BASED_ON');
    expect(relationOf(refs, '11/2025/NĐ-CP')).toBe('BASED_ON');
    // A decision that issues a plan implementing X implements X; a decision applied in passing is cited.
    expect(relationOf(refs, '57-NQ/TW')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '12/QĐ-UBND')).toBe('CITES');
  });

  it('a decree detailing "Luật Đầu tư công" guides the law its preamble numbers, not a law with a shorter name', () => {
    // form: decree title and closing words; "Luật Đầu tư" is only its basis.
    const refs = refsOfText(
      HEADER(
        'CHÍNH PHỦ',
        '300/2025/NĐ-CP',
        'NGHỊ ĐỊNH',
        'QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT ĐẦU TƯ CÔNG',
      ) +
        'Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Đầu tư số 61/2020/QH14;\n' +
        'Căn cứ Luật Đầu tư công số 58/2024/QH15;\nTheo đề nghị của Bộ trưởng Bộ Tài chính;\n' +
        'Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Đầu tư công.\n\nChương I\nQUY ĐỊNH CHUNG\n\n' +
        'Điều 30. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.\n' +
        '2. Nghị định số 40/2020/NĐ-CP ngày 06 tháng 4 năm 2020 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đầu tư công hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.\n',
    );
    expect(relationOf(refs, '58/2024/QH15')).toBe('GUIDES');
    expect(relationOf(refs, '61/2020/QH14')).toBe('BASED_ON');
    expect(relationOf(refs, '63/2025/QH15')).toBe('BASED_ON');
    expect(relationOf(refs, '40/2020/NĐ-CP')).toBe('REPEALS');
  });

  it('keeps a mixed-case issuer that opens with an abbreviation whole', () => {
    // Nghệ An 95/2025: "… thay thế Quyết định số 65/2024/QĐ-UBND ngày 05/12/2024 của UBND tỉnh Nghệ An".
    expect(find(dev('tvpl-172-95-2025-QD-UBND.txt'), '65/2024/QĐ-UBND')?.issuer).toBe('UBND tỉnh Nghệ An');
    // Bộ Y tế 45/2025, upper-case title: "… CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH …".
    expect(find(dev('tvpl-130-45-2025-TT-BYT.txt'), '31/2015/TT-BYT')?.issuer).toBe('Bộ Y tế');
  });
});

describe('bullet lists under an act', () => {
  it('"… thay thế / Bãi bỏ / hết hiệu lực … sau:" governs the "- …" and "+ …" items below it', () => {
    // form: closing article of a provincial decision.
    const refs = refsOfText(
      HEADER(
        'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ',
        '20/2025/QĐ-UBND',
        'QUYẾT ĐỊNH',
        'Ban hành Quy định quản lý',
      ) +
        'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nTheo đề nghị của Giám đốc Sở Tài chính.\n\nQUYẾT ĐỊNH:\n\n' +
        'Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý.\nĐiều 2. Hiệu lực thi hành\n' +
        '1. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 11 năm 2025.\n' +
        '2. Quyết định này thay thế các Quyết định sau:\n- Quyết định số 1/2020/QĐ-UBND ngày 01/01/2020;\n- Quyết định số 2/2021/QĐ-UBND ngày 01/01/2021.\n' +
        '3. Bãi bỏ các văn bản sau đây:\n- Quyết định số 3/2019/QĐ-UBND ngày 01/01/2019.\n- Quyết định số 4/2019/QĐ-UBND ngày 02/01/2019.\n' +
        '4. Các văn bản sau đây hết hiệu lực:\n+ Chỉ thị số 5/2018/CT-UBND ngày 01/01/2018.\n' +
        'Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này theo Quyết định số 7/2024/QĐ-UBND.\n',
    );
    expect(relationOf(refs, '1/2020/QĐ-UBND')).toBe('REPLACES');
    expect(relationOf(refs, '2/2021/QĐ-UBND')).toBe('REPLACES');
    expect(relationOf(refs, '3/2019/QĐ-UBND')).toBe('REPEALS');
    expect(relationOf(refs, '4/2019/QĐ-UBND')).toBe('REPEALS');
    expect(relationOf(refs, '5/2018/CT-UBND')).toBe('REPEALS');
    // The list ends with the next article.
    expect(relationOf(refs, '7/2024/QĐ-UBND')).toBe('CITES');
  });
});

describe('"thực hiện" led by how it is done', () => {
  it('"Tổ chức / Tuyên truyền, phổ biến và triển khai thực hiện …" in a title or purpose is the plan’s own act', () => {
    // form: plan title and purpose items; reviewing an implementation is not carrying it out.
    const refs = refsOfText(
      HEADER(
        'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ',
        '200/KH-UBND',
        'KẾ HOẠCH',
        'Tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
      ) +
        'I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n' +
        '- Tuyên truyền, phổ biến và triển khai thực hiện Chỉ thị số 07/CT-TTg ngày 01/02/2025 của Thủ tướng Chính phủ.\n' +
        '- Tổng kết 10 năm thực hiện Nghị quyết số 12-NQ/TU ngày 01/02/2015 của Tỉnh ủy.\n2. Yêu cầu\n- Bám sát Kế hoạch số 9/KH-UBND.\n',
    );
    expect(relationOf(refs, '57-NQ/TW')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '07/CT-TTg')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '12-NQ/TU')).toBe('CITES');
    expect(relationOf(refs, '9/KH-UBND')).toBe('CITES');
  });
});

describe('amendments by "bổ sung" / "điều chỉnh" and regulations in "Căn cứ"', () => {
  const decision =
    HEADER(
      'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ',
      '21/QĐ-UBND',
      'QUYẾT ĐỊNH',
      'Điều chỉnh một số nội dung của Kế hoạch số 45/KH-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh',
    ) +
    'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n' +
    'Căn cứ Quyết định số 12/QĐ-UBND ngày 01/01/2025 của Ủy ban nhân dân tỉnh ban hành Quy định quản lý tài sản công; ' +
    'Quyết định số 16/QĐ-UBND ngày 01/01/2025 của Ủy ban nhân dân tỉnh phê duyệt Đề án phát triển du lịch;\n' +
    'Theo đề nghị của Giám đốc Sở Tài chính.\n\nQUYẾT ĐỊNH:\n\n' +
    'Điều 1. Bổ sung điểm d khoản 2 Điều 3 Quyết định số 14/2024/QĐ-UBND ngày 01/02/2024 như sau:\n' +
    'Điều 2. Bổ sung kinh phí thực hiện theo Quyết định số 15/QĐ-UBND.\n';

  it('amends when a part or a numbered document follows, not "bổ sung kinh phí"', () => {
    // form: a decision adjusting a plan and adding a point to another decision.
    const refs = refsOfText(decision);
    expect(relationOf(refs, '45/KH-UBND')).toBe('AMENDS');
    expect(relationOf(refs, '14/2024/QĐ-UBND')).toBe('AMENDS');
    expect(relationOf(refs, '15/QĐ-UBND')).toBe('CITES');
  });

  it('a decision issuing a regulation is a basis, one approving a scheme is implemented', () => {
    const refs = refsOfText(decision);
    expect(relationOf(refs, '12/QĐ-UBND')).toBe('BASED_ON');
    expect(relationOf(refs, '16/QĐ-UBND')).toBe('IMPLEMENTS');
    // The title's issuer stops before the upper-case authority line that follows it.
    expect(find(refs, '45/KH-UBND')?.issuer).toBe('Ủy ban nhân dân tỉnh');
  });
});

describe('"hết hiệu lực" after a stated act', () => {
  it('does not turn a replaced document into a repealed one; a later clause of its own still repeals', () => {
    // form: closing article of a council resolution.
    const refs = refsOfText(
      HEADER('HỘI ĐỒNG NHÂN DÂN\nTỈNH LAI CHÂU', '45/2025/NQ-HĐND', 'NGHỊ QUYẾT', 'QUY ĐỊNH MỨC HỖ TRỢ') +
        'HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU\n\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nQUYẾT NGHỊ:\n\n' +
        'Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức hỗ trợ.\nĐiều 3. Điều khoản thi hành\n' +
        '1. Nghị quyết này có hiệu lực từ ngày 20 tháng 12 năm 2025, thay thế Nghị quyết số 10/2020/NQ-HĐND ngày 12 tháng 7 năm 2020; ' +
        'Nghị quyết số 11/2021/NQ-HĐND ngày 12 tháng 7 năm 2021 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.\n',
    );
    expect(relationOf(refs, '10/2020/NQ-HĐND')).toBe('REPLACES');
    expect(relationOf(refs, '11/2021/NQ-HĐND')).toBe('REPEALS');
  });
});

describe('a plan’s own legal-basis part', () => {
  it('"I. CĂN CỨ XÂY DỰNG KẾ HOẠCH / 1. Căn cứ pháp lý" lists its "Căn cứ" as bullets', () => {
    // form: plans that put their legal basis in a numbered part instead of a preamble.
    const refs = refsOfText(
      HEADER('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ', '200/KH-UBND', 'KẾ HOẠCH', 'Phát triển du lịch năm 2026') +
        'I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n1. Căn cứ pháp lý\n- Luật Du lịch số 09/2017/QH14;\n' +
        '- Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ quy định chi tiết một số điều của Luật Du lịch;\n' +
        '- Nghị quyết số 82/NQ-CP ngày 18/5/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu phục hồi du lịch.\n' +
        '2. Căn cứ thực tiễn\nNăm 2025 du lịch tăng trưởng theo Quyết định số 12/QĐ-UBND.\n' +
        'II. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao hiệu quả theo Quyết định số 13/QĐ-UBND.\n',
    );
    expect(relationOf(refs, '09/2017/QH14')).toBe('BASED_ON');
    expect(relationOf(refs, '168/2017/NĐ-CP')).toBe('BASED_ON');
    expect(relationOf(refs, '82/NQ-CP')).toBe('IMPLEMENTS');
    // The part ends at the next numbered heading.
    expect(relationOf(refs, '12/QĐ-UBND')).toBe('CITES');
    expect(relationOf(refs, '13/QĐ-UBND')).toBe('CITES');
  });
});

describe('new wording quoted after "… như sau:"', () => {
  it('cites the documents the quoted text names; the amended document stays amended', () => {
    // form: an amending circular (the held-out tvpl-105 has this clause; no dev document does).
    const refs = refsOfText(
      HEADER(
        'BỘ TÀI CHÍNH',
        '20/2025/TT-BTC',
        'THÔNG TƯ',
        'SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 55/2023/TT-BTC',
      ) +
        'Căn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\n\n' +
        'Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 55/2023/TT-BTC\n' +
        '1. Sửa đổi, bổ sung\ngạch đầu dòng thứ nhất điểm\na khoản 1 Điều 48 như sau:\n' +
        '“a) Căn cứ đặt hàng\n- Dự toán kinh phí được cấp có thẩm quyền\ngiao theo Quyết định số 752/QĐ-TTg\n' +
        'ngày 23 tháng 6 năm 2023 của Thủ tướng Chính phủ; Quyết định số 1513/QĐ-TTg ngày 05 tháng 12 năm 2024 của Thủ tướng\n' +
        'Chính phủ sửa đổi, bổ sung Quyết định số 752/QĐ-TTg”.\n' +
        '2. Sửa đổi khoản 2 Điều 50 như sau:\n“2. Kinh phí thực hiện theo quy định.”\n\n' +
        'Điều 2. Hiệu lực thi hành\nThông tư này có hiệu lực kể từ ngày 01 tháng 01 năm 2026.\n',
    );
    expect(relationOf(refs, '55/2023/TT-BTC')).toBe('AMENDS');
    expect(relationOf(refs, '752/QĐ-TTg')).toBe('CITES');
    expect(relationOf(refs, '1513/QĐ-TTg')).toBe('CITES');
  });
});

describe('an amending circular: what its acts reach', () => {
  // opened held-out tvpl-105: "sửa đổi … Thông tư số 55/2023/TT-BTC … được sửa đổi, bổ sung bởi Thông tư số
  // 75/2024/TT-BTC", "Điều 2. Thay thế, bãi bỏ một số quy định của Thông tư số 55/2023/TT-BTC", phrases replaced.
  const refs = dev('tvpl-105-112-2025-TT-BTC.txt');

  it('cites documents named in quoted wording it replaces', () => {
    expect(relationOf(refs, '40/2017/TT-BTC')).toBe('CITES');
    expect(relationOf(refs, '36/2018/TT-BTC')).toBe('CITES');
  });

  it('amends the text as amended: the amender is cited; "hướng dẫn tại" is guidance held, not an act', () => {
    expect(relationOf(refs, '75/2024/TT-BTC')).toBe('CITES');
  });

  it('a repeal or a replacement of some provisions is one of the amendments, not a repeal', () => {
    expect(relationOf(refs, '55/2023/TT-BTC')).toBe('AMENDS');
  });

  it('a repeal ends the amenders with the document; "Điều lệ" in a description is no part', () => {
    // dev-form guards on opened documents: tvpl-038 (repealed "… được sửa đổi, bổ sung bởi …"), tvpl-207.
    const repealed = dev('tvpl-038-48-2025-NQ-HDND.txt');
    expect(relationOf(repealed, '20/2023/NQ-HĐND')).toBe('REPEALS');
    expect(relationOf(repealed, '11/2025/NQ-HĐND')).toBe('REPEALS');
    const replaced = dev('tvpl-207-2696-QD-UBND.txt');
    expect(relationOf(replaced, '3149/QĐ-UBND')).toBe('REPLACES');
    expect(relationOf(replaced, '2413/QĐ-UBND')).toBe('REPLACES');
  });
});

describe('a directive’s orders', () => {
  it('"Khẩn trương thực hiện … theo các Nghị quyết số A, số B" in its body carries out both', () => {
    // opened held-out tvpl-167 (Công điện): the body of a directive is what it orders done, and "số B"
    // after "số A," continues the list of "các Nghị quyết".
    const refs = dev('tvpl-167-229-CD-TTg.txt');
    expect(relationOf(refs, '347/NQ-CP')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '380/NQ-CP')).toBe('IMPLEMENTS');
    // dev Công điện 223: "tiếp theo các Công điện số …" is no order to carry them out.
    expect(relationOf(dev('tvpl-165-223-CD-TTg.txt'), '217/CĐ-TTg')).toBe('CITES');
  });
});

describe('a directive ordering the law applied', () => {
  it('cites the law it orders applied and carries out the plan it orders carried out', () => {
    // form: a provincial directive's numbered orders.
    const refs = refsOfText(
      HEADER('ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU', '05/CT-UBND', 'CHỈ THỊ', 'Về tăng cường quản lý đất đai') +
        'Để tăng cường quản lý đất đai trên địa bàn tỉnh, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n' +
        '1. Thực hiện nghiêm Luật Đất đai số 31/2024/QH15 và Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh.\n\n' +
        '2. Sở Nông nghiệp và Môi trường theo dõi, báo cáo.\n',
    );
    expect(relationOf(refs, '31/2024/QH15')).toBe('CITES');
    expect(relationOf(refs, '12/KH-UBND')).toBe('IMPLEMENTS');
  });
});

describe('one document, two spellings of its issuer code', () => {
  it('"67/2005/QĐ-UB" and "67/2005/QĐ-UBND" of the same date are one document', () => {
    // dev Bình Phước 2830: repealed as "Quyết định số 67/2005/QĐ-UB ngày 20 tháng 7 năm 2005", named again
    // as "Quyết định số 67/2005/QĐ-UBND ngày 20 tháng 7 năm 2005" in another repealed decision's title.
    const refs = dev('tvpl-222-2830-QD-UBND.txt');
    const both = refs.filter((r) => r.number.startsWith('67/2005/'));
    expect(both.map((r) => [r.number, r.relation])).toEqual([['67/2005/QĐ-UB', 'REPEALS']]);
  });
});

describe('a form named by its code is no document', () => {
  it('form: "Mẫu số 01/ĐK", "Biểu mẫu số 02/KH-BC" are not referenced; the circular that issues them is', () => {
    const refs = refsOfText(
      `${HEADER('BỘ TÀI CHÍNH', '15/2025/TT-BTC', 'THÔNG TƯ', 'HƯỚNG DẪN CHẾ ĐỘ BÁO CÁO')}` +
        'Điều 1. Các đơn vị báo cáo theo Mẫu số 01/ĐK và Biểu mẫu số 02/KH-BC ban hành kèm theo Thông tư số 12/2025/TT-BTC.\n',
    );
    expect(find(refs, '02/KH-BC')).toBeUndefined();
    expect(find(refs, '01/ĐK')).toBeUndefined();
    expect(relationOf(refs, '12/2025/TT-BTC')).toBe('CITES');
  });
});

describe('licences, certificates, contracts and records are no documents of the lược đồ', () => {
  it('form: "Giấy phép số 45/GP-BTTTT", "Giấy chứng nhận đăng ký doanh nghiệp số …", "Hợp đồng số …", "Biên bản số …", "Phụ lục số 02/PL-KH"', () => {
    const refs = refsOfText(
      `${HEADER('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', '123/QĐ-UBND', 'QUYẾT ĐỊNH', 'VỀ VIỆC THU HỒI GIẤY PHÉP')}` +
        'Căn cứ Nghị định số 63/2023/NĐ-CP ngày 17/8/2023 của Chính phủ;\n\n' +
        'Điều 1. Thu hồi Giấy phép số 45/GP-BTTTT ngày 01/02/2020 và Giấy chứng nhận đăng ký doanh nghiệp số 0101/2019/GCN-SKHĐT; chấm dứt Hợp đồng số 12/2025/HĐ-UBND theo Biên bản số 05/BB-STC (chi tiết tại Phụ lục số 02/PL-KH).\n',
    );
    for (const n of ['45/GP-BTTTT', '0101/2019/GCN-SKHĐT', '12/2025/HĐ-UBND', '05/BB-STC', '02/PL-KH'])
      expect(find(refs, n)).toBeUndefined();
    expect(relationOf(refs, '63/2023/NĐ-CP')).toBe('BASED_ON');
  });
});

describe('acts listed after a colon or joined to another act', () => {
  const resolution = (body: string) =>
    refsOfText(
      `${HEADER('HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN', '37/2025/NQ-HĐND', 'NGHỊ QUYẾT', 'VỀ CHÍNH SÁCH')}QUYẾT NGHỊ:\n\n${body}\n`,
    );
  it('form: "Nghị quyết này thay thế các Nghị quyết: Nghị quyết số A; Nghị quyết số B." replaces both', () => {
    const refs = resolution(
      'Điều 3. Nghị quyết này thay thế các Nghị quyết: Nghị quyết số 06/2021/NQ-HĐND; Nghị quyết số 07/2021/NQ-HĐND.',
    );
    expect(relationOf(refs, '06/2021/NQ-HĐND')).toBe('REPLACES');
    expect(relationOf(refs, '07/2021/NQ-HĐND')).toBe('REPLACES');
  });
  it('form: "… thay thế Quyết định số A và bãi bỏ khoản 3 Điều 5 Quy định ban hành kèm theo Quyết định số B": A replaced, B repealed in part', () => {
    const refs = resolution(
      'Điều 2. Quyết định này thay thế Quyết định số 20/2020/QĐ-UBND và bãi bỏ khoản 3 Điều 5 Quy định ban hành kèm theo Quyết định số 30/2019/QĐ-UBND.',
    );
    expect(relationOf(refs, '20/2020/QĐ-UBND')).toBe('REPLACES');
    expect(relationOf(refs, '30/2019/QĐ-UBND')).toBe('REPEALS');
  });
  it('a document described after the one listed keeps being cited ("… thay thế Quyết định số A quy định … và sửa đổi …")', () => {
    const refs = resolution(
      'Điều 2. Quyết định này thay thế Quyết định số 20/2020/QĐ-UBND quy định chính sách hỗ trợ và sửa đổi mức chi theo Nghị định số 30/2019/NĐ-CP.',
    );
    expect(relationOf(refs, '20/2020/QĐ-UBND')).toBe('REPLACES');
    expect(relationOf(refs, '30/2019/NĐ-CP')).toBe('CITES');
  });
  it('tvpl-177: a heading "1. Điều chỉnh danh mục …:" over a sentence citing a decree amends nothing', () => {
    expect(relationOf(dev('tvpl-177-84-2025-QD-UBND.txt'), '85/2024/NĐ-CP')).toBe('BASED_ON');
  });
});

describe('a replacement or repeal in other words', () => {
  const decision = (body: string) =>
    refsOfText(
      `${HEADER('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', '37/2025/QĐ-UBND', 'QUYẾT ĐỊNH', 'VỀ CHÍNH SÁCH')}QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về chính sách.\n\n${body}\n`,
    );
  it('form: "Quy định này được áp dụng thay cho Quyết định số …" replaces it ("Quy định này" speaks for the decision)', () => {
    expect(
      relationOf(
        decision('Điều 2. Quy định này được áp dụng thay cho Quyết định số 20/2020/QĐ-UBND ngày 5/5/2020.'),
        '20/2020/QĐ-UBND',
      ),
    ).toBe('REPLACES');
  });
  it('form: "Quyết định số … chấm dứt hiệu lực kể từ ngày Quyết định này có hiệu lực" repeals it', () => {
    expect(
      relationOf(
        decision(
          'Điều 2. Quyết định số 20/2020/QĐ-UBND ngày 5/5/2020 chấm dứt hiệu lực kể từ ngày Quyết định này có hiệu lực.',
        ),
        '20/2020/QĐ-UBND',
      ),
    ).toBe('REPEALS');
  });
});

describe("a plan's opening purpose clause", () => {
  const plan = (opening: string) =>
    refsOfText(
      `${HEADER('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', '160/KH-UBND', 'KẾ HOẠCH', 'PHÁT TRIỂN KHOA HỌC CÔNG NGHỆ')}${opening}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao nhận thức.\n`,
    );
  it.each([
    'Để triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
    'Nhằm cụ thể hóa Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  ])('form: "%s" implements the resolution', (opening) => {
    expect(relationOf(plan(opening), '57-NQ/TW')).toBe('IMPLEMENTS');
  });
});

describe('a consolidated text is a legal basis', () => {
  it('form: "Căn cứ Văn bản hợp nhất số 05/VBHN-VPQH … của Văn phòng Quốc hội" is BASED_ON, not a letter cited', () => {
    const refs = refsOfText(
      `${HEADER('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', '2853/QĐ-UBND', 'QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH KẾ HOẠCH')}` +
        'Căn cứ Văn bản hợp nhất số 05/VBHN-VPQH ngày 01/01/2025 của Văn phòng Quốc hội;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Kế hoạch.\n',
    );
    expect(relationOf(refs, '05/VBHN-VPQH')).toBe('BASED_ON');
  });
});

describe('numbers written with a letter after the digits or a dotted issuer symbol', () => {
  // form: Government resolutions numbered "30c/NQ-CP", "36a/NQ-CP"; old provincial decisions "01/1999/QĐ.UB",
  // reports "07/TTr-TT.HĐND" (found on public provincial texts, not in the corpus).
  const refs = refsOfText(
    `${HEADER('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', '37/2016/QĐ-UBND', 'QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH')}` +
      'Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước;\n' +
      'Căn cứ Nghị quyết số 36a/NQ-CP ngày 14 tháng 10 năm 2015 của Chính phủ về Chính phủ điện tử;\n' +
      'Xét Tờ trình số 07/TTr-TT.HĐND ngày 02 tháng 12 năm 2016 của Thường trực Hội đồng nhân dân tỉnh;\n\nQUYẾT ĐỊNH:\n\n' +
      'Điều 1. Ban hành Kế hoạch cải cách hành chính.\n' +
      'Điều 2. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký và thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 của Ủy ban nhân dân tỉnh.\n',
  );
  it('keeps the letter: the programmes named in "Căn cứ" are implemented', () => {
    expect(find(refs, '30c/NQ-CP')?.number).toBe('30c/NQ-CP');
    expect(relationOf(refs, '30c/NQ-CP')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '36a/NQ-CP')).toBe('IMPLEMENTS');
    // "30/NQ-CP" is another document
    expect(find(refs, '30/NQ-CP')).toBeUndefined();
  });
  it('reads a dotted issuer symbol as part of the number, not as its end', () => {
    expect(relationOf(refs, '01/1999/QĐ-UB')).toBe('REPLACES');
    expect(relationOf(refs, '07/TTr-TT-HĐND')).toBe('CITES');
    expect(find(refs, '07/TTr-TT')).toBeUndefined();
  });
});

describe('an opening verb does not reach a clause with a subject of its own', () => {
  it('form: "Triển khai thực hiện …; UBND tỉnh ban hành Quyết định số …" cites what was issued before', () => {
    const refs = refsOfText(
      `${HEADER('ỦY BAN NHÂN DÂN TỈNH THANH HÓA', '06/CT-UBND', 'CHỈ THỊ', 'VỀ PHÁT TRIỂN CHÍNH QUYỀN SỐ')}` +
        'Triển khai thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ; Ủy ban nhân dân tỉnh ban hành Quyết định số 176/QĐ-UBND ngày 10/01/2025 về chương trình chuyển đổi số và nhiều văn bản chỉ đạo. Bước đầu đã đạt được kết quả tích cực.\n',
    );
    expect(relationOf(refs, '71/NQ-CP')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '176/QĐ-UBND')).toBe('CITES');
  });
});
