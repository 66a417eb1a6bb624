import { agencyCell, timeCell } from './table-cells.ts';
import {
  columnNumbersAt,
  columnRole,
  ROMAN,
  ARABIC,
  type ColumnRole,
  type HeaderTest,
  type Table,
} from './table-model.ts';
import type { TextBlock } from './blocks.ts';

/**
 * One-cell-per-paragraph duty tables printed without a TT column ("Nội dung nhiệm vụ | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian hoàn thành"): no row number opens a row, so rows are read by the shape of
 * their cells. A row is its duty (one or more paragraphs), then the bodies (the first leads, the others
 * coordinate), then a time and a short product where the table has those columns. A paragraph in capitals
 * groups the rows below it. The table ends at the first paragraph that does not fit a row.
 */

/** A header label: short, no sentence punctuation, a role the label vocabulary knows. */
function isLabel(t: string): boolean {
  return t.length <= 50 && !/[.:;]$/u.test(t) && !/:\s/u.test(t) && columnRole(t) !== 'other';
}

/** The labels of a TT-less duty table header opening at block `i` (title label first), or null. */
export function headerWithoutTt(
  blocks: readonly TextBlock[],
  i: number,
  isHeader: HeaderTest,
): string[] | null {
  const first = blocks[i]!.text;
  if (!isLabel(first) || columnRole(first) !== 'title') return null;
  const labels = [first];
  const seen = new Set<ColumnRole>(['title']);
  // The header ends before a label of a role it already has (a group row "NHÓM GIẢI PHÁP …" under it).
  for (let j = i + 1; j < blocks.length && labels.length < 7 && isLabel(blocks[j]!.text); j++) {
    const role = columnRole(blocks[j]!.text);
    if (seen.has(role)) break;
    seen.add(role);
    labels.push(blocks[j]!.text);
  }
  if (!seen.has('lead')) return null;
  return isHeader(['TT', ...labels]) ? labels : null;
}

/** A body named in a cell: an agency cell that is not a plural noun of things ("Các hoạt động …"). */
function bodyCell(raw: string): boolean {
  const t = raw.replace(/\.$/u, '');
  if (!agencyCell(t)) return false;
  return !/^Các\s+(?!(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|doanh nghiệp|bộ|xã|phường|hội|đoàn thể|trường|ủy ban|ubnd|hiệp hội|tập đoàn|ngân hàng|đảng đoàn|ban cán sự|đảng ủy|huyện ủy|thị ủy|thành ủy|cấp ủy|chi bộ|viện|trung tâm|cục|chi cục|tỉnh|thành phố|huyện|quận)(?=[\s,;]|$))/iu.test(
    t,
  );
}

/** A group row: a paragraph in capitals ("NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH"). */
const GROUP_ROW = (t: string): boolean => /\p{Lu}{3}/u.test(t) && !/\p{Ll}/u.test(t) && t.length <= 160;
/** Text after the table: a heading, an article, a marked item, the recipients or an appendix. */
const END = /^(?:PHỤ LỤC|Phụ lục|Nơi nhận|Điều \d|Chương [IVXL\d]|[IVX]+\.\s|\d+\.\s|[-–+•]\s|[a-zđ]\)\s)/u;

interface ShapedRow {
  cells: Record<string, string[]>;
  start: number;
  end: number;
}

/** Takes the cells of the columns after the title, in the header's order, from block `j`; returns the next block. */
function takeColumns(
  blocks: readonly TextBlock[],
  j: number,
  roles: readonly ColumnRole[],
  cells: Record<string, string[]>,
): number {
  let k = j;
  const at = (x: number): string | null => blocks[x]?.text ?? null;
  for (const role of roles.slice(roles.indexOf('title') + 1)) {
    const t = at(k);
    if (t === null) break;
    if (role === 'lead' && bodyCell(t)) cells.lead!.push(blocks[k++]!.text);
    else if (role === 'coordinating')
      while (at(k) !== null && bodyCell(at(k)!)) cells.coordinating!.push(blocks[k++]!.text);
    else if (role === 'deadline' && timeCell(t)) cells.deadline!.push(blocks[k++]!.text);
    else if (role === 'product' && isProduct(t, at(k + 1))) cells.product!.push(blocks[k++]!.text);
  }
  return k;
}

/** A short product cell: not a body, a time or the next row's duty (which bodies follow). */
function isProduct(t: string, after: string | null): boolean {
  return (
    t.length <= 150 &&
    !bodyCell(t) &&
    !timeCell(t) &&
    !END.test(t) &&
    !GROUP_ROW(t) &&
    !(after !== null && bodyCell(after))
  );
}

/** Reads one row at `i` by the shape of its cells; null when the blocks there are no row. */
function shapedRow(
  blocks: readonly TextBlock[],
  i: number,
  roles: readonly ColumnRole[],
): [ShapedRow, number] | null {
  const cells: Record<string, string[]> = {
    title: [],
    lead: [],
    coordinating: [],
    deadline: [],
    product: [],
  };
  let j = i;
  // "1. Tổ chức …" directly over its lead: a duty cell that carries its own number, not a paragraph after the table
  const numbered = /^\d{1,3}\.\s+\p{Lu}/u.test(blocks[i]!.text) && bodyCell(blocks[i + 1]?.text ?? '');
  while (j < blocks.length && j < i + 4 && !bodyCell(blocks[j]!.text) && !timeCell(blocks[j]!.text)) {
    if ((END.test(blocks[j]!.text) && !(numbered && j === i)) || GROUP_ROW(blocks[j]!.text)) break;
    cells.title!.push(blocks[j]!.text);
    j++;
  }
  if (cells.title!.length === 0 || j >= blocks.length || !bodyCell(blocks[j]!.text)) return null;
  const next = takeColumns(blocks, j, roles, cells);
  if (cells.lead!.length === 0) return null;
  return [{ cells, start: blocks[i]!.start, end: blocks[next - 1]!.end }, next];
}

/** Reads the rows of a TT-less table from `from` into `table`; returns the index of the first block after it. */
export function readShapedRows(blocks: readonly TextBlock[], from: number, table: Table): number {
  const roles = table.roles;
  let groupTitle: string | null = null;
  // a row numbering the columns under the header ("(1) (2) (3) (4)"): not a duty
  let i = from + columnNumbersAt(blocks, from, roles.length - 1);
  while (i < blocks.length) {
    const t = blocks[i]!.text;
    if (GROUP_ROW(t) && !ROMAN.test(t) && !ARABIC.test(t)) {
      groupTitle = t;
      i++;
      continue;
    }
    if (/^[-–+•]$/u.test(t)) {
      i++; // a bullet in the TT column
      continue;
    }
    const title = blocks[i + 1]?.text;
    if (
      ROMAN.test(t) &&
      title !== undefined &&
      !bodyCell(title) &&
      blocks[i + 2] &&
      !bodyCell(blocks[i + 2]!.text)
    ) {
      groupTitle = title; // a numbered group row ("II", "PHÁT TRIỂN NGUỒN NHÂN LỰC")
      i += 2;
      continue;
    }
    const read = shapedRow(blocks, i, roles);
    if (!read) break;
    const [row, next] = read;
    const cells = roles.map((r, k) =>
      k === 0 ? '' : (row.cells[r] ?? []).join(r === 'coordinating' ? '; ' : ' '),
    );
    // No row number: the row is numbered for the reader (tt) but shows no label of its own.
    const tt = `#${table.rows.length + 1}`;
    table.rows.push({ cells, tt, group: null, groupTitle, label: null, start: row.start, end: row.end });
    table.end = row.end;
    i = next;
  }
  return i;
}
