import type { Comparator, DocumentMeta, StructuredDocument } from '../../../core/types.ts';
import { expandAbbreviations, knownAgency, resolveAgency, splitAgencies } from '../agencies/index.ts';
import { tagFields } from '../fields.ts';
import { folded, readTables, squash, type Table, type TableRow } from '../text/index.ts';
import { horizonIn, isAnnual, resolveHorizon, type Horizon } from './horizon.ts';
import type { DocumentContext } from './context.ts';
import { isCountUnit, toNumber, UNIT_KIND, unitKind, type Quantity } from './quantity.ts';
import { readSubject } from './subject.ts';
import type { TargetDraft } from './validate.ts';

/**
 * Indicator tables ("DANH MỤC CÁC CHỈ TIÊU", "Biểu chỉ tiêu"): one column names the indicator, one its
 * unit, one or more give the target value by year or period, and often one names the agency that
 * monitors it ("Cơ quan chủ trì theo dõi, đánh giá"). Each row with a value in a target column is a
 * target with that responsible agency — not a task. Columns of results and estimates ("Thực hiện năm
 * 2024", "Ước 2025", "Hiện trạng") are baselines and are skipped.
 */

/**
 * `outcome`: a bare "Kết quả" (or "Giá trị") column — the results reached, unless the table's group rows
 * give it an aim horizon ("I | Đến năm 2030"), where it holds the values to reach (see `targetRoles`).
 */
type Role = 'tt' | 'indicator' | 'unit' | 'target' | 'outcome' | 'baseline' | 'agency' | 'other';

function roleOf(label: string, issued: number | null): Role {
  const f = folded(label);
  if (/^(?:s?tt|so tt)$/.test(f)) return 'tt';
  if (/^(?:don vi( tinh)?|dvt)$/.test(f)) return 'unit';
  if (/co quan|don vi (chu tri|theo doi|thuc hien|phu trach)|chu tri|theo doi/.test(f)) return 'agency';
  if (/^ket qua (?:can dat|phai dat|du kien|dau ra)/.test(f)) return 'target';
  if (/^(?:ket qua|gia tri)$/.test(f)) return 'outcome';
  if (/thuc hien|uoc|hien trang|thuc trang|ket qua|co so|nam goc/.test(f)) return 'baseline';
  if (/^(?:ten )?(?:noi dung )?chi tieu$|^(?:ten )?chi tieu\b(?!.*20\d\d)|^noi dung|^tieu chi/.test(f))
    return 'indicator';
  if (/muc tieu|ke hoach|chi tieu|den nam|giai doan|hang nam|20\d\d/.test(f)) {
    const y = /20\d\d/.exec(f);
    return y && issued !== null && Number(y[0]) < issued && !/den nam|muc tieu|giai doan/.test(f)
      ? 'baseline'
      : 'target';
  }
  return 'other';
}

/** An indicator table header: an indicator column, a unit or agency column and a target column. */
function isIndicatorHeader(cells: readonly string[]): boolean {
  const roles = cells.map((c) => roleOf(c, null));
  return (
    roles.includes('indicator') &&
    (roles.includes('target') || roles.includes('outcome')) &&
    (roles.includes('unit') || roles.includes('agency')) &&
    !cells.some((c) => BUDGET.test(folded(c)))
  );
}

/** Spending and budget tables are not indicator tables. */
const BUDGET = /kinh phi|du toan|nguon von|tong von|ngan sach|muc chi|muc thu|phi\b/;

/** The table states indicators: its indicator column or the words above it say "chỉ tiêu" / "mục tiêu". */
function statesIndicators(table: Table, above: string): boolean {
  return table.header.some((c) => /chi tieu/.test(folded(c))) || /chỉ tiêu|mục tiêu/iu.test(above);
}

const VALUE =
  /^(≥|>=|>|≤|<=|<|~|khoảng|trên|dưới|tối thiểu|ít nhất|tối đa|không dưới|không quá)?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*(?:[-–]\s*(\d+(?:[.,]\d+)?))?\s*(%)?/iu;

const SYMBOLS: Record<string, Comparator> = {
  '≥': '>=',
  '>=': '>=',
  '>': '>=',
  '≤': '<=',
  '<=': '<=',
  '<': '<=',
  '~': '~',
};
const WORDS: Record<string, Comparator> = {
  khoảng: '~',
  trên: '>=',
  'tối thiểu': '>=',
  'ít nhất': '>=',
  'không dưới': '>=',
  dưới: '<=',
  'tối đa': '<=',
  'không quá': '<=',
};

interface CellValue {
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  comparator: Comparator;
  percent: boolean;
}

function cellValue(cell: string): CellValue | null {
  const m = VALUE.exec(cell.trim());
  if (!m) return null;
  const a = toNumber(m[2]!);
  const b = m[3] !== undefined ? toNumber(m[3]) : null;
  const word = (m[1] ?? '').toLowerCase();
  return {
    value: b === null ? a : null,
    valueMin: b === null ? null : a,
    valueMax: b,
    comparator: SYMBOLS[word] ?? WORDS[word] ?? '=',
    percent: m[4] === '%',
  };
}

/**
 * The unit of a row: its unit cell; else "%" for a percentage; else what "Số …" counts ("Số xã đạt chuẩn
 * nông thôn mới" → "xã") when that is a unit the quantities know.
 */
function unitOf(cell: string, percent: boolean, indicator = ''): string | null {
  const u = cell.toLowerCase();
  if (u === '' && percent) return '%';
  if (u === '') {
    const counted = /^Số(?:\s+lượng)?\s+(\S+(?:\s+\S+)?)/u.exec(indicator);
    const words = counted ? counted[1]!.toLowerCase().split(' ') : [];
    return [words.join(' '), words[0] ?? ''].find((w) => w !== '' && isCountUnit(w)) ?? null;
  }
  return /%|phần trăm|tỷ lệ/u.test(u) ? '%' : u;
}

/** "3.000 lượt", "2 lần": the unit written after the value in a table without a unit column ('' when none). */
function unitAfter(cell: string, v: CellValue, rank: boolean): string {
  if (v.percent) return '';
  const tail = cell.trim().replace(VALUE, '').trim().toLowerCase();
  const words = tail.split(/\s+/u);
  if (rank && /^(?:hạng|bậc)$/u.test(words[0] ?? '')) return words[0]!;
  return [words.slice(0, 2).join(' '), words[0] ?? ''].find((w) => w !== '' && UNIT_KIND.has(w)) ?? '';
}

/** "Xếp hạng đổi mới công nghệ …": an indicator that ranks. */
const RANKING = /^(?:Xếp hạng|Thứ hạng)\s/iu;

function agencyOf(cell: string | undefined, meta: DocumentMeta): string | null {
  const text = squash(cell ?? '');
  if (text === '') return null;
  const names = splitAgencies(expandAbbreviations(text)).map((n) =>
    knownAgency(n, meta.locality) ? resolveAgency(n, meta.locality).name : n,
  );
  return names.length > 0 ? names.join('; ') : null;
}

function columnHorizon(label: string, table: Horizon, ctx: DocumentContext): { h: Horizon; annual: boolean } {
  const own = horizonIn(label);
  const bare = /(20\d\d)/.exec(label);
  const year = own.year ?? (own.span === null && bare ? Number(bare[1]) : null);
  return { h: resolveHorizon([{ year, span: own.span }, table, ctx.title]), annual: isAnnual(label) };
}

/** "Đến năm 2030", "Tầm nhìn đến năm 2045", "Mục tiêu năm 2026": a group row that gives its rows an aim horizon. */
const AIM_GROUP =
  /^(?:mục tiêu\s+|tầm nhìn\s+)?(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?)?năm\s+20\d\d|^giai đoạn\s+20\d\d/iu;

/** The horizon of a row: its group row's ("I | Đến năm 2030"), else the table's. */
function rowHorizon(row: TableRow, table: Horizon): Horizon {
  const own = row.groupTitle !== null ? horizonIn(row.groupTitle) : table;
  return own.year !== null || own.span !== null ? own : table;
}

/**
 * The roles with which the table's values are read: an `outcome` column holds targets when the rows are
 * grouped under aim horizons ("I | Đến năm 2030 … II | Đến năm 2045"), results otherwise.
 */
function targetRoles(table: Table, roles: Role[]): Role[] {
  const aims = table.rows.some((r) => r.groupTitle !== null && AIM_GROUP.test(r.groupTitle.trim()));
  return roles.map((r) => (r === 'outcome' ? (aims ? 'target' : 'baseline') : r));
}

/** "tăng trung bình", "giảm bình quân": an indicator that ends with its verb of change. */
const CHANGE_END = /(?:tăng|giảm)(?:\s+(?:trung bình|bình quân))?$/iu;
/** "%/năm": a rate per year. */
const PER_YEAR = /%\s*\/\s*năm/iu;

/**
 * What a percentage unit cell says beyond "%": a rate per year ("%/năm") or the base of a share ("% GDP");
 * the value is read with it, as in prose ("tăng 10%/năm", "đạt 30% GDP").
 */
function percentTail(unitCell: string): string {
  if (PER_YEAR.test(unitCell)) return '/năm';
  const base = /%\s*(GRDP|GDP)\b/u.exec(unitCell);
  return base ? ` ${base[1]!}` : '';
}

/** "Thứ bậc", "Thứ hạng", "Hạng": a unit column that ranks. */
const RANK_UNIT = /^(?:thứ\s+(?:bậc|hạng)|hạng|bậc)$/iu;

/**
 * "≤ 3 Đông Nam Á; ≤ 50 Thế giới": a cell of several values, each for a scope written after it. Each part
 * is read with its scope (`null` when the cell holds one value).
 */
function valueParts(cell: string): { text: string; scope: string | null }[] {
  const parts = cell.split(/\s*;\s*/u).filter((p) => VALUE.test(p.trim()));
  if (parts.length < 2) return [{ text: cell, scope: null }];
  return parts.map((p) => {
    const scope = p.trim().replace(VALUE, '').trim();
    return { text: p, scope: /^\p{L}[\p{L}\p{M}\s]{1,30}$/u.test(scope) ? scope.toLowerCase() : null };
  });
}

function rowTargets(
  table: Table,
  row: TableRow,
  roles: Role[],
  meta: DocumentMeta,
  ctx: DocumentContext,
  context: Horizon,
): TargetDraft[] {
  const indicator = squash(row.cells[roles.indexOf('indicator')] ?? '');
  const unitCell = squash(row.cells[roles.indexOf('unit')] ?? '');
  if (indicator === '') return [];
  const out: TargetDraft[] = [];
  const ranks = RANKING.test(indicator) || RANK_UNIT.test(unitCell);
  roles.forEach((role, i) => {
    if (role !== 'target') return;
    for (const part of valueParts(row.cells[i] ?? '')) out.push(...cellTarget(part, i));
  });
  return out;

  function cellTarget(part: { text: string; scope: string | null }, i: number): TargetDraft[] {
    const v = cellValue(part.text);
    if (!v) return [];
    const unit = ranks
      ? unitAfter(part.text, v, true) || 'hạng'
      : unitOf(unitCell || unitAfter(part.text, v, false), v.percent, indicator);
    const shown = `${v.value ?? `${v.valueMin}-${v.valueMax}`}${unit === '%' ? '%' : ` ${unit ?? ''}`}`;
    // "Số lượng công bố … tăng trung bình | %/năm | 10": the indicator's own verb links it to the value
    const link = CHANGE_END.test(indicator) ? ' ' : ' đạt ';
    const clause = `${indicator}${link}${shown}${unit === '%' ? percentTail(unitCell) : ''}`;
    const q: Quantity = {
      index: indicator.length + link.length,
      raw: shown,
      numberAt: indicator.length + link.length,
      ...v,
      unit: unit ?? '',
      kind: ranks ? 'rank' : unit ? unitKind(unit) : 'count',
    };
    const s = readSubject(clause, q);
    const { h, annual } = columnHorizon(table.header[i] ?? '', rowHorizon(row, context), ctx);
    return [
      {
        indicator,
        subject: part.scope !== null && s.subject !== '' ? `${s.subject} (${part.scope})` : s.subject,
        metric: s.metric,
        text: row.cells.filter((c) => c !== '').join(' | '),
        value: v.value,
        valueMin: v.valueMin,
        valueMax: v.valueMax,
        unit,
        comparator: v.comparator,
        year: h.year,
        period: annual || PER_YEAR.test(unitCell) ? 'hằng năm' : h.span,
        responsibleAgency: agencyOf(row.cells[roles.indexOf('agency')], meta),
        national: ctx.central,
        fields: tagFields(indicator, [table.header.join(' ')]),
        start: row.start,
      },
    ];
  }
}

/** Targets of the document's indicator tables, one per row and target column. */
export function tableTargets(
  doc: StructuredDocument,
  meta: DocumentMeta,
  ctx: DocumentContext,
): TargetDraft[] {
  const text = doc.parsed.text;
  return readTables(text, isIndicatorHeader, { numericCells: true }).flatMap((table) => {
    const roles = targetRoles(
      table,
      table.header.map((c) => roleOf(c, ctx.issued)),
    );
    const words = text.slice(Math.max(0, table.start - 400), table.start);
    if (!statesIndicators(table, words)) return [];
    const above = horizonIn(words);
    return table.rows
      .filter((r) => r.tt !== null)
      .flatMap((r) => rowTargets(table, r, roles, meta, ctx, above));
  });
}
