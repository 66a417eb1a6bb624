/**
 * The failure classes of issue 10, each on real passages of the seeds and the dev corpus (never the
 * held-out documents): indicator/procedure tables and delegated powers are not tasks, leads are
 * organisations, titles are duties, sibling items of a responsibility block and duties after an opening
 * clause are found.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrganisation, leadingAgency } from '../../ingest/extract/agencies/index.ts';
import { isDutyTitle } from '../../ingest/extract/tasks/validate.ts';
import { columnRole, logicalLines, tableKind } from '../../ingest/extract/text/index.ts';
import { CORPUS_DEV, runGolden } from '../../scripts/eval-extraction/task-eval.ts';

const dev = (file: string): string => path.join(CORPUS_DEV, file);
const leads = (t: { lead: { name: string }[] }): string[] => t.lead.map((a) => a.name);

describe('class 1: indicators, procedures and delegated powers are not tasks', () => {
  it('a table whose agency column only monitors (Cơ quan chủ trì theo dõi, đánh giá) lists indicators', () => {
    const header = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2030', 'Cơ quan chủ trì theo dõi, đánh giá'];
    expect(tableKind(header, header.map(columnRole))).toBe('indicators');
    const monitoring = ['TT', 'Nội dung', 'Cơ quan chủ trì theo dõi, đánh giá', 'Cơ quan phối hợp'];
    expect(tableKind(monitoring, monitoring.map(columnRole))).toBe('indicators');
  });
  it('a duty table with a "Chỉ tiêu" column (what each duty must reach) lists duties; an indicator-led or measuring one, indicators', () => {
    const kind = (header: string[]) => tableKind(header, header.map(columnRole));
    expect(kind(['TT', 'Nhiệm vụ', 'Chỉ tiêu', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'])).toBe(
      'tasks',
    );
    expect(kind(['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Chỉ tiêu/Sản phẩm', 'Thời hạn'])).toBe(
      'tasks',
    );
    expect(kind(['TT', 'Chỉ tiêu', 'Nội dung thực hiện', 'Cơ quan chủ trì'])).toBe('indicators');
    expect(kind(['TT', 'Nội dung', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2030', 'Cơ quan chủ trì'])).toBe(
      'indicators',
    );
  });
  it('tvpl-279: the list of administrative procedures (Tên thủ tục hành chính / Cơ quan thực hiện) gives no task', () => {
    const { tasks } = runGolden(dev('tvpl-279-4001-QD-BKHCN.txt'));
    expect(tasks.filter((t) => /^Thủ tục/u.test(t.title))).toEqual([]);
  });
  it('tvpl-220: "Điều 2. Nội dung phân cấp — 1. Sở Tài chính: a) Giao tài sản …" lists powers, not duties', () => {
    const { tasks } = runGolden(dev('tvpl-220-36-2025-QD-CTUBND.txt'));
    expect(tasks.map((t) => t.title)).toEqual([]);
  });
  it('tvpl-008: the items of the objectives part (Mục tiêu cụ thể) are not tasks', () => {
    const { tasks } = runGolden(dev('tvpl-008-552-KH-UBND.txt'));
    expect(tasks.filter((t) => /GRDP|đạt\s+\d/u.test(t.title))).toEqual([]);
  });
});

describe('class 2: a lead is an organisation', () => {
  it.each([
    'Thường trực',
    'Các chương trình, dự án',
    'Ban hành kế hoạch',
    'Cai nghiện ma túy',
    'UBND các xã, phường bố trí ngân sách nhà nước để',
    'Doanh nghiệp viễn thông bảo đảm kinh phí',
    'Trung tâm Phục vụ hành chính công thành phố có chức năng',
    'Văn phòng đăng ký đất đai không',
  ])('"%s" is not an organisation', (name) => expect(isOrganisation(name)).toBe(false));
  it.each([
    'Các sở, ban, ngành',
    'Ủy ban nhân dân các xã, phường',
    'Trung tâm Phục vụ hành chính công thành phố',
    'Chủ tịch Ủy ban nhân dân cấp xã',
    'Bộ trưởng Bộ Tài chính',
    'Kho bạc Khu vực số 18',
    'Viettel Nghệ An',
    'Thường trực Hội đồng nhân dân',
  ])('"%s" is an organisation', (name) => expect(isOrganisation(name)).toBe(true));
  it('seed 001: "Sở Kế hoạch và Đầu tư Phối hợp với …" — the lead stops before the capitalised duty', () => {
    const text =
      'Sở Kế hoạch và Đầu tư Phối hợp với các cơ quan, đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh lồng ghép cơ chế, chính sách thu hút.';
    expect(leadingAgency(text)).toMatchObject({ names: ['Sở Kế hoạch và Đầu tư'] });
  });
  it('seed 003: no extracted lead is a fragment of a body split at a line break', () => {
    const { tasks } = runGolden('corpus/003_6bb3cc9c64edf399.txt', 'Lào Cai');
    for (const t of tasks) for (const a of t.lead) expect(isOrganisation(a.name), a.name).toBe(true);
  });
});

describe('class 3: a title states a duty', () => {
  it.each([
    'Nhiệm vụ:',
    'Thời hạn ban hành: Quý I năm 2026',
    'Thực hiện các nhiệm vụ cụ thể được giao chủ trì tại Phụ lục của Kế hoạch.',
    'Trách nhiệm cụ thể',
    'Mục đích, yêu cầu',
    'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân tỉnh',
  ])('"%s" is not a duty', (title) => expect(isDutyTitle(title)).toBe(false));
  it('a labelled block may be titled by its heading ("Lĩnh vực Y - Dược" over "Đơn vị chủ trì: Sở Y tế")', () => {
    expect(isDutyTitle('Lĩnh vực Y - Dược', true)).toBe(true);
    expect(isDutyTitle('Lĩnh vực Y - Dược')).toBe(false);
  });
  it('seed 000: the sentence pointing to the appendix is no task of the five departments', () => {
    const { tasks } = runGolden('corpus/000_953892a000611854.txt', 'Hải Phòng');
    expect(tasks.filter((t) => /tại Phụ lục của Kế hoạch\.?$/u.test(t.title))).toEqual([]);
  });
});

describe('class 4: missed duties', () => {
  it('tvpl-238: every item under "Trung tâm … thực hiện nhiệm vụ, quyền hạn …, cụ thể như sau:" is its task', () => {
    const { tasks } = runGolden(dev('tvpl-238-2519-QD-UBND.txt'));
    const centre = tasks.filter((t) => leads(t).join() === 'Trung tâm Phục vụ hành chính công thành phố');
    expect(centre.length).toBeGreaterThanOrEqual(17);
    expect(centre.some((t) => t.title.startsWith('Công khai kịp thời'))).toBe(true);
    expect(centre.some((t) => t.title.startsWith('Tham gia quản lý, vận hành Cơ sở dữ liệu'))).toBe(true);
  });
  it('tvpl-276 Điều 59: each numbered item is led by the body it names, not by the article heading', () => {
    const { tasks } = runGolden(dev('tvpl-276-138-2025-QD-UBND.txt'));
    const byTitle = (p: RegExp): string[] => leads(tasks.find((t) => p.test(t.title))!);
    expect(byTitle(/^cung cấp thông tin về hoạt động của tổ chức tôn giáo/u)).toEqual(['Sở Nội vụ']);
    expect(byTitle(/^chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng/u)).toEqual([
      'Sở Nông nghiệp và Môi trường',
    ]);
  });
  it('tvpl-013: "Trên cơ sở đề xuất của …, tổng hợp, tham mưu …" in the Sở Tài chính block is its duty', () => {
    const { tasks } = runGolden(dev('tvpl-013-310-KH-UBND.txt'));
    const t = tasks.find((x) => x.title.startsWith('Trên cơ sở đề xuất của Ban Quản lý'));
    expect(t && leads(t)).toEqual(['Sở Tài chính']);
  });
  it('tvpl-055: "Trong trường hợp đặc biệt, căn cứ …, Sở Nội vụ … thực hiện" — the agency after the opening clause leads', () => {
    const text =
      '- Trong trường hợp đặc biệt, căn cứ ý kiến chỉ đạo của lãnh đạo Thành phố, Sở Nội vụ thành phố Hà Nội thực hiện các quy trình, báo cáo xin ý kiến cấp có thẩm quyền.';
    expect(leadingAgency(text.slice(2))).toMatchObject({ opening: true });
    expect(leadingAgency(text.slice(2))?.names.join()).toMatch(/^Sở Nội vụ/u);
  });
  it('tvpl-081: "Giao Bộ trưởng Bộ Tài chính: (i) … (ii) …" gives one task per item, led by the ministry', () => {
    const { tasks } = runGolden(dev('tvpl-081-375-NQ-CP.txt'));
    // the minister's duties are the ministry's: one body in the agency graph
    const minister = tasks.filter((t) => t.lead.map((a) => a.key).join() === 'bo-tai-chinh@TW');
    expect(minister.length).toBeGreaterThanOrEqual(2);
    expect(minister.every((t) => !t.title.startsWith('('))).toBe(true);
  });
  it('tvpl-163 run on in one paragraph ("đề nghị: (i) … (ii) …", as a born-digital copy has it): one task per item', () => {
    const lines = readFileSync(dev('tvpl-163-653-TB-VPCP.txt'), 'utf8').normalize('NFC').split('\n');
    const from = lines.findIndex((l) => l.startsWith('b) Để làm tốt các nhiệm vụ sắp tới'));
    const to = lines.findIndex((l) => l.startsWith('2. Về Dự án Nhà máy điện Hiệp'));
    // the list's lines joined into one paragraph, the rest of the document as it is
    const joined = [...lines.slice(0, from), lines.slice(from, to).join(' '), ...lines.slice(to)].join('\n');
    const items = logicalLines(joined).filter((b) => /^\((?:i|ii|iii|iv)\) /u.test(b.text));
    expect(items.map((b) => b.text.slice(0, 4))).toEqual(
      expect.arrayContaining(['(i) ', '(ii)', '(iii', '(iv)']),
    );
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'inline-')), 'tvpl-163-653-TB-VPCP.txt');
    writeFileSync(copy, joined);
    const { tasks } = runGolden(copy);
    const original = runGolden(dev('tvpl-163-653-TB-VPCP.txt')).tasks;
    expect(tasks.map(leads)).toEqual(original.map(leads));
    expect(tasks.length).toBe(10);
  });
  it('tvpl-008 part VI: "- Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi …" is a task', () => {
    const { tasks } = runGolden(dev('tvpl-008-552-KH-UBND.txt'));
    const t = tasks.find((x) => /là cơ quan thường trực/u.test(x.title));
    expect(t && leads(t)).toEqual(['Sở Khoa học và Công nghệ']);
  });
});
