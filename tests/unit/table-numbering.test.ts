/**
 * How other documents number (or do not number) the rows and columns of a duty table, built from the
 * seeds' and a dev plan's own one-cell-per-paragraph task tables:
 * - a row of column numbers under the header ("(1) (2) (3) …" or "1 2 3 …") is part of the header;
 * - the header keeps its "TT" label while the rows carry no number (an empty cell prints as nothing);
 * - duties marked "-" under a numbered group row ("1", "Thông tin, tuyên truyền", then "-" rows);
 * - group rows lettered "A", "B" instead of "I", "II";
 * - a "Chỉ tiêu" column (what each duty must reach) filled for some rows only, and empty trailing columns: a duty
 *   table still, its paragraphs laid over the columns by what they hold;
 * - a lead merged down the rows it leads (printed once): a row's only body cell is then its coordinating one;
 * - no lead column, the duties under group rows that name their lead ("II | SỞ Y TẾ");
 * - no TT column, the number opening the duty's own cell ("1. Tổ chức …"): the number labels the row;
 * - each body of an agency cell on its own line, which whitespace folding glues together.
 * Each must give the same duties, leads and coordinating agencies as the table as printed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StructuredDocument, Task } from '../../core/types.ts';
import { splitAgencies } from '../../ingest/extract/agencies/index.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { readTables, type Table, type TableRow } from '../../ingest/extract/text/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';

type Print = (t: Table) => string[][];

const ROMAN =
  'I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII XXIII XXIV XXV'.split(
    ' ',
  );

const bodyRows = (t: Table, groupTt: (r: TableRow, k: number) => string): string[][] => {
  let g = 0;
  return t.rows.map((r) => (r.tt === null ? [groupTt(r, g++), ...r.cells.slice(1)] : r.cells));
};

const PRINTS: Record<string, Print> = {
  'a row "(1) (2) …" of column numbers': (t) => [
    t.header,
    t.header.map((_, i) => `(${i + 1})`),
    ...bodyRows(t, (r) => r.group ?? ''),
  ],
  'a row "1 2 3 …" of column numbers': (t) => [
    t.header,
    t.header.map((_, i) => String(i + 1)),
    ...bodyRows(t, (r) => r.group ?? ''),
  ],
  'a TT header over unnumbered rows': (t) => [
    t.header,
    ...t.rows.filter((r) => r.tt !== null).map((r) => r.cells.slice(1)),
  ],
  'numbered groups over "-" rows': (t) => [
    t.header,
    ...bodyRows(t, (_, g) => String(g + 1)).map((c, k) =>
      t.rows[k]!.tt === null ? c : ['-', ...c.slice(1)],
    ),
  ],
  'group rows lettered A, B': (t) => [t.header, ...bodyRows(t, (_, g) => 'ABCDEFGH'[g]!)],
  'a "Chỉ tiêu" column after the duty, filled every other row': (t) => {
    const at = t.roles.indexOf('title') + 1;
    const put = (cells: readonly string[], v: string): string[] => [
      ...cells.slice(0, at),
      v,
      ...cells.slice(at),
    ];
    return [
      put(t.header, 'Chỉ tiêu'),
      ...bodyRows(t, (r) => r.group ?? '').map((c, k) =>
        t.rows[k]!.tt === null ? c : put(c, k % 2 === 0 ? 'Đạt 100% số xã, phường' : ''),
      ),
    ];
  },
  'lead cells merged down the rows (a repeated lead printed once)': (t) => {
    const lead = t.roles.indexOf('lead');
    return [
      t.header,
      ...bodyRows(t, (r) => r.group ?? '').map((c, k) => {
        const above = t.rows[k - 1];
        const row = t.rows[k]!;
        const merged = above && above.tt !== null && row.tt !== null && above.cells[lead] === row.cells[lead];
        return merged ? c.map((x, i) => (i === lead ? '' : x)) : c;
      }),
    ];
  },
  'no lead column, the duties grouped under group rows naming their lead in capitals': (t) => {
    const lead = t.roles.indexOf('lead');
    const out: string[][] = [t.header.filter((_, i) => i !== lead)];
    let current: string | null = null;
    let group = 0;
    for (const r of t.rows.filter((x) => x.tt !== null)) {
      const body = r.cells[lead] ?? '';
      if (body !== current) out.push([ROMAN[group++]!, body.toUpperCase()]);
      current = body;
      out.push(r.cells.filter((_, i) => i !== lead));
    }
    return out;
  },
  'no TT column, each duty cell opening with its number ("1. Tổ chức …")': (t) => {
    const title = t.roles.indexOf('title');
    return [
      t.header.slice(1),
      ...t.rows.map((r) =>
        r.tt === null
          ? [r.group ?? '', r.groupTitle ?? '']
          : r.cells.map((c, i) => (i === title ? `${r.tt}. ${c}` : c)).slice(1),
      ),
    ];
  },
  'empty "Kinh phí" and "Ghi chú" columns at the end': (t) => [
    [...t.header, 'Kinh phí', 'Ghi chú'],
    ...bodyRows(t, (r) => r.group ?? ''),
  ],
  'one body per line in agency cells': (t) => [
    t.header,
    ...bodyRows(t, (r) => r.group ?? '').map((cells) =>
      cells.map((c, i) =>
        t.roles[i] === 'lead' || t.roles[i] === 'coordinating'
          ? c.replace(/;\s+/gu, ';\n').replace(/,\s+(?=(?:Sở|Ban|Ủy ban|UBND|Công an|Đài|Báo)\s)/gu, '\n')
          : c,
      ),
    ),
  ],
};

function reprinted(doc: StructuredDocument, print: Print): StructuredDocument {
  let text = doc.parsed.text;
  for (const t of readTables(text)
    .filter((x) => x.kind === 'tasks')
    .reverse()) {
    const cells = print(t).flatMap((row) => row.filter((c) => c !== ''));
    text = `${text.slice(0, t.start)}${cells.join('\n\n')}\n${text.slice(t.end)}`;
  }
  return structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash });
}

const key = (t: Task): string =>
  [
    t.title.replace(/\s+/gu, ' ').slice(0, 40),
    t.lead.map((a) => a.key).join('+'),
    t.coordinating
      .map((a) => a.key)
      .sort()
      .join('+'),
  ].join(' # ');

describe.each([
  ['seed 003 (Lào Cai)', path.resolve('corpus', '003_6bb3cc9c64edf399.txt'), 0, 0],
  ['seed 000 (Hải Phòng)', path.resolve('corpus', '000_953892a000611854.txt'), 2, 1],
  ['tvpl-008 (Đồng Tháp)', path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt'), 1, 0],
])('%s: its task tables numbered otherwise', (_, file, unnumberedLoss, perLineLoss) => {
  const doc = loadDoc(file);
  const meta = extractMeta(doc);
  const before = new Set(extractTasks(doc, meta).map(key));
  const tableRows = readTables(doc.parsed.text)
    .filter((t) => t.kind === 'tasks')
    .reduce((n, t) => n + t.rows.filter((r) => r.tt !== null).length, 0);
  it.each(Object.keys(PRINTS))('%s gives the same duties, leads and coordinating bodies', (name) => {
    const after = new Set(extractTasks(reprinted(doc, PRINTS[name]!), meta).map(key));
    const lost = [...before].filter((k) => !after.has(k));
    expect(tableRows).toBeGreaterThan(15);
    // Without row numbers, rows are read by the shape of their cells; a duty whose cells read ambiguously may go.
    // A body known only by its proper name ("Vườn quốc gia Cát Bà") glued to the next stays one name.
    const allowed: Record<string, number> = {
      'a TT header over unnumbered rows': unnumberedLoss,
      'one body per line in agency cells': perLineLoss,
    };
    expect(lost.length).toBeLessThanOrEqual(allowed[name] ?? 0);
    expect(after.size - before.size).toBeLessThanOrEqual(0);
  });
});

describe('bodies glued by a folded line break', () => {
  it.each([
    ['Sở Công Thương Ban Quản lý khu kinh tế', ['Sở Công Thương', 'Ban Quản lý khu kinh tế']],
    ['Sở Công Thương Các doanh nghiệp viễn thông', ['Sở Công Thương', 'Các doanh nghiệp viễn thông']],
    ['Công an tỉnh Bộ Chỉ huy Quân sự tỉnh', ['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh']],
    ['Sở Y tế Bệnh viện Đa khoa tỉnh', ['Sở Y tế', 'Bệnh viện Đa khoa tỉnh']],
    ['Ban Tuyên giáo Tỉnh ủy các huyện ủy, thị ủy', ['Ban Tuyên giáo Tỉnh ủy', 'các huyện ủy, thị ủy']],
  ])('"%s" names two bodies', (cell, names) => expect(splitAgencies(cell)).toEqual(names));
  it.each([
    'Ban Tuyên giáo Tỉnh ủy',
    'Văn phòng Ủy ban nhân dân tỉnh',
    'Đảng đoàn Hội đồng nhân dân tỉnh',
    'Ban Quản lý các Khu công nghiệp tỉnh',
    'Ban Thường vụ các huyện ủy',
  ])('"%s" is one body named with its owner', (cell) => expect(splitAgencies(cell)).toEqual([cell]));
});
