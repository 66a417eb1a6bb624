import { folded, squash } from '../../../core/text/text-util.ts';
import type { ColumnRole } from './table-cells.ts';

/**
 * The table model shared by the line (pipe, tab) and paragraph readers: rows with their TT, group and
 * label, column roles read from header labels, and how a body row joins the table (a continuation row is
 * merged into the previous one; a roman row with only a title groups the rows that follow).
 */

export type { ColumnRole };
/**
 * What the rows of a table are, read from its header roles: duties (a lead column over task titles),
 * indicators (an indicator column, or an agency column that only monitors: "Cơ quan chủ trì theo dõi,
 * đánh giá" — the rows are targets with a responsible agency), administrative procedures ("Tên thủ tục
 * hành chính" with "Cơ quan thực hiện": who handles a procedure, not a duty), or other.
 */
export type TableKind = 'tasks' | 'indicators' | 'procedures' | 'other';

export interface TableRow {
  /** Cells by column index, whitespace-collapsed. */
  cells: string[];
  /** TT as written ("6"), or null. */
  tt: string | null;
  /** Roman group of the row ("III"), or null before any group row. */
  group: string | null;
  groupTitle: string | null;
  /** `${group}.${tt}` or `tt`. */
  label: string | null;
  /** Offset of the row's first line (its TT cell for one-cell-per-line tables). */
  start: number;
  end: number;
}

export interface Table {
  layout: 'pipe' | 'tab' | 'paragraph';
  kind: TableKind;
  header: string[];
  roles: ColumnRole[];
  rows: TableRow[];
  start: number;
  end: number;
}

/** TT of a group row: a roman numeral ("III") or a capital letter ("A", "B": parts above the roman groups). */
export const ROMAN = /^(?:[IVXL]{1,6}|[A-H])\.?$/;
export const ARABIC = /^\d{1,3}(?:\.\d{1,2}){0,2}\.?$/;
/** "a", "b)", "c.": rows numbered by letter under a numbered group (one-cell-per-paragraph tables). */
export const LETTER_TT = /^[a-zđ][.)]?$/u;
/** TT cells of rows under a numbered group: letters, or a bullet in pipe and tab rows. */
export const SUB_TT = /^(?:[a-zđ][.)]?|[-–+•])$/u;

export function columnRole(label: string): ColumnRole {
  const f = folded(label);
  if (/^(?:s?tt|so tt|so thu tu)$/.test(f)) return 'tt';
  if (/chi tieu|tieu chi|chi so/.test(f) && !/nhiem vu/.test(f)) return 'indicator';
  if (/phoi hop/.test(f)) return 'coordinating';
  if (
    /chu tri|(?:don vi|co quan) thuc hien|dau moi|chiu trach nhiem|trach nhiem (?:thuc hien|chinh)|^trach nhiem$|^thuc hien$|phan cong|chu dau tu|(?:co quan|don vi)\b.*\b(?:tham muu|soan thao|phu trach|duoc giao|to chuc thuc hien)|^(?:co quan|don vi) trinh$|^(?:chu the|luc luong) thuc hien$/.test(
      f,
    )
  )
    return 'lead';
  if (/thoi gian|thoi han|lo trinh|tien do|hoan thanh|thoi diem|giai doan|^nam(?: thuc hien)?$/.test(f))
    return 'deadline';
  if (/san pham|ket qua|hinh thuc|dau ra/.test(f)) return 'product';
  if (
    /nhiem vu|noi dung|ten |^ten$|de an|giai phap|hoat dong|du an|cong viec|chuong trinh|danh muc|van ban/.test(
      f,
    )
  )
    return 'title';
  return 'other';
}

/** The kind of a table from its header labels and their roles (see TableKind). */
export function tableKind(header: readonly string[], roles: readonly ColumnRole[]): TableKind {
  const labels = header.map(folded);
  if (labels.some((l, i) => roles[i] === 'title' && /thu tuc/.test(l))) return 'procedures';
  const monitors = labels.some((l, i) => roles[i] === 'lead' && /theo doi|danh gia|giam sat/.test(l));
  // Duties with a lead whose "Chỉ tiêu" column states what each must reach (its product) are duties; a
  // table that measures (a unit column, a column of target values) lists indicators.
  const measures = labels.some((l) =>
    /^(?:don vi tinh|dvt)$|muc tieu|ke hoach nam|\buoc\b|thuc hien nam/.test(l),
  );
  // … and the duty comes first: a table led by its indicator column ("Chỉ tiêu | Nội dung | …") lists indicators
  const dutyFirst = !roles.includes('indicator') || roles.indexOf('title') < roles.indexOf('indicator');
  if (roles.includes('title') && roles.includes('lead') && !monitors && !measures && dutyFirst)
    return 'tasks';
  if (roles.includes('indicator') || monitors) return 'indicators';
  return roles.includes('lead') ? 'tasks' : 'other';
}

/** A header row: has a TT/STT first cell or a "chủ trì" column, and at least three labelled columns. */
export type HeaderTest = (cells: readonly string[]) => boolean;

export interface ReadOptions {
  /**
   * Cells may hold bare numbers (indicator tables' values): in one-cell-per-paragraph tables a number then
   * opens a row only when it follows the previous row's TT or the row already has all its cells.
   */
  numericCells?: boolean;
}

/** "3" after "2": the next TT of a numbered table (anything else than plain integers counts as next). */
export function nextTt(current: string, t: string): boolean {
  const a = /^(\d+)\.?$/.exec(current);
  const b = /^(\d+)\.?$/.exec(t);
  return !a || !b || Number(b[1]) === Number(a[1]) + 1;
}

export function isHeaderRow(cells: readonly string[]): boolean {
  // A row opening with its number is a body row, whatever its cells say ("1 | … Đề án … | Sở X (chủ trì) | …").
  const first = (cells[0] ?? '').trim();
  if (ARABIC.test(first) || ROMAN.test(first)) return false;
  const roles = cells.map(columnRole);
  const labelled = roles.filter((r) => r !== 'other').length;
  return labelled >= 3 && (roles[0] === 'tt' || roles.includes('lead'));
}

export interface Builder {
  table: Table;
  group: string | null;
  groupTitle: string | null;
}

/** Appends `cells` to the last row cell by cell (a row split across a page break). */
function mergeInto(b: Builder, cells: readonly string[], end: number): void {
  const last = b.table.rows[b.table.rows.length - 1];
  if (!last) return;
  cells.forEach((c, i) => {
    if (c === '' || i === 0) return;
    last.cells[i] = squash(`${last.cells[i] ?? ''} ${c}`);
  });
  last.end = end;
  if (last.tt === null && last.group !== null) {
    last.groupTitle = titleOf(b.table, last.cells);
    b.groupTitle = last.groupTitle;
  }
}

export function titleOf(table: Table, cells: readonly string[]): string {
  const i = table.roles.indexOf('title');
  return cells[i >= 0 ? i : 1] ?? '';
}

/** Cell `i` (from 0) of a row numbering the columns under the header: "1", "(2)", "3.". */
export function columnNumber(c: string, i: number): boolean {
  const m = /^\(?(\d{1,2})\)?\.?$/u.exec(c.trim());
  return m !== null && Number(m[1]) === i + 1;
}

/** The row numbering the columns under a header ("(1) (2) (3) (4) (5)", "1 2 3 4 5"): a header line, not a duty numbered 1. */
export function isColumnNumbers(cells: readonly string[]): boolean {
  return cells.length >= 3 && cells.every(columnNumber);
}

/** The number of blocks from `i` that number the columns of a `width`-column table (0 when none). */
export function columnNumbersAt(blocks: readonly { text: string }[], i: number, width: number): number {
  let n = 0;
  while (i + n < blocks.length && n < width && columnNumber(blocks[i + n]!.text, n)) n++;
  return n >= Math.min(3, width) && n >= width - 1 ? n : 0;
}

/** Adds one body row to the table under construction. */
export function addRow(b: Builder, cells: string[], start: number, end: number): void {
  if (b.table.rows.length === 0 && isColumnNumbers(cells.filter((c) => c !== ''))) return;
  const tt = (cells[0] ?? '').replace(/\.$/, '');
  const others = cells.slice(1).filter((c) => c !== '');
  if (tt === '') {
    mergeInto(b, cells, end);
    return;
  }
  if (ROMAN.test(tt) && others.length <= 1) {
    b.group = tt;
    b.groupTitle = others[0] ?? '';
    b.table.rows.push({ cells, tt: null, group: tt, groupTitle: b.groupTitle, label: null, start, end });
    return;
  }
  const label = b.group ? `${b.group}.${tt}` : tt;
  b.table.rows.push({ cells, tt, group: b.group, groupTitle: b.groupTitle, label, start, end });
}

/** Labels of the second header row under a spanning one ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"). */
export const SUB_LABEL = /^(?:chu tri|phoi hop|bat dau|ket thuc|hoan thanh)$/;
