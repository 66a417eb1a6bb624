/**
 * Document numbers ("số hiệu"): recognition in every common spelling, canonical spelling, comparison
 * key and identity key.
 *
 * Two official styles exist: party documents "36-NQ/TW", "50-CTr/TU" (number-TYPE/ISSUER) and state
 * documents "189/NQ-CP", "78/2025/NQ-HĐND", "72/2025/QH15" (number[/year]/TYPE-ISSUER). A party
 * number misspelt in state style ("36/NQ-TW") is rewritten to the party style; everything else keeps
 * its style, with type letters in official case ("CTr", "TTr", "QĐ", "HĐND").
 */
import type { DocType } from '../types.ts';
import { docNumberKey } from '../text/normalize.ts';
import { fold } from '../text/text-util.ts';

/** Type abbreviation (folded, upper case) → official spelling and document type. */
const TYPE_ABBR: Record<string, { abbr: string; type: DocType | null }> = {
  NQ: { abbr: 'NQ', type: 'Nghị quyết' },
  NQLT: { abbr: 'NQLT', type: 'Nghị quyết' },
  KH: { abbr: 'KH', type: 'Kế hoạch' },
  CTR: { abbr: 'CTr', type: 'Chương trình' },
  QD: { abbr: 'QĐ', type: 'Quyết định' },
  CT: { abbr: 'CT', type: 'Chỉ thị' },
  KL: { abbr: 'KL', type: 'Kết luận' },
  TT: { abbr: 'TT', type: 'Thông tư' },
  TTLT: { abbr: 'TTLT', type: 'Thông tư liên tịch' },
  ND: { abbr: 'NĐ', type: 'Nghị định' },
  TTR: { abbr: 'TTr', type: 'Tờ trình' },
  TB: { abbr: 'TB', type: 'Thông báo' },
  CD: { abbr: 'CĐ', type: 'Công điện' },
  CV: { abbr: 'CV', type: 'Công văn' },
  DA: { abbr: 'ĐA', type: 'Đề án' },
  BC: { abbr: 'BC', type: 'Báo cáo' },
  HD: { abbr: 'HD', type: null },
  QC: { abbr: 'QC', type: null },
  QY: { abbr: 'QY', type: null },
};

/** Issuer abbreviation (folded, upper case) → issuing body; `local` ones are unique only in a locality. */
const ISSUERS: Record<string, { name: string; local: boolean; party?: boolean }> = {
  TW: { name: 'Ban Chấp hành Trung ương Đảng', local: false, party: true },
  TU: { name: 'Tỉnh ủy', local: true, party: true },
  HU: { name: 'Huyện ủy', local: true, party: true },
  DU: { name: 'Đảng ủy', local: false, party: true },
  TGV: { name: 'Tổ giúp việc Ban Chỉ đạo Trung ương', local: false, party: true },
  BCD: { name: 'Ban Chỉ đạo', local: false, party: true },
  VPTW: { name: 'Văn phòng Trung ương Đảng', local: false, party: true },
  CP: { name: 'Chính phủ', local: false },
  TTG: { name: 'Thủ tướng Chính phủ', local: false },
  VPCP: { name: 'Văn phòng Chính phủ', local: false },
  QH: { name: 'Quốc hội', local: false },
  UBTVQH: { name: 'Ủy ban Thường vụ Quốc hội', local: false },
  UBND: { name: 'Ủy ban nhân dân', local: true },
  CTUBND: { name: 'Chủ tịch Ủy ban nhân dân', local: true },
  VPUBND: { name: 'Văn phòng Ủy ban nhân dân', local: true },
  HDND: { name: 'Hội đồng nhân dân', local: true },
  TTHDND: { name: 'Thường trực Hội đồng nhân dân', local: true },
  BTC: { name: 'Bộ Tài chính', local: false },
  BKHCN: { name: 'Bộ Khoa học và Công nghệ', local: false },
  BYT: { name: 'Bộ Y tế', local: false },
  BKHDT: { name: 'Bộ Kế hoạch và Đầu tư', local: false },
  BTTTT: { name: 'Bộ Thông tin và Truyền thông', local: false },
  BNNPTNT: { name: 'Bộ Nông nghiệp và Phát triển nông thôn', local: false },
  BNNMT: { name: 'Bộ Nông nghiệp và Môi trường', local: false },
  BTNMT: { name: 'Bộ Tài nguyên và Môi trường', local: false },
  BCT: { name: 'Bộ Công Thương', local: false },
  BXD: { name: 'Bộ Xây dựng', local: false },
  BGDDT: { name: 'Bộ Giáo dục và Đào tạo', local: false },
  BLDTBXH: { name: 'Bộ Lao động - Thương binh và Xã hội', local: false },
  BNV: { name: 'Bộ Nội vụ', local: false },
  BTP: { name: 'Bộ Tư pháp', local: false },
  BCA: { name: 'Bộ Công an', local: false },
  BQP: { name: 'Bộ Quốc phòng', local: false },
  BGTVT: { name: 'Bộ Giao thông vận tải', local: false },
  BVHTTDL: { name: 'Bộ Văn hóa, Thể thao và Du lịch', local: false },
  BNG: { name: 'Bộ Ngoại giao', local: false },
  NHNN: { name: 'Ngân hàng Nhà nước Việt Nam', local: false },
  CHQ: { name: 'Cục Hải quan', local: false },
  SKHCN: { name: 'Sở Khoa học và Công nghệ', local: true },
};

export interface DocNumber {
  /** Digits as written ("36", "010"). */
  num: string;
  year: string | null;
  /** Official type abbreviation ("NQ", "CTr", "QĐ") or null ("72/2025/QH15"). */
  typeAbbr: string | null;
  /** Issuer segments joined by "-" in official case ("TW", "CP", "HĐND", "UBND-KT", "QH15"). */
  issuerAbbr: string;
  /** Party style "36-NQ/TW" vs state style "189/NQ-CP". */
  style: 'party' | 'state';
  type: DocType | null;
  issuer: string | null;
  /** Issued by a local body (numbers are only unique within a locality). */
  local: boolean;
  /** Canonical spelling. */
  normalized: string;
}

/** A letter segment; "TƯ" is the Party's "TW" spelt with its diacritic ("57-NQ/TƯ"). */
const SEG = '(?:TƯ|[A-ZĐ][A-Za-zĐđ&]{0,11}\\d{0,2})(?![\\p{L}\\p{M}])';
/** A document number in running text (whitespace already collapsed to single spaces). */
export const DOC_NUMBER_RE = new RegExp(
  `(?<![\\p{L}\\p{N}/.-])(\\d{1,6}[a-z]?)(?: ?/ ?(\\d{4}))?( ?[/-] ?)(${SEG}(?:(?: ?[/-] ?|\\.)${SEG})*)`,
  'gu',
);

/** Case-insensitive variant for numbers typed alone (API filters: "189/nq-cp"). */
const LOOSE_RE = new RegExp(DOC_NUMBER_RE.source, 'giu');

function foldUpper(s: string): string {
  return fold(s).toUpperCase();
}

const OFFICIAL_CASE: Record<string, string> = { TTG: 'TTg' };

function officialSegment(seg: string): string {
  if (seg.toUpperCase() === 'TƯ') return 'TW';
  const up = foldUpper(seg);
  return TYPE_ABBR[up]?.abbr ?? OFFICIAL_CASE[up] ?? seg.toUpperCase();
}

function issuerInfo(segments: string[]): { name: string; local: boolean; party: boolean } | null {
  for (const seg of segments) {
    const key = foldUpper(seg).replace(/\d+$/, '');
    const hit = ISSUERS[key];
    if (hit !== undefined) return { name: hit.name, local: hit.local, party: hit.party ?? false };
    if (/^S[A-Z]{2,}$/.test(key)) return { name: 'Sở', local: true, party: false };
  }
  return null;
}

/** "NĐCP" (dash lost) → ["NĐ", "CP"] when it is a type abbreviation glued to a known issuer. */
function splitGlued(seg: string): string[] {
  const up = foldUpper(seg);
  for (const t of Object.keys(TYPE_ABBR)) {
    if (up.length > t.length && up.startsWith(t) && ISSUERS[up.slice(t.length)] !== undefined) {
      return [seg.slice(0, t.length), seg.slice(t.length)];
    }
  }
  return [seg];
}

/** Builds a DocNumber from its parts: `segments` are the letter segments in written order. */
function build(num: string, year: string | null, firstSep: string, written: string[]): DocNumber | null {
  const segments = written.length === 1 ? splitGlued(written[0] ?? '') : written;
  const official = segments.map(officialSegment);
  const firstIsType = TYPE_ABBR[foldUpper(segments[0] ?? '')] !== undefined;
  const typeAbbr = firstIsType ? (official[0] ?? null) : null;
  const issuerSegs = firstIsType ? official.slice(1) : official;
  if (issuerSegs.length === 0) return null;
  const info = issuerInfo(issuerSegs);
  if (typeAbbr === null && info === null && year === null && segments.length < 2) return null;
  const party = info?.party === true || (firstSep.includes('-') && year === null && typeAbbr !== null);
  const issuerAbbr = issuerSegs.join('-');
  let normalized: string;
  if (party && typeAbbr !== null) normalized = `${num}-${typeAbbr}/${issuerSegs.join('/')}`;
  else
    normalized = [num, year, [typeAbbr, issuerAbbr].filter((x) => x !== null).join('-')]
      .filter((x) => x !== null)
      .join('/');
  // "72/2025/QH15" has no type letters: the type comes from the words before it (Luật, Nghị quyết).
  const type = typeAbbr === null ? null : (TYPE_ABBR[foldUpper(typeAbbr)]?.type ?? null);
  return {
    num,
    year,
    typeAbbr,
    issuerAbbr,
    style: party ? 'party' : 'state',
    type,
    issuer: info?.name ?? null,
    local: info?.local ?? false,
    normalized,
  };
}

/** Parses one number written in any common spelling; null when `s` holds no document number. */
export function parseDocNumber(s: string): DocNumber | null {
  const text = s.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  for (const m of text.matchAll(LOOSE_RE)) {
    const parsed = parseMatch(m);
    if (parsed !== null) return parsed;
  }
  return null;
}

/** Parses a match of `DOC_NUMBER_RE`. */
export function parseMatch(m: RegExpMatchArray): DocNumber | null {
  const segments = (m[4] ?? '').split(/ ?[/-] ?|\./).filter((x) => x !== '');
  return build(m[1] ?? '', m[2] ?? null, m[3] ?? '', segments);
}

/** Canonical spelling ("36/nq-tw" → "36-NQ/TW", "189-NQ/CP" stays state style "189/NQ-CP"…); input when unparsable. */
export function normalizeNumber(s: string): string {
  const p = parseDocNumber(s);
  if (p === null) return s.trim();
  // "189-NQ/CP": dash style with a state issuer → state style.
  if (p.style === 'party' && issuerInfo([p.issuerAbbr])?.party !== true) {
    return [p.num, p.year, `${p.typeAbbr ?? ''}-${p.issuerAbbr}`].filter((x) => x !== null).join('/');
  }
  return p.normalized;
}

const TYPE_WORDS: [RegExp, string][] = [
  [/^nghi quyet/, 'NQ'],
  [/^ke hoach/, 'KH'],
  [/^chuong trinh/, 'CTR'],
  [/^quyet dinh/, 'QD'],
  [/^chi thi/, 'CT'],
  [/^ket luan/, 'KL'],
  [/^thong tu/, 'TT'],
  [/^nghi dinh/, 'ND'],
  [/^to trinh/, 'TTR'],
  [/^thong bao/, 'TB'],
  [/^cong dien/, 'CD'],
  [/^cong van/, 'CV'],
];

/** Document type of a type abbreviation ("NQ", "qd", "QĐ" → its type), null when unknown or typeless. */
export function typeForAbbr(abbr: string): DocType | null {
  return TYPE_ABBR[foldUpper(abbr)]?.type ?? null;
}

/** Type abbreviation (folded) for a type word ("Nghị quyết" → "NQ"), null when unknown. */
export function abbrForTypeWord(word: string): string | null {
  const f = fold(word).trim();
  return TYPE_WORDS.find(([re]) => re.test(f))?.[1] ?? null;
}

/**
 * Spelling-insensitive comparison key (same as the search index's `docNumberKey` for full numbers):
 * "189/NQ-CP", "189/nq-cp", "189-NQ/CP" → "189 NQ CP"; a short form "Nghị quyết 189" → "189 NQ".
 * Use `numberMatches` to compare a possibly short query with a full number.
 */
export function numberKey(s: string): string {
  const p = parseDocNumber(s);
  if (p !== null) return docNumberKey(p.normalized);
  const short = /^\s*([\p{L}\s]+?)\s+(?:số\s+)?(\d+)\s*$/u.exec(s.normalize('NFC'));
  const abbr = short === null ? null : abbrForTypeWord(short[1] ?? '');
  if (short !== null && abbr !== null) return `${short[2] ?? ''} ${abbr}`;
  return docNumberKey(s);
}

/** True when `query` (any spelling, or a short form "Nghị quyết 189") denotes `number`. */
export function numberMatches(query: string, number: string): boolean {
  const q = numberKey(query);
  const n = numberKey(number);
  if (q === n) return true;
  const p = parseDocNumber(number);
  return p !== null && q === `${p.num} ${foldUpper(p.typeAbbr ?? '')}`;
}

/** Issuer name implied by the number's suffix ("CP" → "Chính phủ"), null when unknown. */
export function issuerFromNumber(number: string): string | null {
  return parseDocNumber(number)?.issuer ?? null;
}

/**
 * Identity key of a referenced document: its canonical number, plus "@locality" for local issuers
 * (TU, UBND, HĐND, Sở…) whose numbers repeat from one locality to the next: "50-CTr/TU@Hải Phòng".
 */
export function referenceKey(number: string, docLocality: string | null): string {
  const p = parseDocNumber(number);
  const norm = normalizeNumber(number);
  if (p === null || !p.local || docLocality === null) return norm;
  return `${norm}@${docLocality}`;
}
