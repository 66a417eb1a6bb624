import { folded, squash } from '../../../core/text/text-util.ts';
import { splitLines } from '../../structure/index.ts';
import { paragraphs, type TextBlock } from './blocks.ts';
import { fitCells, rolesFromCells, splitLostBoundary, type ColumnRole } from './table-cells.ts';

/**
 * One table model for the three layouts the corpus uses: Markdown pipe rows (seed 000), tab-separated
 * rows (seed 003) and thuvienphapluat exports with one cell per paragraph (corpus-dev). Header rows are
 * recognised by their labels and map columns by role; repeated headers and separator rows at page breaks
 * are dropped; continuation rows (empty TT cell, or a split cell) are merged into the previous row;
 * roman-numeral rows with only a title set the group of the rows that follow.
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

const ROMAN = /^[IVXL]{1,6}\.?$/;
const ARABIC = /^\d{1,3}(?:\.\d{1,2}){0,2}\.?$/;
/** "a", "b)", "c.": rows numbered by letter under a numbered group (one-cell-per-paragraph tables). */
const LETTER_TT = /^[a-zđ][.)]?$/u;
/** TT cells of rows under a numbered group: letters, or a bullet in pipe and tab rows. */
const SUB_TT = /^(?:[a-zđ][.)]?|[-–+•])$/u;

export function columnRole(label: string): ColumnRole {
  const f = folded(label);
  if (/^(?:s?tt|so tt|so thu tu)$/.test(f)) return 'tt';
  if (/chi tieu|tieu chi|chi so/.test(f) && !/nhiem vu/.test(f)) return 'indicator';
  if (/phoi hop/.test(f)) return 'coordinating';
  if (
    /chu tri|(?:don vi|co quan) thuc hien|dau moi|chiu trach nhiem|trach nhiem (?:thuc hien|chinh)|phan cong|chu dau tu|(?:co quan|don vi)\b.*\b(?:tham muu|soan thao)/.test(
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
function nextTt(current: string, t: string): boolean {
  const a = /^(\d+)\.?$/.exec(current);
  const b = /^(\d+)\.?$/.exec(t);
  return !a || !b || Number(b[1]) === Number(a[1]) + 1;
}

export function isHeaderRow(cells: readonly string[]): boolean {
  const roles = cells.map(columnRole);
  const labelled = roles.filter((r) => r !== 'other').length;
  return labelled >= 3 && (roles[0] === 'tt' || roles.includes('lead'));
}

function splitCells(line: string): string[] {
  const t = line.trim();
  if (t.startsWith('|')) {
    const inner = t.replace(/^\|/, '').replace(/\|$/, '');
    return inner.split('|').map((c) => squash(c.replace(/\*\*/g, '')));
  }
  return line.split('\t').map((c) => squash(c));
}

function isSeparator(cells: readonly string[]): boolean {
  return cells.every((c) => c === '' || /^:?-{2,}:?$/.test(c));
}

interface Builder {
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

function titleOf(table: Table, cells: readonly string[]): string {
  const i = table.roles.indexOf('title');
  return cells[i >= 0 ? i : 1] ?? '';
}

/** Adds one body row to the table under construction. */
function addRow(b: Builder, cells: string[], start: number, end: number): void {
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

/** Tables written as pipe or tab rows. */
function lineTables(text: string, isHeader: HeaderTest): Table[] {
  const tables: Table[] = [];
  let b: Builder | null = null;
  for (const line of splitLines(text)) {
    const t = line.text.trim();
    const isRow = t.startsWith('|') || (line.text.match(/\t/g)?.length ?? 0) >= 2;
    if (!isRow) {
      if (t !== '' && b) b = null;
      continue;
    }
    const cells = splitCells(line.text);
    if (isSeparator(cells)) continue;
    if (isHeader(cells)) {
      if (!b || b.table.header.length !== cells.length) {
        const layout = t.startsWith('|') ? 'pipe' : 'tab';
        const roles = cells.map(columnRole);
        const table: Table = {
          layout,
          kind: tableKind(cells, roles),
          header: cells,
          roles,
          rows: [],
          start: line.start,
          end: line.end,
        };
        tables.push(table);
        b = { table, group: null, groupTitle: null };
      }
      continue;
    }
    if (!b) continue;
    if (b.table.rows.length === 0 && subHeader(b.table, cells)) continue;
    addRow(
      b,
      b.table.kind === 'tasks' ? splitLostBoundary(cells, b.table.roles) : cells,
      line.start,
      line.end,
    );
    b.table.end = line.end;
  }
  return tables;
}

/** Labels of the second header row under a spanning one ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"). */
const SUB_LABEL = /^(?:chu tri|phoi hop|bat dau|ket thuc|hoan thanh)$/;

/**
 * A second header row (empty TT cell, short labels under a spanning cell): its labels give the roles
 * of the columns below them. True when the row was one.
 */
function subHeader(table: Table, cells: readonly string[]): boolean {
  if ((cells[0] ?? '') !== '') return false;
  const labels = cells.map((c) => folded(c));
  const subs = labels.filter((l) => SUB_LABEL.test(l)).length;
  if (subs < 2 || labels.some((l) => l !== '' && !SUB_LABEL.test(l) && l.length > 30)) return false;
  labels.forEach((l, i) => {
    const role = l === '' ? 'other' : columnRole(cells[i]!);
    if (role !== 'other') table.roles[i] = role;
  });
  table.kind = tableKind(table.header, table.roles);
  return true;
}

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
    if (ROMAN.test(t) || ARABIC.test(t) || LETTER_TT.test(t) || t.length > 60) break;
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

/** Tables exported with one cell per paragraph: rows open with a TT paragraph ("1", "II"). */
function paragraphTables(text: string, isHeader: HeaderTest, opts: ReadOptions): Table[] {
  const blocks = paragraphs(text).flatMap((b) => splitLeadingTt(text, b));
  const tables: Table[] = [];
  for (let i = 0; i < blocks.length; i++) {
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
    i = readParagraphRows(blocks, i + header.length, table, isHeader, opts) - 1;
    tables.push(table);
  }
  return tables;
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
    LETTER_TT.test(last.tt) ||
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
  let i = from;
  while (i < blocks.length) {
    const head = blocks[i]!;
    const repeated = paragraphHeader(blocks, i, isHeader);
    if (repeated) {
      i += repeated.length;
      continue;
    }
    const letters = !opts.numericCells && lettersFollow(table);
    if (!ROMAN.test(head.text) && !ARABIC.test(head.text) && !(letters && LETTER_TT.test(head.text))) break;
    let j = i + 1;
    // a letter opens a row under a lettered row, or under a numbered row once it has its title
    const lettered =
      !opts.numericCells &&
      (LETTER_TT.test(head.text) || /^\d{1,3}$/u.test(head.text) || ROMAN.test(head.text));
    const startsRow = (t: string): boolean =>
      ROMAN.test(t) ||
      (lettered && j > i + 1 && LETTER_TT.test(t)) ||
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

/**
 * All tables of a document text, in text order. `isHeader` recognises a header row (default: a task
 * table's, see `isHeaderRow`); other extractors pass their own (indicator tables).
 */
export function readTables(
  text: string,
  isHeader: HeaderTest = isHeaderRow,
  opts: ReadOptions = {},
): Table[] {
  return [...lineTables(text, isHeader), ...paragraphTables(text, isHeader, opts)]
    .map(withCellRoles)
    .map(withNumberedGroups)
    .sort((a, b) => a.start - b.start);
}

/**
 * "1 | Phát triển hạ tầng | | |" over "1.1 | … | Sở X | …" (or "a | …"): a numbered row with only its title,
 * followed by rows numbered under it, groups them as a roman row does. Its rows keep their own numbers as
 * labels ("1.1"), or take the group's in front of a letter ("1.a").
 */
function withNumberedGroups(table: Table): Table {
  if (table.kind !== 'tasks') return table;
  const rows = table.rows;
  let group: TableRow | null = null;
  let bullets = 0;
  const out = rows.map((row, k) => {
    const next = rows[k + 1];
    const onlyTitle = row.cells.slice(1).filter((c) => c !== '').length <= 1;
    const tt = row.tt ?? '';
    const opens =
      /^\d{1,3}$/u.test(tt) &&
      onlyTitle &&
      next?.tt != null &&
      (next.tt.startsWith(`${tt}.`) || SUB_TT.test(next.tt));
    if (opens) {
      bullets = 0;
      group = { ...row, tt: null, group: tt, groupTitle: titleOf(table, row.cells), label: null };
      return group;
    }
    if (row.tt === null) group = null;
    if (!group || row.tt === null) return row;
    const inGroup = row.tt.startsWith(`${group.group}.`) || SUB_TT.test(row.tt);
    if (!inGroup) {
      group = null;
      return row;
    }
    const label = row.tt.startsWith(`${group.group}.`)
      ? row.tt
      : `${group.group}.${LETTER_TT.test(row.tt) ? row.tt.replace(/[.)]$/u, '') : ++bullets}`;
    return { ...row, group: group.group, groupTitle: group.groupTitle, label };
  });
  return { ...table, rows: out };
}

/** The table with the roles its unlabelled columns' cells give (see `rolesFromCells`), and its kind again. */
function withCellRoles(table: Table): Table {
  const roles = rolesFromCells(
    table.roles,
    table.rows.filter((r) => r.tt !== null),
  );
  if (roles.every((r, i) => r === table.roles[i])) return table;
  return { ...table, roles, kind: tableKind(table.header, roles) };
}

/** Tables that assign work: a lead (chủ trì / thực hiện) column over duties. */
export function taskTables(text: string): Table[] {
  return readTables(text).filter((t) => t.kind === 'tasks');
}

/** The cell of `row` playing `role`, or null when the table has no such column or it is empty. */
export function cellOf(table: Table, row: TableRow, role: ColumnRole): string | null {
  const i = table.roles.indexOf(role);
  if (i < 0) return null;
  const c = row.cells[i] ?? '';
  return c === '' ? null : c;
}
