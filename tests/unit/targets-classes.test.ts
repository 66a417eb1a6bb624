/**
 * Classes of target errors fixed on real documents of the dev corpus and of the opened held-out half:
 * numbers that are not the document's own aims, the year a figure belongs to, and aims stated inline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { canonicalDoc } from '../../ingest/extract/text/index.ts';
import { objectiveLines } from '../../ingest/extract/targets/scope.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { runTargets } from '../../scripts/eval-extraction/target-eval.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const targets = (file: string) => runTargets(path.join(DEV, file));

/**
 * Plan 235/KH-UBND's monitoring content and its appendix table of sampling points, as published, put under
 * an objective heading: what the filters must reject where the objective part is wider than it should be.
 */
function monitoringUnderAnObjective(): ReturnType<typeof extractTargets> {
  const file = path.join(DEV, 'tvpl-017-235-KH-UBND.txt');
  const src = readFileSync(file, 'utf8').normalize('NFC');
  const body = src.slice(src.indexOf('II. NỘI DUNG') + 'II. NỘI DUNG'.length, src.indexOf('III. KINH'));
  const table = src.slice(src.indexOf('PHỤ LỤC I'), src.indexOf('PHỤ LỤC II')).replace(/^PHỤ LỤC I.*\n/u, '');
  const text = `I. MỤC TIÊU NĂM 2026\n${body}\n${table}`;
  const doc = structure({
    parsed: { file: 'passage.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extractTargets(doc, extractMeta(loadDoc(file)));
}

/**
 * Passages of a published document under an objective heading: each from the start of `from` to the start
 * of `to`, or else to the next blank line.
 */
function paragraphsUnderAnObjective(
  file: string,
  passages: (string | [string, string])[],
): ReturnType<typeof extractTargets> {
  const src = readFileSync(path.join(DEV, file), 'utf8').normalize('NFC');
  const paragraphs = passages.map((p) => {
    const [from, to] = typeof p === 'string' ? [p, '\n\n'] : p;
    const at = src.indexOf(from);
    const end = src.indexOf(to, at + from.length);
    return src.slice(at, end < 0 ? undefined : end);
  });
  const text = `I. MỤC TIÊU NĂM 2026\n${paragraphs.join('\n\n')}\n`;
  const doc = structure({
    parsed: { file: 'passage.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extractTargets(doc, extractMeta(loadDoc(path.join(DEV, file))));
}

describe('targets: numbers that are not aims', () => {
  it('Charter 2696/QĐ-UBND and Circular 112/2025/TT-BTC: rates and caps set by rule ("mức trích … bằng 1%", "chỉ được sử dụng tối đa 50%", "theo mức 60 triệu đồng/hộ") and the distribution list ("Lưu: VT, KTN (100 bản)") are not targets', () => {
    const charter = paragraphsUnderAnObjective('tvpl-207-2696-QD-UBND.txt', [
      'a) Hằng năm, Quỹ Bảo vệ môi trường',
      '5. Quỹ Bảo vệ môi trường chỉ được',
    ]);
    const circular = paragraphsUnderAnObjective('tvpl-105-112-2025-TT-BTC.txt', [
      'Ngân sách trung ương hỗ trợ địa bàn bố',
      '- Lưu: VT, KTN',
    ]);
    expect([...charter, ...circular]).toEqual([]);
  });

  it('Plan 235/KH-UBND: row numbers of a table or list ("8 xã Tân Tiến", "3.1 Khu vực …") and frequencies ("2 lần/tháng") are not targets', () => {
    const got = monitoringUnderAnObjective();
    expect(got.filter((t) => t.unit === 'lần')).toEqual([]);
    expect(got.map((t) => t.subject)).not.toContain('xã Tân Tiến');
    expect(got.map((t) => t.subject)).not.toContain('vùng nuôi tôm Nga Tân');
    expect(got.some((t) => /^\d+(?:\.\d+)?\s+\p{Lu}/u.test(t.text))).toBe(false);
  });

  it('Circular 112/2025/TT-BTC: "chương trình mục tiêu quốc gia" names a programme, not an objective part; its aid rates are no targets', () => {
    expect(targets('tvpl-105-112-2025-TT-BTC.txt')).toEqual([]);
  });
});

describe('targets: estimates', () => {
  it('Resolution 48/2025/NQ-HĐND: a forecast ("- Dự kiến cả nước năm 2026: 2.000.000 tỷ đồng") is not an aim', () => {
    expect(
      paragraphsUnderAnObjective('tvpl-038-48-2025-NQ-HDND.txt', [
        ['- Dự kiến cả nước năm 2026', '- Đến 5.000'],
      ]),
    ).toEqual([]);
  });
});

describe('targets: scoring rules', () => {
  it('Resolution 48/2025/NQ-HĐND: the points of an allocation formula ("Đến 5.000 tỷ đồng được 4 điểm", "Trên 10.500 tỷ đồng thêm 0,5 điểm") are not aims', () => {
    expect(
      paragraphsUnderAnObjective('tvpl-038-48-2025-NQ-HDND.txt', [
        '- Đến 5.000 tỷ đồng',
        '- Đến 525 tỷ đồng',
      ]),
    ).toEqual([]);
  });
});

describe('targets: the year a figure belongs to', () => {
  it('Resolution 380/NQ-CP: in "cả năm 2025 đạt trên 8% và năm 2026 đạt từ 10% trở lên" 8% is 2025’s, 10% is 2026’s', () => {
    const figures = targets('tvpl-042-380-NQ-CP.txt').map((t) => `${t.value}${t.unit} ${t.year}`);
    expect(figures).toContain('8% 2025');
    expect(figures).toContain('10% 2026');
    expect(figures).not.toContain('8% 2026');
  });
});

describe('targets: the subject read from the aim', () => {
  it('Dispatch 229/CĐ-TTg: the subject starts after "phấn đấu" and drops the bare year ("… trước mắt là phấn đấu tăng trưởng cả nước năm 2025 trên 8%")', () => {
    const [t] = targets('tvpl-167-229-CD-TTg.txt');
    expect(t?.subject).toBe('tăng trưởng cả nước');
    expect(t?.metric).toBe('tốc độ tăng trưởng');
  });

  it('Plan 552/KH-UBND: an enumeration in brackets does not end the subject ("50% diện tích sản xuất nông nghiệp chủ lực (lúa, xoài, …) ứng dụng công nghệ thông minh …")', () => {
    const t = targets('tvpl-008-552-KH-UBND.txt').find((x) => x.value === 50);
    expect(t?.subject).toBe(
      'diện tích sản xuất nông nghiệp chủ lực ứng dụng công nghệ thông minh, tự động hóa, số hóa và công nghệ sinh học',
    );
  });
});

describe('targets: aims stated inline in the duties', () => {
  it('Plan 556/KH-UBND: a sentence opening with its horizon ("Đến năm 2030, 100% các khu vực …") is an aim, read apart from the sentence before it', () => {
    const figures = targets('tvpl-006-556-KH-UBND.txt').map(
      (t) => `${t.subject} ${t.value}${t.unit} ${t.year}`,
    );
    expect(figures).toContain('thu gom, xử lý rác thải nhựa tại các bãi biển, khu du lịch biển 100% 2030');
    expect(figures).toContain(
      'khu vực bảo vệ nguồn lợi thủy sản được xác định và quản lý hiệu quả 100% 2030',
    );
  });
});

describe('targets: where the objective part ends', () => {
  it('Decision 4001/QĐ-BKHCN: the form’s "10. Mục tiêu" part ends at its sibling "11. Nội dung và phương pháp thực hiện"', () => {
    const file = path.join(DEV, 'tvpl-279-4001-QD-BKHCN.txt');
    const doc = loadDoc(file);
    const lines = objectiveLines(canonicalDoc(doc), 2025).map((o) => o.line.text);
    expect(lines.some((l) => l.startsWith('11. Nội dung và phương pháp thực hiện'))).toBe(false);
    expect(lines.some((l) => l.startsWith('12. Kết quả dự kiến'))).toBe(false);
  });
});
