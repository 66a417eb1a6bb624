/**
 * Layouts of duty assignments found by reading public provincial and ministry texts that are not in the
 * corpus (2026-12-01, a probe of the extractor on unseen documents). Written here as passages in the
 * standard form of a coordination regulation ("Quy chế phối hợp"), a decision and a dispatch, never copied:
 * each asserts the duties with their leads.
 */
import { describe, expect, it } from 'vitest';
import { coordinatingPhrase, splitAgencies } from '../../ingest/extract/agencies/index.ts';
import { extract } from '../../ingest/extract/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';

const HEAD = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NGHỆ AN',
  '-------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  'Số: 55/2025/QĐ-UBND',
  'Nghệ An, ngày 10 tháng 11 năm 2025',
  '',
  'QUY CHẾ',
  'Phối hợp quản lý nhà nước về tôn giáo trên địa bàn tỉnh',
  '',
  'Chương I',
  'QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy chế này quy định việc phối hợp giữa các cơ quan.',
];

function duties(body: string[]): string[] {
  const text = [...HEAD, ...body].join('\n').normalize('NFC');
  const doc = structure({
    parsed: { file: 'qc.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extract(doc).tasks.map(
    (t) => `${t.lead.map((a) => a.name).join('; ')} | ${t.title}${t.deadline ? ` | ${t.deadline}` : ''}`,
  );
}

describe('an article on the duties of several bodies, one numbered item per body', () => {
  it('"Điều 7. Trách nhiệm của các sở, ngành / 1. Sở Nội vụ: / a) … b) …": each item is led by its body', () => {
    expect(
      duties([
        'Điều 7. Trách nhiệm của các sở, ngành',
        '1. Sở Nội vụ:',
        'a) Chủ trì hướng dẫn, theo dõi việc thực hiện Quy chế này.',
        'b) Tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh.',
        '2. Công an tỉnh có trách nhiệm:',
        'a) Nắm tình hình an ninh trong lĩnh vực tôn giáo.',
        '3. Sở Tài chính:',
        'a) Bố trí kinh phí thực hiện Quy chế.',
      ]),
    ).toEqual([
      'Sở Nội vụ | Chủ trì hướng dẫn, theo dõi việc thực hiện Quy chế này.',
      'Sở Nội vụ | Tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh.',
      'Công an tỉnh | Nắm tình hình an ninh trong lĩnh vực tôn giáo.',
      'Sở Tài chính | Bố trí kinh phí thực hiện Quy chế.',
    ]);
  });

  it('the body item itself is no duty led by the article\'s group ("Các cơ quan")', () => {
    const got = duties([
      'Điều 3. Trách nhiệm của các cơ quan',
      '1. Ủy ban nhân dân cấp xã:',
      'a) Quy định cụ thể nhiệm vụ của bộ phận chuyên môn.',
      'b) Hằng năm, báo cáo Ủy ban nhân dân tỉnh.',
    ]);
    expect(got).toEqual([
      'Ủy ban nhân dân cấp xã | Quy định cụ thể nhiệm vụ của bộ phận chuyên môn.',
      'Ủy ban nhân dân cấp xã | Hằng năm, báo cáo Ủy ban nhân dân tỉnh.',
    ]);
  });
});

describe('duties that stand where no heading announces them', () => {
  it('a paragraph "Trách nhiệm của Sở Y tế … như sau:" over dashes leads them', () => {
    expect(
      duties([
        'Điều 5. Giám sát bệnh truyền nhiễm',
        'Trách nhiệm của Sở Y tế trong giám sát bệnh truyền nhiễm như sau:',
        '- Chỉ đạo, hướng dẫn các đơn vị y tế thực hiện hoạt động giám sát.',
        '- Tổ chức kiểm tra, đôn đốc việc thực hiện.',
      ]),
    ).toEqual([
      'Sở Y tế | Chỉ đạo, hướng dẫn các đơn vị y tế thực hiện hoạt động giám sát.',
      'Sở Y tế | Tổ chức kiểm tra, đôn đốc việc thực hiện.',
    ]);
  });

  it('"Điều 2. Bộ Tài chính chịu trách nhiệm hướng dẫn …": an article that assigns its own duty', () => {
    expect(
      duties([
        'Điều 2. Sở Nội vụ chịu trách nhiệm hướng dẫn, kiểm tra việc thực hiện Quy chế ban hành kèm theo Quyết định này.',
        'Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.',
      ]),
    ).toEqual(['Sở Nội vụ | hướng dẫn, kiểm tra việc thực hiện Quy chế ban hành kèm theo Quyết định này.']);
  });

  it('"Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm …:" introduces its items, it is no duty itself', () => {
    expect(
      duties([
        'Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm tổ chức thực hiện Quy chế:',
        '1. Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh chỉ đạo triển khai Quy chế.',
      ]),
    ).toEqual(['Sở Nội vụ | tham mưu Ủy ban nhân dân tỉnh chỉ đạo triển khai Quy chế.']);
  });

  it('"… có ý kiến như sau:" with the assignment on the next line, no blank line between', () => {
    expect(
      duties([
        'Điều 2. Ý kiến chỉ đạo',
        'Ủy ban nhân dân tỉnh có ý kiến như sau:',
        'Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp các đơn vị liên quan nghiên cứu, đề xuất; hoàn thành trước ngày 10/12/2025.',
      ]),
    ).toEqual([
      'Sở Nông nghiệp và Môi trường | chủ trì, phối hợp các đơn vị liên quan nghiên cứu, đề xuất; hoàn thành trước ngày 10/12/2025. | 10/12/2025',
    ]);
  });
});

describe("a field heading inside a body's duties", () => {
  it('"3. Về tổ chức bộ máy: a) … b) …" gives way to its items (form: a decree on a ministry\'s functions)', () => {
    const got = duties([
      'Điều 2. Nhiệm vụ và quyền hạn',
      'Sở Nội vụ thực hiện nhiệm vụ, quyền hạn theo quy định của pháp luật và những nhiệm vụ, quyền hạn cụ thể sau đây:',
      '1. Trình Ủy ban nhân dân tỉnh dự thảo quyết định thuộc lĩnh vực nội vụ.',
      '2. Về tổ chức bộ máy:',
      'a) Thẩm định việc thành lập, tổ chức lại, giải thể các cơ quan;',
      'b) Hướng dẫn chức năng, nhiệm vụ của cơ quan chuyên môn.',
    ]);
    expect(got).toEqual([
      'Sở Nội vụ | Trình Ủy ban nhân dân tỉnh dự thảo quyết định thuộc lĩnh vực nội vụ.',
      'Sở Nội vụ | Thẩm định việc thành lập, tổ chức lại, giải thể các cơ quan;',
      'Sở Nội vụ | Hướng dẫn chức năng, nhiệm vụ của cơ quan chuyên môn.',
    ]);
  });
});

describe('a body that assigns a duty to another', () => {
  it('"Ủy ban nhân dân tỉnh giao Sở X chủ trì, phối hợp …": the body given the duty leads it', () => {
    const got = duties([
      'Điều 4. Tổ chức thực hiện',
      '1. Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính theo dõi, đôn đốc việc thực hiện Quy chế này.',
    ]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^Sở Khoa học và Công nghệ \| /u);
  });
});

describe('bodies named once by kind over a list, heading their duties', () => {
  it('"2. Các sở, ngành: Dân tộc và Tôn giáo, Tài chính (cơ quan chủ quản dự án):" leads each dash with each body', () => {
    const got = duties([
      'Điều 4. Tổ chức thực hiện',
      '1. Các sở, ngành: Dân tộc và Tôn giáo, Tài chính, Y tế (cơ quan chủ quản dự án, tiểu dự án):',
      '- Kiểm tra, giám sát việc thực hiện dự án, tiểu dự án được giao.',
      '- Gửi kết quả về Sở Nông nghiệp và Môi trường.',
    ]);
    expect(got).toEqual([
      'Sở Dân tộc và Tôn giáo; Sở Tài chính; Sở Y tế | Kiểm tra, giám sát việc thực hiện dự án, tiểu dự án được giao.',
      'Sở Dân tộc và Tôn giáo; Sở Tài chính; Sở Y tế | Gửi kết quả về Sở Nông nghiệp và Môi trường.',
    ]);
  });
});

describe('coordinating bodies named once by kind over a list', () => {
  it('"phối hợp với các Bộ: Tài chính, Công Thương" names each ministry', () => {
    expect(
      coordinatingPhrase('chủ trì, phối hợp với các Bộ: Tài chính, Kế hoạch và Đầu tư, Công Thương rà soát.'),
    ).toEqual(['Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư', 'Bộ Công Thương']);
    expect(
      coordinatingPhrase('chủ trì, phối hợp với các Sở: Tài chính, Nội vụ triển khai thực hiện.'),
    ).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
  });

  it('"Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ" is one group of office holders', () => {
    // form: the Government's resolutions and the Prime Minister's decisions name the heads of central bodies so
    expect(
      splitAgencies(
        'Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
      ),
    ).toEqual([
      'Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    ]);
  });

  it('coordinating bodies named after the lead\'s clause, with "với sự phối hợp của" or after "phối hợp:"', () => {
    // forms of provincial plans
    expect(
      coordinatingPhrase(
        'chủ trì tổ chức tuyên truyền; các sở, ngành, Ủy ban nhân dân các xã, phường phối hợp thực hiện.',
      ),
    ).toEqual(['các sở, ngành', 'Ủy ban nhân dân các xã, phường']);
    expect(
      coordinatingPhrase('chủ trì, với sự phối hợp của Sở Tài chính, Sở Nội vụ tổ chức thực hiện.'),
    ).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
    expect(coordinatingPhrase('chủ trì thực hiện; phối hợp: Sở Tài chính, Sở Nội vụ.')).toEqual([
      'Sở Tài chính',
      'Sở Nội vụ',
    ]);
    // a duty verb before the full stop ends the list
    expect(
      coordinatingPhrase('chủ trì, phối hợp với các tổ chức chính trị - xã hội tỉnh tuyên truyền.'),
    ).toEqual(['các tổ chức chính trị - xã hội tỉnh']);
  });

  it("the national press bodies by their initials (a Government resolution's duty table)", () => {
    expect(
      coordinatingPhrase('chủ trì, phối hợp với VTV, VOV, TTXVN, các địa phương tổ chức tuyên truyền.'),
    ).toEqual([
      'Đài Truyền hình Việt Nam',
      'Đài Tiếng nói Việt Nam',
      'Thông tấn xã Việt Nam',
      'các địa phương',
    ]);
  });

  it('"tổ chức" listed between bodies is a noun, not the verb that ends the list', () => {
    expect(
      coordinatingPhrase('chủ trì, phối hợp với các cơ quan, tổ chức, cá nhân có liên quan triển khai.'),
    ).toEqual(['các cơ quan, tổ chức, cá nhân có liên quan']);
  });
});

function tasksOf(text: string): string[] {
  const t = text.normalize('NFC');
  const doc = structure({
    parsed: { file: 'qd.txt', format: 'text', text: t, warnings: [] },
    contentHash: contentHash(Buffer.from(t)),
  });
  return extract(doc).tasks.map((x) => `${x.lead.map((a) => a.name).join('; ')} | ${x.title}`);
}

describe('the document a decision issues, printed after its recipients and signature', () => {
  // form: "Quyết định ban hành Kế hoạch …" with the plan after "Nơi nhận" and the signature, its parts numbered
  // I., II., III. (no "PHỤ LỤC", article or chapter to end the recipients block)
  const decision = [
    ...HEAD.slice(0, 8),
    '',
    'QUYẾT ĐỊNH',
    'Ban hành Kế hoạch tuyên truyền phòng, chống thiên tai năm 2026',
    '',
    'QUYẾT ĐỊNH:',
    'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền phòng, chống thiên tai năm 2026.',
    'Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.',
    '',
    'Nơi nhận:',
    '- Như Điều 2;',
    '- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn A',
    '',
  ];
  const plan = [
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao nhận thức của người dân.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Sở Nông nghiệp và Môi trường:',
    '- Chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.',
    '2. Ủy ban nhân dân các xã, phường:',
    '- Tổ chức tuyên truyền trên địa bàn.',
  ];
  const expected = [
    'Sở Nông nghiệp và Môi trường | Chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.',
    'Ủy ban nhân dân các xã, phường | Tổ chức tuyên truyền trên địa bàn.',
  ];
  it('with its title and "(Ban hành kèm theo …)"', () => {
    const title = [
      'KẾ HOẠCH',
      'Tuyên truyền phòng, chống thiên tai năm 2026',
      '(Ban hành kèm theo Quyết định số 55/2025/QĐ-UBND ngày 10/11/2025 của Ủy ban nhân dân tỉnh)',
      '',
    ];
    expect(tasksOf([...decision, ...title, ...plan].join('\n'))).toEqual(expected);
  });
  it('with its parts only', () => {
    expect(tasksOf([...decision, ...plan].join('\n'))).toEqual(expected);
  });
});

describe('the steps of an administrative procedure are not duties', () => {
  it('Bộ Khoa học và Công nghệ 4001: "- Cơ quan quản lý nhiệm vụ xem xét, quyết định …" under "1. Thủ tục …"', () => {
    const tasks = extract(loadDoc(`${CORPUS_DEV}/tvpl-279-4001-QD-BKHCN.txt`)).tasks;
    expect(tasks.filter((t) => /phê duyệt tổ chức chủ trì tối đa/u.test(t.title))).toEqual([]);
  });
});

describe('a labelled block whose label holds the assignment sentence', () => {
  it('"- Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y; …" leads by X, coordinates Y', () => {
    const got = extractTasksOf([
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Rà soát, kiến nghị sửa đổi, bổ sung các văn bản về quan hệ lao động.',
      '- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các cơ quan có liên quan.',
      '- Thời gian thực hiện: Hằng năm.',
    ]);
    expect(got).toEqual([
      'Sở Nội vụ | Liên đoàn Lao động tỉnh | Hằng năm | Rà soát, kiến nghị sửa đổi, bổ sung các văn bản về quan hệ lao động.',
    ]);
  });
});

function extractTasksOf(body: string[]): string[] {
  const text = [...HEAD.slice(0, 8), '', 'KẾ HOẠCH', 'Thực hiện chính sách lao động', '', ...body]
    .join('\n')
    .normalize('NFC');
  const doc = structure({
    parsed: { file: 'kh.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extract(doc).tasks.map(
    (t) =>
      `${t.lead.map((a) => a.name).join('; ')} | ${t.coordinating.map((a) => a.name).join('; ')} | ${t.deadline ?? ''} | ${t.title}`,
  );
}

describe("a council's duties under the topics it rules on", () => {
  it('"2. Về quản lý đất rừng:" over "- Ủy ban nhân dân tỉnh tập trung chỉ đạo …" (form: a question-session resolution)', () => {
    const got = extractTasksOf([
      'Điều 1. Hội đồng nhân dân tỉnh yêu cầu:',
      '1. Về quản lý đất rừng trên địa bàn tỉnh:',
      '- Ủy ban nhân dân tỉnh tập trung chỉ đạo quyết liệt việc bảo vệ và phát triển rừng.',
      '- Thực trạng quản lý đất rừng còn nhiều bất cập.',
    ]);
    expect(got).toEqual([
      'Ủy ban nhân dân tỉnh |  |  | tập trung chỉ đạo quyết liệt việc bảo vệ và phát triển rừng.',
    ]);
  });
});

describe('a time stated inside a duty', () => {
  it('a trailing labelled time or a time in the closing parenthesis is its deadline', () => {
    const got = extractTasksOf([
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Sở Nông nghiệp và Môi trường:',
      '- Chủ trì tổ chức tuyên truyền về phòng chống thiên tai. Thời gian thực hiện: Thường xuyên.',
      '- Tổng hợp, báo cáo kết quả thực hiện (thời gian: tháng 12/2026).',
      '- Xây dựng tài liệu hướng dẫn (Quý I/2026).',
    ]).map((t) => t.split(' | ')[2]);
    expect(got).toEqual(['Thường xuyên', 'Tháng 12/2026', 'Quý I/2026']);
  });
});
