/**
 * Duty tables as other documents print them, built from the seeds' and dev plans' own task tables:
 * - one cell per paragraph (or line) without a TT column: no row number opens a row, so rows are read by
 *   the shape of their cells (duty, then bodies, time, product in the header's order);
 * - one agency column ("Cơ quan thực hiện") whose cells say who leads and who coordinates ("Chủ trì: A;
 *   Phối hợp: B", "A (chủ trì); B", "A chủ trì, phối hợp với B").
 * Each must give the same duties with the same lead (and coordinating) agencies as the table as printed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StructuredDocument, Task } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { cellRoles } from '../../ingest/extract/tasks/cell-roles.ts';
import { isHeaderRow, readTables, type Table } from '../../ingest/extract/text/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';

/** The table without its TT column, one cell per paragraph (`sep` '\n\n') or per line ('\n'); group rows in capitals. */
function withoutTt(t: Table, sep: string): string {
  const rows = t.rows.map((r) => (r.tt === null ? [(r.groupTitle ?? '').toUpperCase()] : r.cells.slice(1)));
  return [t.header.slice(1), ...rows].flatMap((cells) => cells.filter((c) => c !== '')).join(sep);
}

function reprinted(doc: StructuredDocument, sep: string): StructuredDocument {
  let text = doc.parsed.text;
  for (const t of readTables(text)
    .filter((x) => x.kind === 'tasks')
    .reverse())
    text = `${text.slice(0, t.start)}${withoutTt(t, sep)}\n${text.slice(t.end)}`;
  return structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash });
}

const key = (t: Task): string =>
  `${t.title.replace(/\s+/gu, ' ').slice(0, 40)} # ${t.lead.map((a) => a.key).join('+')}`;

describe.each([
  ['seed 003 (Lào Cai)', path.resolve('corpus', '003_6bb3cc9c64edf399.txt')],
  ['seed 000 (Hải Phòng)', path.resolve('corpus', '000_953892a000611854.txt')],
  ['tvpl-008 (Đồng Tháp)', path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt')],
])('%s: its task table without the TT column', (_, file) => {
  const doc = loadDoc(file);
  const meta = extractMeta(doc);
  const tableRows = readTables(doc.parsed.text)
    .filter((t) => t.kind === 'tasks')
    .reduce((n, t) => n + t.rows.filter((r) => r.tt !== null).length, 0);
  const before = new Set(extractTasks(doc, meta).map(key));
  it.each([
    ['one cell per paragraph', '\n\n'],
    ['one cell per line', '\n'],
  ])('%s gives the same duties and leads (all but two)', (_name, sep) => {
    const after = new Set(extractTasks(reprinted(doc, sep), meta).map(key));
    const lost = [...before].filter((k) => !after.has(k));
    expect(tableRows).toBeGreaterThan(10);
    expect(lost.length).toBeLessThanOrEqual(2);
  });
});

/** The table with its lead and coordinating columns printed as one "Cơ quan thực hiện" column, as pipe rows. */
function oneAgencyColumn(t: Table, fmt: (lead: string, coord: string) => string): string {
  const l = t.roles.indexOf('lead');
  const c = t.roles.indexOf('coordinating');
  const keep = (cells: readonly string[]): string[] => cells.filter((_, i) => i !== c);
  const header = keep(t.header.map((h, i) => (i === l ? 'Cơ quan thực hiện' : h)));
  const rows = t.rows.map((r) =>
    r.tt === null
      ? keep([r.group ?? '', ...r.cells.slice(1)])
      : keep(r.cells.map((x, i) => (i === l && r.cells[c] ? fmt(x, r.cells[c]) : x))),
  );
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const fullKey = (t: Task): string =>
  `${key(t)} # ${t.coordinating
    .map((a) => a.key)
    .sort()
    .join('+')}`;

describe('one agency column that says who leads and who coordinates', () => {
  it.each([
    ['Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính, UBND cấp xã', 'Sở Y tế', 'Sở Tài chính, UBND cấp xã'],
    ['Sở Y tế (chủ trì); Sở Tài chính (phối hợp)', 'Sở Y tế', 'Sở Tài chính'],
    ['Sở Y tế chủ trì, phối hợp với Sở Tài chính', 'Sở Y tế', 'Sở Tài chính'],
    ['Sở Y tế, Sở Tài chính', 'Sở Y tế, Sở Tài chính', null],
  ])('"%s"', (cell, lead, coordinating) => expect(cellRoles(cell)).toEqual({ lead, coordinating }));
  it('a body row whose cells name a project and "(chủ trì)" is no header row', () => {
    expect(
      isHeaderRow([
        '1',
        'Nghiên cứu, xây dựng Đề án phát triển',
        'Sở Khoa học và Công nghệ (chủ trì)',
        'Đề án',
        '2024',
      ]),
    ).toBe(false);
    expect(isHeaderRow(['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp'])).toBe(true);
  });
  const doc = loadDoc(path.resolve('corpus', '003_6bb3cc9c64edf399.txt'));
  const meta = extractMeta(doc);
  const before = new Set(extractTasks(doc, meta).map(fullKey));
  it.each([
    ['"Chủ trì: A; Phối hợp: B"', (a: string, b: string): string => `Chủ trì: ${a}; Phối hợp: ${b}`],
    ['"A (chủ trì); B"', (a: string, b: string): string => `${a} (chủ trì); ${b}`],
  ])('seed 003 printed with %s gives the same leads and coordinating agencies', (_, fmt) => {
    let text = doc.parsed.text;
    for (const t of readTables(text)
      .filter((x) => x.kind === 'tasks')
      .reverse())
      text = `${text.slice(0, t.start)}${oneAgencyColumn(t, fmt)}\n${text.slice(t.end)}`;
    const redone = structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash });
    const after = new Set(extractTasks(redone, meta).map(fullKey));
    expect(before.size).toBeGreaterThan(20);
    expect([...before].filter((k) => !after.has(k))).toEqual([]);
  });
});

describe('a duty list whose agencies close each duty in brackets', () => {
  it('tvpl-008: its task table written as "- <duty> (<lead> chủ trì, phối hợp với <coordinating>)." gives the same duties and leads', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt'));
    const meta = extractMeta(doc);
    const table = readTables(doc.parsed.text).find((t) => t.kind === 'tasks')!;
    const [title, lead, coord] = (['title', 'lead', 'coordinating'] as const).map((r) =>
      table.roles.indexOf(r),
    );
    const items = table.rows
      .filter((r) => r.tt !== null)
      .map((r) => {
        const c = r.cells[coord!] ? `, phối hợp với ${r.cells[coord!]}` : '';
        return `- ${r.cells[title!]!.replace(/\.$/u, '')} (${r.cells[lead!]} chủ trì${c}).`;
      });
    const text = `${doc.parsed.text.slice(0, table.start)}III. NHIỆM VỤ VÀ GIẢI PHÁP\n\n${items.join('\n\n')}\n${doc.parsed.text.slice(table.end)}`;
    const rows = (tasks: Task[]): Set<string> =>
      new Set(tasks.map((t) => `${titleStart(t)} # ${t.lead.map((a) => a.key).join('+')}`));
    const titleStart = (t: Task): string => t.title.replace(/\s+/gu, ' ').slice(0, 40);
    const before = rows(extractTasks(doc, meta).filter((t) => t.row !== null));
    const after = rows(
      extractTasks(structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }), meta),
    );
    expect(before.size).toBeGreaterThan(15);
    expect([...before].filter((k) => !after.has(k)).length).toBeLessThanOrEqual(2);
  });
});

/** The table one cell per paragraph, each duty cell written as two bullets split at its first comma after 40 characters. */
function bulletDuties(t: Table): string {
  const ti = t.roles.indexOf('title');
  const cell = (x: string): string => {
    const k = x.indexOf(', ', 40);
    return k < 0 ? x : `- ${x.slice(0, k)};\n\n- ${x.slice(k + 2)}`;
  };
  const rows = t.rows.map((r) =>
    r.tt === null ? [r.group ?? '', ...r.cells.slice(1)] : r.cells.map((x, i) => (i === ti ? cell(x) : x)),
  );
  return [t.header, ...rows].flatMap((cells) => cells.filter((c) => c !== '')).join('\n\n');
}

describe.each([
  ['seed 003 (Lào Cai)', path.resolve('corpus', '003_6bb3cc9c64edf399.txt')],
  ['tvpl-008 (Đồng Tháp)', path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt')],
])('%s: duty cells written as bullets', (_, file) => {
  it('give the same duties, read from their first words (no leading dash), with the same leads', () => {
    const doc = loadDoc(file);
    const meta = extractMeta(doc);
    let text = doc.parsed.text;
    const tables = readTables(text).filter((t) => t.kind === 'tasks');
    for (const t of [...tables].reverse())
      text = `${text.slice(0, t.start)}${bulletDuties(t)}\n${text.slice(t.end)}`;
    const after = extractTasks(
      structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
      meta,
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(after.filter((t) => /^[-–+•]\s/u.test(t.title))).toEqual([]);
    expect(after.map(key).sort()).toEqual(extractTasks(doc, meta).map(key).sort());
  });
});
