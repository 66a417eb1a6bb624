import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../ingest/parse/index.ts';
import { parseFile } from '../helpers/parse.ts';
import { buildParseFixtures, type FixturePaths } from '../setup/fixtures.ts';

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

let fx: FixturePaths;
beforeAll(async () => {
  fx = await buildParseFixtures('data/fixtures/parse');
}, 600_000);

describe('parse: DOCX', () => {
  it('keeps paragraphs and table rows of the Lào Cai seed', async () => {
    const doc = await parseFile(fx.seeds.lc.docx);
    expect(doc.format).toBe('docx');
    const text = norm(doc.text);
    expect(text).toContain('phần đầu đóng góp vào GRDP khoảng 7%, bảo đảm các nhu cầu thiết yếu của xã hội.');
    expect(text).toContain('phần đầu công nghiệp sinh học đóng góp 10% vào GRDP của tỉnh.');
    expect(doc.text).toContain('\n\nI. TÌNH HÌNH\n\n');
    const rows = (doc.tables ?? []).flatMap((t) => t.rows.map((r) => r.join(' | ')));
    expect(rows).toContain(
      '3 | Tôn vinh, khen thưởng các tổ chức, cá nhân hoạt động hiệu quả. | Ban Cán sự Đảng UBND tỉnh | Ban Tổ chức Tỉnh ủy; các huyện ủy, thị ủy, thành ủy. | Hàng năm',
    );
    expect(doc.text).toMatch(/^\| 3 \| Tôn vinh, khen thưởng .* \| Hàng năm \|$/mu);
  });

  it('keeps the Hải Phòng appendix rows', async () => {
    const doc = await parseFile(fx.seeds.hp.docx);
    expect(doc.text).toContain(
      '| 4 | Ứng dụng kỹ thuật Realtime RT-PCR trong chẩn đoán các bệnh về da và lây truyền qua đường tình dục | Sở Y tế | Các đơn vị liên quan | - | 2024-2030 |',
    );
    expect(norm(doc.text)).toContain('Chương trình hành động số 50-CTr/TU, ngày 23/6/2023');
  });

  it('rejects a damaged DOCX', async () => {
    const bytes = (await readFile(fx.seeds.lc.docx)).subarray(0, 2000);
    const err = await parse(
      { path: 'x.docx', name: 'x.docx', bytes },
      { maxBytes: 1e8, timeoutMs: 10_000, ocr: 'off' },
    ).catch((e: unknown) => e as { code?: string });
    expect((err as { code?: string }).code).toBe('CORRUPT_FILE');
  });
});

describe('parse: HTML from a legal portal', () => {
  it('keeps the document body, drops menus, login and download links', async () => {
    const doc = await parseFile(fx.html);
    expect(doc.format).toBe('html');
    expect(doc.text.startsWith('KẾ HOẠCH')).toBe(true);
    for (const junk of ['Trang chủ', 'Đăng nhập', 'Tải về', 'Bản quyền', 'Văn bản liên quan', 'tracking']) {
      expect(doc.text).not.toContain(junk);
    }
    expect(doc.text).toContain('\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n');
    expect(doc.text).toContain('\n\n- Tỷ lệ doanh nghiệp đạt 10%.');
    expect(doc.text).toContain(
      '| TT | Tên đề án, nhiệm vụ | Cơ quan chủ trì |\n| 1 | Tuyên truyền, phổ biến về phát triển và ứng dụng công nghệ sinh học | Sở Thông tin và Truyền thông |',
    );
    expect(doc.tables?.[0]?.rows).toHaveLength(2);
  });
});
