import type { Comparator } from '../../../core/types.ts';

/**
 * Quantities of target sentences: a number or range with its unit and the comparator word before it
 * ("ít nhất 20 mô hình", "01 đến 02 công nghệ", "khoảng 7%", "top 03"), and the unit's kind, which
 * decides the metric when the wording names no measure.
 */

export type UnitKind = 'percent' | 'times' | 'count' | 'money' | 'area' | 'mass' | 'rank' | 'other';

const UNIT_KINDS: readonly (readonly [UnitKind, readonly string[]])[] = [
  ['percent', ['%', 'phần trăm', 'điểm phần trăm']],
  ['times', ['lần']],
  // population indicators: the sex ratio at birth ("111,4 số bé trai/100 bé gái"), the fertility rate, rates
  // per thousand ("12,8‰", typed "%0") and life expectancy (an age, read only after "tuổi thọ")
  [
    'other',
    [
      'bé trai/100 bé gái',
      'số bé trai/100 bé gái',
      'trẻ trai/100 trẻ gái',
      'trẻ em trai/100 trẻ em gái',
      'con/phụ nữ',
      '‰',
      '%0',
      'tuổi',
    ],
  ],
  ['money', ['nghìn tỷ đồng', 'tỷ đồng', 'triệu đồng', 'tỷ USD', 'triệu USD', 'USD']],
  ['area', ['nghìn ha', 'triệu ha', 'ha', 'héc-ta', 'hecta', 'km2', 'km²', 'm2', 'm²']],
  ['mass', ['nghìn tấn', 'triệu tấn', 'tấn', 'µg/m3', 'μg/m3', 'mg/m3', 'mg/l']],
  [
    'count',
    [
      'doanh nghiệp',
      'hợp tác xã',
      'công nghệ',
      'sản phẩm',
      'mô hình',
      'lượt',
      'cơ sở',
      'trung tâm',
      'vùng',
      'dự án',
      'đề tài',
      'nhiệm vụ',
      'người',
      'lao động',
      'giống',
      'sáng chế',
      'khu',
      'chương trình',
      'phòng thí nghiệm',
      'tổ chức',
      'đơn vị',
      'trạm',
      'xã',
      'phường',
      'hộ',
      'trường',
      'bệnh viện',
      'giường bệnh',
      'bác sĩ',
      'bác sỹ',
      'học sinh',
      'sinh viên',
      'thôn',
      'điểm',
      'cụm',
      'chuỗi',
      'nền tảng',
      'hệ thống',
      'thương hiệu',
      'nhãn hiệu',
      'chỉ dẫn địa lý',
      'tiêu chuẩn',
      'quy trình',
      'triệu lượt',
      'nghìn lượt',
      'triệu người',
      'nghìn người',
      'km',
      'MW',
      'công trình',
      'làng',
      'bản',
      'tuyến',
      'chợ',
      'di tích',
      'câu lạc bộ',
      'giường',
    ],
  ],
];

export const UNIT_KIND = new Map<string, UnitKind>(
  UNIT_KINDS.flatMap(([kind, units]) => units.map((u) => [u.toLowerCase(), kind] as const)),
);

const COMPARATOR_WORDS: readonly (readonly [string, Comparator])[] = [
  ['không dưới', '>='],
  ['không thấp hơn', '>='],
  ['ít nhất', '>='],
  ['tối thiểu', '>='],
  ['trên', '>='],
  ['hơn', '>='],
  ['vượt', '>='],
  ['không quá', '<='],
  ['không vượt quá', '<='],
  ['tối đa', '<='],
  ['dưới', '<='],
  ['khoảng', '~'],
  ['xấp xỉ', '~'],
  ['gần', '~'],
  ['đạt', '='],
  ['từ', '='],
];

const NUM = String.raw`\d{1,3}(?:[.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const UNIT_RE = [...UNIT_KIND.keys()]
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');
const COMP_RE = COMPARATOR_WORDS.map(([w]) => w).join('|');

/** "/1 vạn dân", "/10.000 dân": a count per population, part of the unit ("14,3 bác sỹ/1 vạn dân"). */
const PER_POPULATION = String.raw`\s*\/\s*(?:1\s+)?(?:vạn|nghìn|\d{1,3}(?:\.\d{3})+)\s+dân(?![\p{L}\p{M}])`;

/** comparator? number (range)? unit — the unit must end a word; "từ 30% đến 40%" is one range. */
const QUANTITY = new RegExp(
  String.raw`(?:(${COMP_RE})\s+)?(${NUM})\s*(?:(?:%|phần trăm)\s*(?=-|–|đến|tới))?(?:(?:-|–|đến|tới)\s*(${NUM})\s*)?(${UNIT_RE})(?![\p{L}\p{M}\d])(${PER_POPULATION})?`,
  'giu',
);
/** A ranking: "top 03", "nhóm 10 tỉnh …", "xếp hạng thứ 5". */
const RANK = new RegExp(
  String.raw`(?:(?:top|tốp)\s+(${NUM})|nhóm\s+(${NUM})\s+(?=(?:tỉnh|địa phương|quốc gia|nước|thành phố|đơn vị)(?![\p{L}\p{M}]))|xếp\s+(?:hạng|thứ)\s+(?:thứ\s+)?(${NUM}))`,
  'giu',
);
/** "Tuổi thọ trung bình (của người dân) đạt 75 tuổi", "Tuổi thọ trung bình: 73,8 tuổi": the age that follows is the value. */
const LIFE_EXPECTANCY = /tuổi thọ[^.;]{0,50}$/iu;
/** Words before a number that make it an ordinal or a reference, not a quantity. */
const NOT_QUANTITY =
  /(?:số|năm|ngày|tháng|quý|khóa|khoá|thứ|hạng|top|tốp|nhóm|lần thứ|điều|khoản|mục|điểm|phụ lục)\s*$/iu;

export interface Quantity {
  /** Offset of the match (comparator word included) in the clause. */
  index: number;
  /** The matched text. */
  raw: string;
  /** Offset where the number itself starts. */
  numberAt: number;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  unit: string;
  kind: UnitKind;
  comparator: Comparator;
}

/** "3.000" → 3000, "32,2" → 32.2, "01" → 1. */
export function toNumber(s: string): number {
  const t = s.includes(',')
    ? s.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(?:\.\d{3})+$/.test(s)
      ? s.replace(/\./g, '')
      : s;
  return Number(t);
}

/** Comparator of a word before the number, or of "trở lên" / "trở xuống" after it. */
export function comparatorOf(word: string | undefined, after: string): Comparator {
  if (/^\s*trở\s+lên/iu.test(after)) return '>=';
  if (/^\s*trở\s+xuống/iu.test(after)) return '<=';
  const w = (word ?? '').toLowerCase().replace(/\s+/g, ' ');
  return COMPARATOR_WORDS.find(([x]) => x === w)?.[1] ?? '=';
}

/** True for a unit the count list names ("xã", "doanh nghiệp"). */
export function isCountUnit(unit: string): boolean {
  return UNIT_KIND.get(unit.toLowerCase()) === 'count';
}

/** The unit's kind (percent, count, money …). */
export function unitKind(unit: string): UnitKind {
  return UNIT_KIND.get(unit.toLowerCase().replace(/\s+/g, ' ')) ?? 'count';
}

function quantityOf(m: RegExpExecArray | RegExpMatchArray, clause: string): Quantity | null {
  const index = m.index ?? 0;
  const numberAt = index + m[0].indexOf(m[2]!);
  const prefix = clause.slice(0, numberAt);
  // "năm 2025", "khoản 3": an ordinal or reference, never written with thousands ("trong năm 5.605.000 người")
  if (NOT_QUANTITY.test(prefix) && !/^\d{1,3}(?:\.\d{3})+/u.test(m[2]!)) return null;
  // "2021-2025", "3/4", "COVID-19": not a figure of its own; "…: -0,1 điểm" is a signed one
  if (/\d\s*[/-]\s*$|\/$|[\p{L}\d]-$/u.test(prefix)) return null;
  // "trẻ em 5 tuổi" names who is counted; an age is a value only as a life expectancy
  if (/^tuổi$/iu.test(m[4]!) && !LIFE_EXPECTANCY.test(prefix)) return null;
  const a = toNumber(m[2]!);
  const b = m[3] !== undefined ? toNumber(m[3]) : null;
  const unit = `${m[4]!}${m[5]?.replace(/\s*\/\s*/u, '/') ?? ''}`
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^usd$/, 'USD')
    .replace(/ usd$/, ' USD')
    .replace(/^phần trăm$/u, '%') // "đạt 100 phần trăm" written out
    .replace(/^%0$/u, '‰')
    .replace(/^số\s+(?=bé trai)/u, '');
  return {
    index,
    raw: m[0],
    numberAt,
    value: b === null ? a : null,
    valueMin: b === null ? null : a,
    valueMax: b,
    unit,
    kind: unitKind(unit),
    comparator: comparatorOf(m[1], clause.slice(index + m[0].length)),
  };
}

function rankOf(m: RegExpExecArray | RegExpMatchArray): Quantity {
  const n = m[1] ?? m[2] ?? m[3]!;
  const index = m.index ?? 0;
  return {
    index,
    raw: m[0],
    numberAt: index + m[0].lastIndexOf(n),
    value: toNumber(n),
    valueMin: null,
    valueMax: null,
    unit: 'hạng',
    kind: 'rank',
    comparator: m[3] !== undefined ? '=' : '<=',
  };
}

/** Quantities of a clause in text order (rankings included). */
export function quantities(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(QUANTITY)) {
    const q = quantityOf(m, clause);
    if (q) out.push(q);
  }
  for (const m of clause.matchAll(RANK)) out.push(rankOf(m));
  return out.sort((a, b) => a.index - b.index);
}
