/**
 * The closing article of a council resolution ("Điều N. Tổ chức thực hiện"), in its standard wording,
 * printed two ways: numbered clauses, and the same assignments as unnumbered lines of one paragraph (as a
 * copy whose paragraphs lost their blank lines prints them). Written here as a passage: each assignment is
 * one duty with its own lead, never two run together.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../ingest/extract/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';

const HEAD = [
  'HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG',
  '',
  'Số: 20/2025/NQ-HĐND',
  '',
  'Lâm Đồng, ngày 10 tháng 12 năm 2025',
  '',
  'NGHỊ QUYẾT',
  'Quy định chính sách hỗ trợ giảm nghèo bền vững',
  '',
  'QUYẾT NGHỊ:',
  '',
  'Điều 1. Phạm vi điều chỉnh',
  'Nghị quyết này quy định chính sách hỗ trợ giảm nghèo.',
  '',
];
const TAIL = ['', 'Điều 3. Hiệu lực thi hành', 'Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.'];
const ASSIGNMENTS = [
  'Giao Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tổ chức thực hiện Nghị quyết này.',
  'Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.',
];

function duties(body: string[]): [string, string][] {
  const text = [...HEAD, 'Điều 2. Tổ chức thực hiện', ...body, ...TAIL].join('\n').normalize('NFC');
  const doc = structure({
    parsed: { file: 'nq.txt', format: 'text', text, warnings: [] },
    contentHash: contentHash(Buffer.from(text)),
  });
  return extract(doc).tasks.map((t) => [t.lead.map((a) => a.name).join('; '), t.title]);
}

describe('a council resolution assigns its implementation', () => {
  const expected: [string, string][] = [
    ['Ủy ban nhân dân tỉnh', 'chỉ đạo các sở, ngành tổ chức thực hiện Nghị quyết này.'],
    [
      'Thường trực Hội đồng nhân dân tỉnh; Các Ban của Hội đồng nhân dân tỉnh',
      'giám sát việc thực hiện Nghị quyết này.',
    ],
  ];

  it('numbered clauses', () => {
    expect(duties(ASSIGNMENTS.map((a, i) => `${i + 1}. ${a}`))).toEqual(expected);
  });

  it('unnumbered lines of the article, under its title, in one paragraph', () => {
    expect(duties(ASSIGNMENTS)).toEqual(expected);
  });
});
