import { folded } from '../../../core/text/text-util.ts';

export type ColumnRole =
  'tt' | 'title' | 'indicator' | 'lead' | 'coordinating' | 'product' | 'deadline' | 'other';

/** What fitting needs of a table: its header labels, their roles and whether its rows are duties. */
interface Columns {
  header: readonly string[];
  roles: readonly ColumnRole[];
  kind: string;
}

/**
 * Fitting the paragraphs of a one-cell-per-paragraph table row to its columns, when empty cells left no
 * paragraph or a cell ran over several paragraphs.
 */

/**
 * A cell that states a time ("Quý I/2026", "Năm 2026", "Trước 15/12/2025", "Thường xuyên", "Hằng năm",
 * "2026-2030"), not a sentence that mentions one.
 */
export const timeCell = (c: string): boolean => TIME_CELL.test(c) && c.length <= 80;
/** A cell naming bodies (not a sentence that opens with one). */
export const agencyCell = (c: string): boolean =>
  AGENCY_CELL.test(c) && c.length <= 200 && !/[.:]$/u.test(c) && !THINGS.test(c);

/** "Các Văn bản quy phạm pháp luật …", "Các hoạt động …": a plural of things, not of bodies. */
const THINGS =
  /^Các\s+(?!(?:sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương|tổ chức|doanh nghiệp|xã|phường|hội|đoàn thể|trường|ủy ban|ubnd|hiệp hội|tập đoàn|ngân hàng|đảng đoàn|ban cán sự|đảng ủy|đảng uỷ|huyện ủy|thị ủy|thành ủy|cấp ủy|chi bộ|viện|trung tâm|cục|chi cục|tỉnh|thành phố|huyện|quận|nhà|cá nhân|lực lượng|chủ|thành viên|cơ sở|hợp tác xã|quỹ|công ty|tổng công ty|bệnh viện|đài|báo)(?=[\s,;]|$))/iu;

const TIME_CELL =
  /^(?:(?:xong|hoàn thành)\s+)?(?:(?:trước|trong|từ|sau|chậm nhất|đến)\s+)?(?:(?:ngày\s+)?\d{1,2}\/\d{1,2}(?:\/20\d\d)?|(?:quý|tháng|năm|giai đoạn)\s+[\dIVX]|hằng năm|hàng năm|thường xuyên|liên tục|20\d\d)/iu;

/**
 * Fits paragraph cells to the columns after TT: extra paragraphs are joined into the title cell; when
 * cells are missing (an empty cell leaves no paragraph), a figure where the unit belongs leaves the unit
 * empty, a last cell that states a time goes to the deadline column and the others fill the columns
 * before it in order.
 */
export function fitCells(cells: readonly string[], table: Columns, roman: boolean): string[] {
  const { roles } = table;
  const task = table.kind === 'tasks';
  const n = roles.length - 1;
  // An empty unit cell ("Số xã đạt chuẩn …" then its figures): the figure is not the unit.
  const unitAt = table.header.findIndex((h) => /^(?:don vi tinh|dvt|don vi)$/.test(folded(h))) - 1;
  const body =
    unitAt >= 1 && cells.length < n && /^[≥≤<>~]?\s*\d/u.test(cells[unitAt] ?? '')
      ? [...cells.slice(0, unitAt), '', ...cells.slice(unitAt)]
      : cells;
  if (roman && body.length <= 1) return [body[0] ?? '', ...Array<string>(Math.max(0, n - 1)).fill('')];
  const byShape = task ? cellsByShape(body, roles) : null;
  if (byShape) return byShape;
  if (body.length < n) {
    const due = roles.indexOf('deadline') - 1;
    const last = body[body.length - 1] ?? '';
    const out = Array<string>(n).fill('');
    if (due >= body.length - 1 && body.length > 1 && timeCell(last)) {
      body.slice(0, -1).forEach((c, i) => (out[i] = c));
      out[due] = last;
      return out;
    }
    body.forEach((c, i) => (out[i] = c));
    return out;
  }
  const extra = body.length - n;
  return [body.slice(0, extra + 1).join(' '), ...body.slice(extra + 1)];
}

/** A cell naming bodies: "Sở Y tế", "Các sở, ngành liên quan", "UBND các xã, phường". */
const AGENCY_CELL =
  /^(?:Các|Sở|Bộ|Ban|Ủy ban|UBND|Công an|Văn phòng|Thanh tra|Trung tâm|Cục|Chi cục|Tổng cục|Viện|Đài|Báo|Hội|Liên hiệp|Liên đoàn|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn|Mặt trận|Ngân hàng|Kho bạc|Bảo hiểm|Tập đoàn|Tổng công ty|Công ty|Quỹ|Cơ quan|Đơn vị|Doanh nghiệp|Tòa án|Bộ Chỉ huy|Học viện|Đại học|Trường|Hội đồng|Đảng [đĐ]oàn|Đảng [uủ][ỷy]|Huyện [uủ][ỷy]|Hiệp hội|Vườn [qQ]uốc gia|Bệnh viện)(?=[\s,;]|$)/u;

/**
 * A duty row whose paragraphs do not match the columns (a duty in several paragraphs, several
 * coordinating paragraphs, an empty coordinating cell): the title runs to the first paragraph that names
 * a body, that one leads, a last paragraph stating a time is the deadline, the ones between coordinate.
 * Only for tables whose columns after the title are lead, coordinating and deadline; null otherwise.
 */
function cellsByShape(body: readonly string[], roles: readonly ColumnRole[]): string[] | null {
  const cols = roles.slice(1);
  if (body.length === cols.length || cols[0] !== 'title') return null;
  if (!cols.slice(1).every((r) => r === 'lead' || r === 'coordinating' || r === 'deadline'))
    return cellsWithFreeText(body, cols);
  const k = body.findIndex((c, i) => i > 0 && agencyCell(c));
  if (k < 0) return null;
  let rest = body.slice(k);
  const last = rest[rest.length - 1] ?? '';
  const due = rest.length > 1 && timeCell(last) ? last : '';
  if (due !== '') rest = rest.slice(0, -1);
  const value: Record<string, string> = {
    title: body.slice(0, k).join(' '),
    lead: rest[0] ?? '',
    coordinating: rest.slice(1).join('; '),
    deadline: due,
  };
  if (!cols.includes('coordinating') && rest.length > 1) return null;
  return cols.map((r) => value[r] ?? '');
}

/** How well a cell fits a column (-Infinity: never; extra title paragraphs neither name bodies nor state times). */
function fit(role: ColumnRole, c: string, first: boolean): number {
  const body = agencyCell(c.replace(/\.$/u, ''));
  const time = timeCell(c);
  if (role === 'title') return first ? 0 : body || time ? -Infinity : 0;
  // a lead before all: the first body of a row leads, the others coordinate
  if (role === 'lead') return time ? -Infinity : body ? 3 : -1;
  if (role === 'coordinating') return time ? -Infinity : body ? 2 : -1;
  if (role === 'deadline') return time ? 2 : body ? -Infinity : -1;
  return body || time ? -1 : 1;
}

/**
 * The same for duty tables with columns of free text as well ("Chỉ tiêu", "Sản phẩm", "Ghi chú"): the
 * paragraphs are laid over the columns in order (a column may stay empty; the title and the coordinating
 * column may take several paragraphs) so that bodies fall in agency columns, times in the deadline column
 * and other text in free columns as far as possible. Null when no laying fits.
 */
function cellsWithFreeText(body: readonly string[], cols: readonly ColumnRole[]): string[] | null {
  const n = body.length;
  const m = cols.length;
  // best[i][c]: best score laying body[i..] over cols[c..] (c is where body[i] may go, or a later column)
  const best = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(-Infinity));
  const move = Array.from({ length: n + 1 }, () => Array<'skip' | 'next' | 'stay'>(m + 1).fill('skip'));
  for (let c = m; c >= 0; c--) best[n]![c] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let c = m - 1; c >= 0; c--) {
      const role = cols[c]!;
      const f = fit(role, body[i]!, i === 0);
      // on a tie a cell goes in the column rather than leaving it empty
      const options: [number, 'skip' | 'next' | 'stay'][] = [[f + best[i + 1]![c + 1]!, 'next']];
      if ((role === 'title' || role === 'coordinating') && i + 1 < n)
        options.push([f + best[i + 1]![c]!, 'stay']);
      options.push([c === 0 && i === 0 ? -Infinity : best[i]![c + 1]!, 'skip']);
      const [score, how] = options.reduce((a, b) => (b[0] > a[0] ? b : a));
      best[i]![c] = score;
      move[i]![c] = how;
    }
  }
  if (best[0]![0] === -Infinity) return null;
  const out: string[][] = cols.map(() => []);
  for (let i = 0, c = 0; i < n;) {
    const how = move[i]![c]!;
    if (how !== 'skip') out[c]!.push(body[i++]!);
    if (how !== 'stay') c++;
  }
  return out.map((cells, c) => cells.join(cols[c] === 'coordinating' ? '; ' : ' '));
}

/** Share of a column's cells a cell test must hold for the column to take the role by its content. */
const CONTENT_SHARE = 0.6;

/** The non-empty cells of column `i` over `rows`. */
function columnCells(rows: readonly { cells: readonly string[] }[], i: number): string[] {
  return rows.map((r) => r.cells[i] ?? '').filter((c) => c !== '');
}

function mostly(cells: readonly string[], test: (c: string) => boolean): boolean {
  return cells.length >= 2 && cells.filter(test).length >= CONTENT_SHARE * cells.length;
}

/**
 * Roles of columns whose header label says nothing the label vocabulary knows, read from what their cells
 * hold (the header of an unseen document may word a column any way; its cells still name bodies or
 * times). Only in duty tables — a lead column found by its label — and only for unlabelled columns and
 * roles the table lacks: a column of times is the deadline, a column of bodies after the lead the
 * coordinating agencies. A lead is never inferred from cells: a table of processing steps ("Bộ phận |
 * Nội dung công việc | Thời gian", tvpl-276) names bodies and times too, but assigns no duties.
 */
export function rolesFromCells(
  roles: readonly ColumnRole[],
  rows: readonly { cells: readonly string[] }[],
): ColumnRole[] {
  const out = [...roles];
  const lead = out.indexOf('lead');
  if (lead < 0) return out;
  out.forEach((role, i) => {
    if (role !== 'other' || i === 0) return;
    const cells = columnCells(rows, i);
    if (!out.includes('deadline') && mostly(cells, timeCell)) out[i] = 'deadline';
    else if (i > lead && !out.includes('coordinating') && mostly(cells, agencyCell)) out[i] = 'coordinating';
  });
  return out;
}

/**
 * Whether a cell fits the column it would move to: a time in the deadline column, bodies in an agency
 * column (a whole cell may end with a full stop, as cells of a printed table often do).
 */
function cellFits(role: ColumnRole | undefined, c: string): boolean {
  if (c === '') return true;
  if (role === 'deadline') return timeCell(c);
  if (role === 'lead' || role === 'coordinating') return agencyCell(c.replace(/\.$/u, ''));
  return role === 'product' || role === 'other';
}

/** A cell's text split at its sentence ends: [before, after] for each ". " boundary. */
function sentenceSplits(c: string): [string, string][] {
  return [...c.matchAll(/\.\s+(?=[\p{Lu}\d])/gu)].map((m) => [
    c.slice(0, m.index + 1).trim(),
    c.slice(m.index + m[0].length).trim(),
  ]);
}

/**
 * A cell boundary the page did not show: a duty row printed from tab-separated text loses a tab that
 * happened to be one space wide, so two cells run together at a sentence end ("… kinh tế xã hội. Ban Cán
 * sự Đảng UBND tỉnh", "… trực thuộc Tỉnh uỷ. 2023 - 2030") and the row ends with an empty cell or one
 * cell short. The row is split there only when everything then fits its column: the split-off part and
 * every cell after it, moved one column right, name bodies in agency columns and state a time in the
 * deadline column, and exactly one boundary does so. Otherwise the row is returned as it is.
 */
export function splitLostBoundary(cells: readonly string[], roles: readonly ColumnRole[]): string[] {
  const n = roles.length;
  const short = cells.length === n - 1;
  if (!short && !(cells.length === n && cells[n - 1] === '')) return [...cells];
  const body = short ? cells : cells.slice(0, n - 1);
  const found: string[][] = [];
  for (let i = 1; i < body.length; i++) {
    for (const [before, after] of sentenceSplits(body[i]!)) {
      const moved = [after, ...body.slice(i + 1)];
      if (!moved.every((c, k) => cellFits(roles[i + 1 + k], c))) continue;
      found.push([...body.slice(0, i), before, ...moved]);
    }
  }
  return found.length === 1 ? found[0]! : [...cells];
}
