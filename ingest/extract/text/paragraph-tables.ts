import { folded } from '../../../core/text/text-util.ts';
import { paragraphs, withoutBold, type TextBlock } from './blocks.ts';
import { fitCells } from './table-cells.ts';
import {
  addRow,
  ARABIC,
  columnNumber,
  columnNumbersAt,
  columnRole,
  LETTER_TT,
  SUB_TT,
  nextTt,
  ROMAN,
  SUB_LABEL,
  tableKind,
  type Builder,
  type HeaderTest,
  type ReadOptions,
  type Table,
} from './table-model.ts';
import { headerWithoutTt, readShapedRows } from './untitled-tables.ts';

/** Tables exported with one cell per paragraph (thuvienphapluat): rows open with a TT paragraph ("1", "II", "a"). */

/**
 * One-cell-per-paragraph headers list a spanning label, the other labels, then its sub-labels ("TT, Nội
 * dung, Cơ quan thực hiện, Thời gian, Chủ trì, Phối hợp"): the sub-labels take the spanning label's place.
 */
function spliceSubLabels(header: string[]): string[] {
  let k = header.length;
  while (k > 1 && SUB_LABEL.test(folded(header[k - 1]!))) k--;
  const subs = header.slice(k);
  if (subs.length < 2) return header;
  const agencies = subs.every((x) => /chu tri|phoi hop/.test(folded(x)));
  const parent = header.findIndex(
    (l, i) => i > 0 && i < k && (agencies ? /thuc hien|co quan|don vi/ : /thoi gian|tien do/).test(folded(l)),
  );
  if (parent < 0) return header;
  return [...header.slice(0, parent), ...subs, ...header.slice(parent + 1, k)];
}

const TABLE_END =
  /^(?:PHỤ LỤC|Phụ lục|Nơi nhận|Điều \d|Chương [IVXL\d]|CHƯƠNG [IVXL\d]|[IVX]+\.\s|\d+\.\s+\p{Lu}|Biểu|Mẫu)/u;

/** The label of a TT column: "TT", "STT", "Số TT", "Số thứ tự", "TT." */
function isTtLabel(t: string): boolean {
  return t.length <= 12 && columnRole(t.replace(/\.$/u, '')) === 'tt';
}

/** Reads the header blocks following a "TT"/"STT" block; null when they are not a header. */
function paragraphHeader(blocks: readonly TextBlock[], i: number, isHeader: HeaderTest): string[] | null {
  if (!isTtLabel(blocks[i]!.text)) return null;
  const header = [blocks[i]!.text];
  for (let j = i + 1; j < blocks.length && j <= i + 10; j++) {
    const t = blocks[j]!.text;
    if (ROMAN.test(t) || ARABIC.test(t) || SUB_TT.test(t) || columnNumber(t, 0) || t.length > 60) break;
    header.push(t);
  }
  return isHeader(header) ? header : null;
}

/**
 * A paragraph whose first line is only a TT ("VI" then "PHÁT TRIỂN NGUỒN NHÂN LỰC" on the next line, as a
 * PDF renders a group row whose cells sit close): the TT and the rest, as two cell paragraphs.
 */
function splitLeadingTt(text: string, b: TextBlock): TextBlock[] {
  const nl = text.indexOf('\n', b.start);
  if (nl < 0 || nl >= b.end) return [b];
  const first = text.slice(b.start, nl).trim();
  if (!ROMAN.test(first) && !ARABIC.test(first)) return [b];
  const rest = b.text.slice(b.text.indexOf(first) + first.length).trim();
  if (rest === '') return [b];
  const restStart = text.indexOf(rest.slice(0, Math.min(rest.length, 8)), nl);
  return [
    { text: first, start: b.start, end: nl },
    { text: rest, start: restStart >= 0 && restStart < b.end ? restStart : nl + 1, end: b.end },
  ];
}

/** The lines of a paragraph as blocks. */
function linesOf(text: string, p: TextBlock): TextBlock[] {
  const out: TextBlock[] = [];
  let pos = p.start;
  for (const raw of text.slice(p.start, p.end).split('\n')) {
    const t = withoutBold(raw.trim());
    if (t !== '') out.push({ text: t, start: pos + raw.search(/\S/u), end: pos + raw.trimEnd().length });
    pos += raw.length + 1;
  }
  return out;
}

/** A paragraph holding a table header line by line: a TT label line, then labels that make a header. */
function holdsHeader(lines: readonly TextBlock[], isHeader: HeaderTest): boolean {
  return lines.some(
    (_, i) => paragraphHeader(lines, i, isHeader) !== null || headerWithoutTt(lines, i, isHeader) !== null,
  );
}

/**
 * Cell blocks: one per paragraph, except in tables written one cell per line (no blank line between
 * cells), read line by line from the paragraph that holds the header to the last paragraph that opens with
 * a row number or a repeated header.
 */
function cellBlocks(text: string, isHeader: HeaderTest): TextBlock[] {
  const out: TextBlock[] = [];
  let lineMode = false;
  for (const p of paragraphs(text)) {
    const lines = text.slice(p.start, p.end).includes('\n') ? linesOf(text, p) : null;
    if (lines && lines.length > 1) {
      const first = lines[0]!.text;
      lineMode =
        holdsHeader(lines, isHeader) ||
        (lineMode && (ROMAN.test(first) || ARABIC.test(first) || isTtLabel(first)));
      if (lineMode) {
        out.push(...lines);
        continue;
      }
    } else if (lineMode && !ROMAN.test(p.text) && !ARABIC.test(p.text) && !SUB_TT.test(p.text))
      lineMode = false;
    out.push(...splitLeadingTt(text, p));
  }
  return out;
}

/** Tables exported with one cell per paragraph (or per line): rows open with a TT cell ("1", "II", "a"). */
export function paragraphTables(text: string, isHeader: HeaderTest, opts: ReadOptions): Table[] {
  const blocks = cellBlocks(text, isHeader);
  const tables: Table[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const untitled = headerWithoutTt(blocks, i, isHeader);
    if (untitled) {
      const table = shapedTable(blocks, i, untitled);
      i = readShapedRows(blocks, i + untitled.length, table) - 1;
      if (table.rows.length >= 2) tables.push(table);
      continue;
    }
    const header = paragraphHeader(blocks, i, isHeader);
    if (!header) continue;
    const columns = spliceSubLabels(header);
    const roles = columns.map(columnRole);
    const table: Table = {
      layout: 'paragraph',
      kind: tableKind(columns, roles),
      header: columns,
      roles,
      rows: [],
      start: blocks[i]!.start,
      end: blocks[i]!.end,
    };
    const from = i + header.length;
    // rows without a number under a TT column (an empty TT cell prints as nothing, or as a bullet): read by shape
    i =
      (unnumbered(blocks, from, columns.length) && !opts.numericCells
        ? readShapedRows(blocks, from, table)
        : readParagraphRows(blocks, from, table, isHeader, opts)) - 1;
    tables.push(table);
  }
  return tables;
}

/** True when the first body block under a TT header (after a row of column numbers) is no row number. */
function unnumbered(blocks: readonly TextBlock[], from: number, width: number): boolean {
  let k = from + columnNumbersAt(blocks, from, width);
  if (ROMAN.test(blocks[k]?.text ?? '')) k += 2; // a group row: its number and title
  const t = blocks[k]?.text;
  return t !== undefined && !ROMAN.test(t) && !ARABIC.test(t) && !SUB_TT.test(t);
}

/** A TT-less table (see untitled-tables.ts) under a TT column of its own, so that rows read as elsewhere. */
function shapedTable(blocks: readonly TextBlock[], i: number, labels: string[]): Table {
  const header = ['TT', ...labels];
  const roles = header.map(columnRole);
  return {
    layout: 'paragraph',
    kind: tableKind(header, roles),
    header,
    roles,
    rows: [],
    start: blocks[i]!.start,
    end: blocks[i + labels.length - 1]!.end,
  };
}

/**
 * A letter may open the next row only under a row that can head lettered rows (a roman group row, a numbered
 * row with just its title), after a lettered row or right under the header: "a)" paragraphs after a table are the document's own items.
 */
function lettersFollow(table: Table): boolean {
  const last = table.rows[table.rows.length - 1];
  if (!last) return true; // right under the header
  if (last.tt === null) return last.group !== null; // under a roman group row
  if (!last.tt) return false;
  return (
    SUB_TT.test(last.tt) ||
    (/^\d{1,3}$/u.test(last.tt) && last.cells.slice(1).filter((c) => c !== '').length <= 1)
  );
}

/** Reads rows from `from`; returns the index of the first block after the table. */
function readParagraphRows(
  blocks: readonly TextBlock[],
  from: number,
  table: Table,
  isHeader: HeaderTest,
  opts: ReadOptions,
): number {
  const b: Builder = { table, group: null, groupTitle: null };
  let i = from + columnNumbersAt(blocks, from, table.header.length);
  while (i < blocks.length) {
    const head = blocks[i]!;
    const repeated = paragraphHeader(blocks, i, isHeader);
    if (repeated) {
      i += repeated.length;
      continue;
    }
    const letters = !opts.numericCells && lettersFollow(table);
    if (!ROMAN.test(head.text) && !ARABIC.test(head.text) && !(letters && SUB_TT.test(head.text))) break;
    let j = i + 1;
    // a letter opens a row under a lettered row, or under a numbered row once it has its title
    const lettered =
      !opts.numericCells && (SUB_TT.test(head.text) || /^\d{1,3}$/u.test(head.text) || ROMAN.test(head.text));
    // A lone dash is also how an empty cell prints: it opens a row only after a title-only row or a full row.
    const subRow = (t: string): boolean =>
      LETTER_TT.test(t) || (SUB_TT.test(t) && (j === i + 2 || j - i - 1 >= table.header.length - 1));
    const startsRow = (t: string): boolean =>
      ROMAN.test(t) ||
      (lettered && j > i + 1 && subRow(t)) ||
      (ARABIC.test(t) &&
        (!opts.numericCells || j - i - 1 >= table.header.length - 1 || nextTt(head.text, t)));
    while (j < blocks.length && !startsRow(blocks[j]!.text)) {
      if (TABLE_END.test(blocks[j]!.text) || isTtLabel(blocks[j]!.text)) break;
      j++;
    }
    const body = blocks.slice(i + 1, j).map((x) => x.text);
    addRow(b, [head.text, ...fitCells(body, table, ROMAN.test(head.text))], head.start, blocks[j - 1]!.end);
    table.end = blocks[j - 1]!.end;
    i = j;
    if (j < blocks.length && TABLE_END.test(blocks[j]!.text)) break;
  }
  return i;
}
