/**
 * Classes of target errors fixed on real documents of the dev corpus and of the opened held-out half:
 * numbers that are not the document's own aims, the year a figure belongs to, and aims stated inline.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../ingest/extract/text/index.ts';
import { objectiveLines } from '../../ingest/extract/targets/scope.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { runTargets } from '../../scripts/eval-extraction/target-eval.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const targets = (file: string) => runTargets(path.join(DEV, file));

describe('targets: numbers that are not aims', () => {
  it('Circular 112/2025/TT-BTC: "chương trình mục tiêu quốc gia" names a programme, not an objective part; its aid rates are no targets', () => {
    expect(targets('tvpl-105-112-2025-TT-BTC.txt')).toEqual([]);
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
