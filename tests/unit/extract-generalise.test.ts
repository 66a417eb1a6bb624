/**
 * Forms of assignment that notices, dispatches and Government resolutions use and the plan-tuned rules
 * missed (issue 10, generalisation): "(i) …" items under "đề nghị:", a topic before the agency ("Về việc
 * …: UBND … xử lý"), place lists closing an office ("Chủ tịch UBND các tỉnh: Khánh Hòa, …"), shared-head
 * lists with the duty after them ("Các Bộ: Quốc phòng, Tài chính kịp thời …"), groups ending in "liên
 * quan" as coordinating bodies, and deadlines stated after a completion verb. Passages of dev documents.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanAgencyName,
  coordinatingPhrase,
  leadingAgency,
  splitAgencies,
} from '../../ingest/extract/agencies/index.ts';
import { agencyItemTasks } from '../../ingest/extract/tasks/agency-items.ts';
import { deadlineInText } from '../../ingest/extract/tasks/deadline.ts';
import { fieldLineTasks } from '../../ingest/extract/tasks/field-lines.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { headingHorizon } from '../../ingest/extract/targets/horizon.ts';
import { quantities } from '../../ingest/extract/targets/quantity.ts';
import { objectiveLines } from '../../ingest/extract/targets/scope.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { cellOf, logicalLines, readTables, toLines } from '../../ingest/extract/text/index.ts';
import { CORPUS_DEV, runGolden } from '../../scripts/eval-extraction/task-eval.ts';

const dev = (file: string): string => path.join(CORPUS_DEV, file);

describe('leads of notices and dispatches', () => {
  it('tvpl-163: a topic clause before the agency is an opening, the agency leads', () => {
    const t = leadingAgency(
      'Về việc thỏa thuận giao cắt tuyến ống Cái Mép-Phú Mỹ: Ủy ban nhân dân Thành phố Hồ Chí Minh xử lý dứt điểm trong tháng 11 năm 2025',
    );
    expect(t?.names).toEqual(['Ủy ban nhân dân Thành phố Hồ Chí Minh']);
    const g = leadingAgency(
      'Về thủ tục nhập khẩu tàu LNG để thực hiện công tác vận chuyển khí LNG: Giao Bộ Xây dựng hướng dẫn Chủ đầu tư các thủ tục cần thiết để thực hiện.',
    );
    expect(g?.names).toEqual(['Bộ Xây dựng']);
  });
  it('tvpl-163: a body outside the gazetteer is cut at its verb ("… Việt Nam báo cáo Thủ tướng …")', () => {
    const t = leadingAgency(
      'Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam báo cáo Thủ tướng Chính phủ xem xét',
    );
    expect(t).toEqual({
      names: ['Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam'],
      rest: 'báo cáo Thủ tướng Chính phủ xem xét',
    });
  });
  it('tvpl-163: the duty starts where the name ends, not at a later verb', () => {
    const t = leadingAgency(
      'Chủ đầu tư, trong phạm vi, trách nhiệm của mình, nỗ lực, đẩy nhanh tiến độ thực hiện',
    );
    expect(t?.rest).toMatch(/^trong phạm vi/u);
  });
  it('tvpl-165: offices sharing a place list, then another body, then the duty', () => {
    const t = leadingAgency(
      'Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai và lãnh đạo các Bộ, ngành theo chức năng, nhiệm vụ, thẩm quyền tiếp tục tập trung',
    );
    expect(t?.names).toEqual([
      'Bí thư tỉnh ủy các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai',
      'Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai',
      'Lãnh đạo các Bộ, ngành',
    ]);
    expect(t?.rest).toMatch(/tiếp tục tập trung$/u);
  });
  it('tvpl-165: "Các Bộ: Quốc phòng, Tài chính kịp thời …" names two ministries', () => {
    const t = leadingAgency(
      'Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp các phương tiện, trang thiết bị',
    );
    expect(t).toEqual({
      names: ['Bộ Quốc phòng', 'Bộ Tài chính'],
      rest: 'kịp thời xuất cấp các phương tiện, trang thiết bị',
    });
  });
  it('tvpl-163: every "(i) …" item under "đề nghị:" is a task with its own lead', () => {
    const { tasks } = runGolden(dev('tvpl-163-653-TB-VPCP.txt'));
    const leads = tasks.map((t) => t.lead.map((a) => a.name).join('; '));
    expect(leads).toContain('Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam');
    expect(leads).toContain('Ủy ban nhân dân tỉnh Đồng Nai');
    expect(leads.filter((l) => l === 'Chủ đầu tư')).toHaveLength(2);
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    // The appraisals (a) "Đánh giá cao …") are no tasks.
    expect(tasks.filter((t) => /^Đánh giá cao/u.test(t.title))).toEqual([]);
  });
});

describe('coordinating groups and deadlines in prose', () => {
  it('tvpl-163: "phối hợp chặt chẽ với các đơn vị liên quan hoàn thành …" names the group only', () => {
    expect(
      coordinatingPhrase(
        'Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan hoàn thành nghiệm thu các hạng mục',
      ),
    ).toEqual(['các đơn vị liên quan']);
  });
  it.each([
    [
      'hoàn thành nghiệm thu các hạng mục còn lại … công trình xây dựng trong tháng 11 năm 2025.',
      'tháng 11 năm 2025',
    ],
    ['ký hợp đồng chính thức trong tháng 12 năm 2025.', 'tháng 12 năm 2025'],
    ['hoàn thành đưa dự án vào vận hành trong năm 2027, đảm bảo chất lượng', 'năm 2027'],
    ['gửi Sở Tài chính trước ngày 15/12/2025', '15/12/2025'],
  ])('tvpl-163 and plans: "%s" has deadline %s', (text, want) => {
    expect(deadlineInText(text)).toBe(want);
  });
  it('tvpl-172: a date long past conditions a case and is no deadline', () => {
    expect(deadlineInText('đất được giao trước ngày 01/7/2004 khi thực hiện cấp giấy chứng nhận')).toBeNull();
  });
  it('tvpl-163: an inspection week is not the deadline of the report', () => {
    expect(
      deadlineInText(
        'báo cáo Phó Thủ tướng Chính phủ chương trình kiểm tra tiến độ, thời gian trong tuần ngày 15 đến ngày 31 tháng 12 năm 2025.',
      ),
    ).toBeNull();
  });
});

describe('task tables: header variants and empty cells', () => {
  // Rows of tvpl-008's appendix table (one cell per paragraph), with the header written in the two forms
  // exports use: one level ("CHỦ TRÌ / PHỐI HỢP") and a spanning "Cơ quan thực hiện" over its sub-labels.
  const rows = [
    '1',
    'Rà soát, kịp thời cụ thể hoá các cơ chế, chính sách khuyến khích xã hội hóa, thu hút đầu tư.',
    'Sở Tài chính',
    'Sở, ban, ngành có liên quan',
    'Thường xuyên',
    '2',
    'Đề xuất giải pháp cải thiện môi trường đầu tư, kinh doanh; ưu tiên thu hút dự án ứng dụng công nghệ cao.',
    'Sở Tài chính',
    '2026',
  ];
  const read = (header: string[]) => {
    const [t] = readTables([...header, ...rows].join('\n\n'));
    return t!.rows.map((r) => [
      cellOf(t!, r, 'lead'),
      cellOf(t!, r, 'coordinating'),
      cellOf(t!, r, 'deadline'),
    ]);
  };
  const want = [
    ['Sở Tài chính', 'Sở, ban, ngành có liên quan', 'Thường xuyên'],
    ['Sở Tài chính', null, '2026'],
  ];
  it('tvpl-008: an empty coordinating cell leaves no paragraph; the time cell still lands in the deadline column', () => {
    expect(read(['STT', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'CHỦ TRÌ', 'PHỐI HỢP', 'THỜI GIAN'])).toEqual(want);
  });
  it('a spanning "Cơ quan thực hiện" header with "Chủ trì / Phối hợp" under it, and a "Số TT" label', () => {
    expect(read(['Số TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Thời gian', 'Chủ trì', 'Phối hợp'])).toEqual(
      want,
    );
  });
  it('tvpl-008 row 4 with its duty over two paragraphs and one paragraph per coordinating body', () => {
    const text = [
      ...['STT', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'CHỦ TRÌ', 'PHỐI HỢP', 'THỜI GIAN'],
      '4',
      'Xây dựng cơ chế đặt hàng nghiên cứu khoa học và công nghệ của Tỉnh gắn với nhu cầu thực tiễn,',
      'khuyến khích mô hình hợp tác công - tư (PPP) trong phát triển hạ tầng công nghệ và đổi mới sáng tạo.',
      'Sở Khoa học và Công nghệ',
      'Viện, Trường',
      'Doanh nghiệp, Sở, ban, ngành có liên quan',
      '2026',
    ].join('\n\n');
    const [t] = readTables(text);
    const r = t!.rows[0]!;
    expect(cellOf(t!, r, 'title')).toMatch(/^Xây dựng cơ chế đặt hàng .* đổi mới sáng tạo\.$/u);
    expect(cellOf(t!, r, 'lead')).toBe('Sở Khoa học và Công nghệ');
    expect(cellOf(t!, r, 'coordinating')).toBe('Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan');
    expect(cellOf(t!, r, 'deadline')).toBe('2026');
  });
  it('a pipe table whose second header row names the sub-columns', () => {
    const text = [
      '| TT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian |',
      '| | | Chủ trì | Phối hợp | |',
      `| 1 | ${rows[1]} | Sở Tài chính | Sở, ban, ngành có liên quan | Thường xuyên |`,
    ].join('\n');
    const [t] = readTables(text);
    expect(t!.roles).toEqual(['tt', 'title', 'lead', 'coordinating', 'deadline']);
    expect(cellOf(t!, t!.rows[0]!, 'coordinating')).toBe('Sở, ban, ngành có liên quan');
  });
});

describe('council and Government resolutions', () => {
  it('tvpl-055: "… các Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố" names four bodies, the deputies as an office', () => {
    expect(
      splitAgencies(
        'Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố Hà Nội',
      ),
    ).toEqual([
      'Thường trực Hội đồng nhân dân',
      'các Ban của Hội đồng nhân dân',
      'các Tổ đại biểu',
      'Đại biểu Hội đồng nhân dân thành phố Hà Nội',
    ]);
  });
  it('tvpl-067: an item marker run into the sentence before it ("tiêu cực.2. Giao Thường trực …") opens an item', () => {
    const { tasks } = runGolden(dev('tvpl-067-63-2025-NQ-HDND.txt'));
    const t = tasks.find((x) => /^giám sát thực hiện Nghị quyết/u.test(x.title));
    expect(t?.lead.map((a) => a.name)).toHaveLength(4);
  });
  it('tvpl-082: the office leads, not the person holding it', () => {
    expect(cleanAgencyName('Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình')).toBe(
      'Phó Thủ tướng Thường trực Chính phủ',
    );
    // Place names that open with a family name stay ("Hà Nội", "Hồ Chí Minh", "Hà Tĩnh").
    for (const name of [
      'Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
      'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
      'Giám đốc Công an tỉnh Hà Tĩnh',
    ])
      expect(cleanAgencyName(name)).toBe(name);
  });
});

describe('assignments inside a paragraph and closing calls', () => {
  it('tvpl-082: "… năm 2025. Giao Bộ Công an chủ trì, phối hợp …" inside Điều 1 is a task of Bộ Công an', () => {
    const { tasks } = runGolden(dev('tvpl-082-377-NQ-CP.txt'));
    const t = tasks.find((x) => /^chủ trì, phối hợp với các bộ/u.test(x.title));
    expect(t?.lead.map((a) => a.name)).toEqual(['Bộ Công an']);
  });
  it('tvpl-017: "Yêu cầu các sở, ban, ngành … nghiêm túc triển khai thực hiện./." is no task', () => {
    const { tasks } = runGolden(dev('tvpl-017-235-KH-UBND.txt'));
    expect(tasks.filter((t) => /^(?:nghiêm túc )?triển khai thực hiện/u.test(t.title))).toEqual([]);
  });
});

describe('targets: the plan year of a title or heading', () => {
  it('tvpl-017: "… TỈNH THANH HÓA NĂM 2026" (issued 2025) gives its aims the year 2026', () => {
    expect(
      headingHorizon(
        'QUAN TRẮC, CẢNH BÁO MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN TRÊN ĐỊA BÀN TỈNH THANH HÓA NĂM 2026',
        2025,
      ),
    ).toEqual({ year: 2026, span: null });
  });
  it('tvpl-053: a date ("ngày … tháng 11 năm 2025") and a year before the issue are no horizon', () => {
    expect(
      headingHorizon(
        'Tờ trình số 300/TTr-UBND ngày 20 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố',
        2025,
      ),
    ).toEqual({
      year: null,
      span: null,
    });
    expect(
      headingHorizon('Kế hoạch phát triển kinh tế - xã hội năm 2025 và Kế hoạch 5 năm', 2026).year,
    ).toBeNull();
  });
  it('"đến năm 2030" and spans still win over a bare year', () => {
    expect(headingHorizon('Mục tiêu đến năm 2030, tầm nhìn năm 2045', 2025)).toEqual({
      year: 2030,
      span: null,
    });
  });
});

describe('targets: ranges written with the unit twice, and sibling horizons', () => {
  // No dev or seed passage writes these forms; the sentences are written in the wording of the plans.
  it('"đạt từ 30% đến 40%" is one range, "30% đến năm 2030" is no range (constructed)', () => {
    const [q] = quantities('tỷ lệ người nghiện được cai nghiện đạt từ 30% đến 40%');
    expect([q?.value, q?.valueMin, q?.valueMax, q?.unit]).toEqual([null, 30, 40, '%']);
    const single = quantities('kinh tế số chiếm 30% đến năm 2030');
    expect(single.map((x) => [x.value, x.unit])).toEqual([[30, '%']]);
  });
  it('a sibling item after "a) Đến năm 2030:" does not inherit its year (constructed objective part)', () => {
    const text = [
      'II. MỤC TIÊU',
      '2. Mục tiêu cụ thể',
      'a) Đến năm 2030:',
      '- Tỷ lệ xã, phường không ma túy đạt 50%.',
      'b) Hằng năm, tỷ lệ người nghiện được cai nghiện đạt từ 30% đến 40%.',
    ].join('\n\n');
    const doc = structure({
      parsed: { file: 'x.txt', format: 'text', text, warnings: [] },
      contentHash: contentHash(Buffer.from(text)),
    });
    const lines = objectiveLines(doc, 2025);
    expect(lines.map((l) => l.heading.year)).toEqual([2030, null]);
  });
});

describe('indicator tables with an empty unit cell (constructed: no dev table has a unit column)', () => {
  it('"Số xã đạt chuẩn …" with no unit cell keeps its figures in the value columns and counts xã', () => {
    const text = [
      'Điều 1. Thông qua các chỉ tiêu chủ yếu năm 2026 như sau:',
      ...['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Ước thực hiện năm 2025', 'Kế hoạch năm 2026'],
      ...['1', 'Tỷ lệ hộ nghèo', '%', '1,2', '0,9'],
      ...['2', 'Số xã đạt chuẩn nông thôn mới nâng cao', '5', '10'],
    ].join('\n\n');
    const doc = structure({
      parsed: { file: 'x.txt', format: 'text', text, warnings: [] },
      contentHash: contentHash(Buffer.from(text)),
    });
    const meta = {
      ...extractMeta(doc),
      date: '2025-12-10',
      title: 'KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026',
    };
    const got = extractTargets(doc, meta).map((t) => [t.value, t.unit, t.year]);
    expect(got).toEqual([
      [0.9, '%', 2026],
      [10, 'xã', 2026],
    ]);
  });
});

describe('labelled fields on one line or in parentheses (constructed: no dev plan writes these forms)', () => {
  const lines = (text: string) => toLines(logicalLines(text));
  it('"Cơ quan chủ trì: …; cơ quan phối hợp: …; thời gian hoàn thành: …" on one line', () => {
    const [t] = fieldLineTasks(
      lines(
        '1. Xây dựng cơ sở dữ liệu dân cư số của tỉnh.\n\nCơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: Sở Khoa học và Công nghệ; thời gian hoàn thành: Quý II/2026.',
      ),
    );
    expect([t?.title, t?.lead, t?.coordinating, t?.deadline]).toEqual([
      'Xây dựng cơ sở dữ liệu dân cư số của tỉnh.',
      ['Công an tỉnh'],
      ['Sở Khoa học và Công nghệ'],
      'Quý II/2026',
    ]);
  });
  it('a duty closing with "(Cơ quan, đơn vị chủ trì: Sở Nội vụ; thời gian: năm 2026)"', () => {
    const [t] = fieldLineTasks(
      lines(
        '2. Tổ chức tập huấn kỹ năng số cho cán bộ, công chức (Cơ quan, đơn vị chủ trì: Sở Nội vụ; thời gian: năm 2026).',
      ),
    );
    expect([t?.title, t?.lead, t?.deadline]).toEqual([
      'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức',
      ['Sở Nội vụ'],
      'năm 2026',
    ]);
  });
});

describe('groups of bodies and yearly report dates', () => {
  it('tvpl-174: "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" is one group', () => {
    expect(splitAgencies('Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ')).toEqual([
      'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
    ]);
    // A named body after the group still opens a new one.
    expect(splitAgencies('Các sở, ban, ngành, Ủy ban nhân dân các xã, phường')).toHaveLength(2);
  });
  it('tvpl-008: "… kế hoạch chi tiết hằng năm và định kỳ báo cáo … trước ngày 20/11" is due 20/11 each year', () => {
    expect(
      deadlineInText(
        'có trách nhiệm xây dựng kế hoạch chi tiết hằng năm và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ để tổng hợp.',
      ),
    ).toBe('20/11 hằng năm');
  });
});

describe('coordinating bodies, headings in capitals and labels before the agency', () => {
  it('tvpl-276: "phối hợp với Sở Nông nghiệp và Môi trường thường xuyên tổ chức …" names the department only', () => {
    expect(
      coordinatingPhrase(
        'chủ trì, phối hợp với Sở Nông nghiệp và Môi trường thường xuyên tổ chức hướng dẫn cho cán bộ của Bộ phận Một cửa cấp xã',
      ),
    ).toEqual(['Sở Nông nghiệp và Môi trường']);
  });
  // No dev document writes these two forms; the items are written in the wording of the plans.
  it('"4. SỞ TÀI CHÍNH" in capitals heads its block (constructed)', () => {
    expect(leadingAgency('SỞ TÀI CHÍNH')?.names).toEqual(['Sở Tài chính']);
  });
  it('"Chế độ báo cáo: Các cơ quan, đơn vị báo cáo …" — a label before the agency (constructed)', () => {
    const t = leadingAgency('Chế độ báo cáo: Các cơ quan, đơn vị báo cáo kết quả thực hiện về Công an tỉnh');
    expect([t?.names, t?.opening]).toEqual([['Các cơ quan, đơn vị'], true]);
  });
});

describe('offices over a shared-head list (constructed: dispatch wording, no dev passage)', () => {
  it('"Bộ trưởng các Bộ: Y tế, Tài chính theo chức năng …" names two ministers', () => {
    const t = leadingAgency(
      'Bộ trưởng các Bộ: Y tế, Tài chính theo chức năng, nhiệm vụ được giao khẩn trương hướng dẫn',
    );
    expect(t?.names).toEqual(['Bộ trưởng Bộ Y tế', 'Bộ trưởng Bộ Tài chính']);
  });
  it('"Bộ trưởng, Thủ trưởng các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" stays one group of offices', () => {
    expect(
      splitAgencies('Bộ trưởng, Thủ trưởng các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ'),
    ).toHaveLength(1);
  });
});

describe('responsibility articles (constructed: decree wording, no dev article is titled this way)', () => {
  it('"Điều 31. Trách nhiệm, quyền hạn của Ủy ban nhân dân cấp tỉnh" heads the duties below it', () => {
    const text = [
      'Điều 31. Trách nhiệm, quyền hạn của Ủy ban nhân dân cấp tỉnh',
      '1. Tổ chức triển khai Nghị định này tại địa phương.',
      '2. Bố trí kinh phí thực hiện.',
    ].join('\n\n');
    const tasks = agencyItemTasks(toLines(logicalLines(text)));
    expect(tasks.map((t) => t.lead)).toEqual([['Ủy ban nhân dân cấp tỉnh'], ['Ủy ban nhân dân cấp tỉnh']]);
  });
});

describe('articles named by a body under a chapter that assigns duties (constructed: decree wording)', () => {
  const chapter = (title: string) =>
    [
      'Chương IV',
      title,
      'Điều 20. Bộ Tài chính',
      '1. Chủ trì xây dựng cơ sở dữ liệu quốc gia về quản lý.',
      '2. Hướng dẫn các bộ, ngành thực hiện Nghị định này.',
      'Điều 21. Ủy ban nhân dân cấp tỉnh',
      '1. Tổ chức triển khai Nghị định này tại địa phương.',
    ].join('\n\n');
  it('"Chương IV. TRÁCH NHIỆM CỦA CÁC BỘ, NGÀNH VÀ ĐỊA PHƯƠNG — Điều 20. Bộ Tài chính — 1. …": the body leads its items', () => {
    const tasks = agencyItemTasks(
      toLines(logicalLines(chapter('TRÁCH NHIỆM CỦA CÁC BỘ, NGÀNH VÀ ĐỊA PHƯƠNG'))),
    );
    expect(tasks.map((t) => t.lead)).toEqual([
      ['Bộ Tài chính'],
      ['Bộ Tài chính'],
      ['Ủy ban nhân dân cấp tỉnh'],
    ]);
  });
  it('"Chương II. NHIỆM VỤ, QUYỀN HẠN CỦA BỘ XÂY DỰNG — Điều 8. Về pháp luật — 1. …": the body the chapter names leads its field articles', () => {
    const text = [
      'Chương II',
      'NHIỆM VỤ, QUYỀN HẠN CỦA BỘ XÂY DỰNG',
      'Điều 8. Về pháp luật',
      '1. Trình Chính phủ dự án luật, dự thảo nghị định.',
      'Điều 9. Về quy hoạch',
      '1. Trình Thủ tướng Chính phủ chiến lược phát triển ngành.',
    ].join('\n\n');
    const tasks = agencyItemTasks(toLines(logicalLines(text)));
    expect(tasks.map((t) => t.lead.map((n) => n.toLowerCase()))).toEqual([['bộ xây dựng'], ['bộ xây dựng']]);
  });
  it('under another chapter ("Chương IV. CƠ CẤU TỔ CHỨC") an article named by a body defines it: no duties', () => {
    expect(agencyItemTasks(toLines(logicalLines(chapter('CƠ CẤU TỔ CHỨC'))))).toEqual([]);
  });
});

describe('an assignment opening a later clause (constructed: a conclusion notice)', () => {
  it('"4. Đồng ý về nguyên tắc đề xuất của tỉnh; giao Bộ Nông nghiệp và Môi trường chủ trì, …" assigns to that ministry', () => {
    const text = [
      'Phó Thủ tướng Chính phủ kết luận như sau:',
      '4. Đồng ý về nguyên tắc đề xuất của tỉnh; giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, xử lý theo quy định.',
    ].join('\n\n');
    const tasks = agencyItemTasks(toLines(logicalLines(text)));
    expect(tasks.map((t) => [t.lead, t.title.slice(0, 7)])).toEqual([
      [['Bộ Nông nghiệp và Môi trường'], 'chủ trì'],
    ]);
  });
});
