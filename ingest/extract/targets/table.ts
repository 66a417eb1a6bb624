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

type Role = 'tt' | 'indicator' | 'unit' | 'target' | 'baseline' | 'agency' | 'other';

function roleOf(label: string, issued: number | null): Role {
  const f = folded(label);
  if (/^(?:s?tt|so tt)$/.test(f)) return 'tt';
  if (/^(?:don vi( tinh)?|dvt)$/.test(f)) return 'unit';
  if (/co quan|don vi (chu tri|theo doi|thuc hien|phu trach)|chu tri|theo doi/.test(f)) return 'agency';
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
    roles.includes('target') &&
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
  roles.forEach((role, i) => {
    if (role !== 'target') return;
    const v = cellValue(row.cells[i] ?? '');
    if (!v) return;
    const unit = unitOf(
      unitCell || unitAfter(row.cells[i] ?? '', v, RANKING.test(indicator)),
      v.percent,
      indicator,
    );
    const shown = `${v.value ?? `${v.valueMin}-${v.valueMax}`}${unit === '%' ? '%' : ` ${unit ?? ''}`}`;
    const clause = `${indicator} đạt ${shown}`;
    const q: Quantity = {
      index: indicator.length + ' đạt '.length,
      raw: shown,
      numberAt: indicator.length + ' đạt '.length,
      ...v,
      unit: unit ?? '',
      kind: RANKING.test(indicator) ? 'rank' : unit ? unitKind(unit) : 'count',
    };
    const s = readSubject(clause, q);
    const { h, annual } = columnHorizon(table.header[i] ?? '', context, ctx);
    out.push({
      indicator,
      subject: s.subject,
      metric: s.metric,
      text: row.cells.filter((c) => c !== '').join(' | '),
      value: v.value,
      valueMin: v.valueMin,
      valueMax: v.valueMax,
      unit,
      comparator: v.comparator,
      year: h.year,
      period: annual ? 'hằng năm' : h.span,
      responsibleAgency: agencyOf(row.cells[roles.indexOf('agency')], meta),
      national: ctx.central,
      fields: tagFields(indicator, [table.header.join(' ')]),
      start: row.start,
    });
  });
  return out;
}

/** Targets of the document's indicator tables, one per row and target column. */
export function tableTargets(
  doc: StructuredDocument,
  meta: DocumentMeta,
  ctx: DocumentContext,
): TargetDraft[] {
  const text = doc.parsed.text;
  return readTables(text, isIndicatorHeader, { numericCells: true }).flatMap((table) => {
    const roles = table.header.map((c) => roleOf(c, ctx.issued));
    const words = text.slice(Math.max(0, table.start - 400), table.start);
    if (!statesIndicators(table, words)) return [];
    const above = horizonIn(words);
    return table.rows
      .filter((r) => r.tt !== null)
      .flatMap((r) => rowTargets(table, r, roles, meta, ctx, above));
  });
}
