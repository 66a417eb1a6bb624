import { folded, squash } from '../../../core/text/text-util.ts';
import { splitLines } from '../../structure/index.ts';
import { paragraphTables } from './paragraph-tables.ts';
import { agencyCell, rolesFromCells, splitLostBoundary } from './table-cells.ts';
import {
  addRow,
  columnRole,
  isHeaderRow,
  LETTER_TT,
  SUB_LABEL,
  SUB_TT,
  tableKind,
  titleOf,
  type Builder,
  type ColumnRole,
  type HeaderTest,
  type ReadOptions,
  type Table,
  type TableRow,
} from './table-model.ts';

/**
 * One table model for the three layouts the corpus uses: Markdown pipe rows (seed 000), tab-separated
 * rows (seed 003) and thuvienphapluat exports with one cell per paragraph (corpus-dev). Header rows are
 * recognised by their labels and map columns by role; repeated headers and separator rows at page breaks
 * are dropped; continuation rows (empty TT cell, or a split cell) are merged into the previous row;
 * roman-numeral rows with only a title set the group of the rows that follow.
 */

export {
  columnRole,
  isHeaderRow,
  tableKind,
  type ColumnRole,
  type HeaderTest,
  type ReadOptions,
  type Table,
  type TableKind,
  type TableRow,
} from './table-model.ts';

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
    .map(withGroupLeads)
    .map(withMergedCells)
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

/**
 * Cells merged down a duty table's rows (one agency leading a run of duties, one period for them all) are
 * exported in the first row only: a duty row with an empty lead cell takes the lead (and, when its own is
 * empty too, the coordinating bodies) of the duty row above it in the same group, and an empty time cell
 * takes the time above it.
 */
function withMergedCells(table: Table): Table {
  if (table.kind !== 'tasks') return table;
  const lead = table.roles.indexOf('lead');
  const coordinating = table.roles.indexOf('coordinating');
  const deadline = table.roles.indexOf('deadline');
  let above: TableRow | null = null;
  const rows = table.rows.map((row) => {
    if (row.tt === null) {
      above = null;
      return row;
    }
    const cells = [...row.cells];
    const from = above;
    above = row;
    if (!from || from.group !== row.group) return row;
    if (table.layout === 'paragraph' && coordinatesOnly(cells, from.cells, lead, coordinating)) {
      cells[coordinating] = cells[lead]!;
      cells[lead] = '';
    }
    const take = (i: number): void => {
      if (i >= 0 && (cells[i] ?? '') === '' && (from.cells[i] ?? '') !== '') cells[i] = from.cells[i]!;
    };
    if (lead >= 0 && (cells[lead] ?? '') === '') {
      take(lead);
      take(coordinating);
    }
    take(deadline);
    above = { ...row, cells };
    return above;
  });
  return { ...table, rows };
}

/** A group row's title naming a body, in capitals or not ("SỞ Y TẾ", "UBND CÁC XÃ", "Công an tỉnh"). */
function namesBody(title: string): boolean {
  const t = title.replace(/[.:;]$/u, '').trim();
  const cased = t.charAt(0) + t.slice(1).toLowerCase();
  return agencyCell(t) || agencyCell(cased);
}

/**
 * Duties grouped under the body that leads them ("I | SỞ Y TẾ" over its duties, no lead column): a table
 * with a duty column and a coordinating, time or product column whose every group row names a body is a
 * duty table, each row led by its group's body.
 */
function withGroupLeads(table: Table): Table {
  const { roles } = table;
  if (table.kind !== 'other' || roles.includes('lead') || !roles.includes('title')) return table;
  if (!roles.some((r) => r === 'coordinating' || r === 'deadline' || r === 'product')) return table;
  const groups = table.rows.filter((r) => r.tt === null);
  if (groups.length === 0 || !groups.every((g) => namesBody(g.groupTitle ?? ''))) return table;
  return {
    ...table,
    kind: 'tasks',
    header: [...table.header, ''],
    roles: [...roles, 'lead'],
    rows: table.rows.map((r) => ({ ...r, cells: [...r.cells, r.tt === null ? '' : (r.groupTitle ?? '')] })),
  };
}

/** Several bodies ("Sở A; Sở B", "Sở A, Ban B") or a placeholder for several ("Các sở, ngành liên quan"). */
const MANY =
  /;|,\s*(?:Sở|Ban|Bộ|UBND|Ủy ban|Công an|Các|các|Đài|Báo|Văn phòng)\s|^(?:Các|các)\s|liên quan\.?$/u;

/**
 * In one-cell-per-paragraph tables a lead cell merged with the row above leaves no paragraph, so the row's
 * coordinating cell is read as its lead. That is so when the row names no coordinating body, the row above
 * leads with one body, and this row's only body cell is the row above's coordinating cell or names several
 * bodies where the leads name one.
 */
function coordinatesOnly(
  cells: readonly string[],
  above: readonly string[],
  lead: number,
  coord: number,
): boolean {
  if (lead < 0 || coord < 0 || (cells[coord] ?? '') !== '') return false;
  const own = cells[lead] ?? '';
  const prev = above[lead] ?? '';
  if (own === '' || prev === '' || own === prev || MANY.test(prev)) return false;
  return own === (above[coord] ?? '') || MANY.test(own);
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
