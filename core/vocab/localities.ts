/**
 * Gazetteer of Vietnam's province-level units and their main provincial cities, for both eras:
 * the 63 units before the 2025 merger and the 34 after it (Resolution 202/2025/QH15, 12 June 2025).
 *
 * Policy (kept simple on purpose): a locality found in a document stays as written — a 2024 document of
 * "UBND tỉnh Bình Thuận" has locality "Bình Thuận" and province "Bình Thuận", never "Lâm Đồng". The
 * post-merger unit is available separately through `successorProvince`. Provincial cities
 * ("Thành ủy Tam Điệp") are level `city` with the province that contained them before the merger.
 * Matching is case-, diacritic- and tone-placement-insensitive (all text is folded first).
 */
import { escapeRe, foldKeepLength } from '../text/text-util.ts';
import { PROVINCE_MERGERS, PROVINCE_RENAMES, PROVINCES_UNCHANGED } from './reorg-2025.ts';

export interface Locality {
  /** Canonical name, e.g. "Bình Thuận", "Hải Phòng", "Thành phố Hồ Chí Minh", "Tam Điệp". */
  name: string;
  /** Province-level unit the locality belongs to (itself for a province). */
  province: string;
  level: 'province' | 'city' | 'district';
}

export interface LocalityMatch extends Locality {
  start: number;
  end: number;
  /** True when a level word ("tỉnh", "thành phố", "Tỉnh ủy"…) preceded the name. */
  qualified: boolean;
}

interface ProvinceEntry {
  name: string;
  /** The 34-unit province it belongs to after the 2025 merger. */
  successor: string;
  /** Centrally-run city ("thành phố trực thuộc trung ương"). */
  central?: boolean;
  aliases?: string[];
}

/** [new unit, ...old units merged into it], from the reorganisation table (Nghị quyết 202/2025/QH15). */
const MERGERS: readonly (readonly string[])[] = [...PROVINCE_MERGERS, ...PROVINCE_RENAMES].map((m) => [
  m.to,
  ...m.from,
]);
const UNCHANGED = PROVINCES_UNCHANGED.filter((n) => n !== 'Huế');
const CENTRAL = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Huế', 'Thành phố Hồ Chí Minh', 'Cần Thơ']);
const ALIASES: Record<string, string[]> = {
  'Thành phố Hồ Chí Minh': ['Hồ Chí Minh', 'HCM', 'TPHCM', 'Sài Gòn'],
  'Bà Rịa - Vũng Tàu': ['BR-VT', 'BRVT'],
  'Thừa Thiên Huế': ['Thừa Thiên - Huế'],
  'Bắc Kạn': ['Bắc Cạn'],
  'Kon Tum': ['Kontum'],
  'Đắk Lắk': ['Daklak'],
};

function buildProvinces(): ProvinceEntry[] {
  const list: ProvinceEntry[] = [];
  for (const [successor, ...olds] of MERGERS) {
    if (successor === undefined) continue;
    for (const name of olds)
      list.push({ name, successor, central: CENTRAL.has(name), aliases: ALIASES[name] });
    if (!olds.includes(successor)) list.push({ name: successor, successor, central: CENTRAL.has(successor) });
  }
  for (const name of UNCHANGED) list.push({ name, successor: name, central: CENTRAL.has(name) });
  return list;
}

/** All province-level units of both eras (63 before + the new "Huế"; the 34 are the successors). */
export const PROVINCES: readonly ProvinceEntry[] = buildProvinces();
/** The 34 province-level units after the 2025 merger. */
export const PROVINCES_2025: readonly string[] = [...new Set(PROVINCES.map((p) => p.successor))];
/** The 63 province-level units before the 2025 merger. */
export const PROVINCES_PRE_2025: readonly string[] = PROVINCES.map((p) => p.name).filter((n) => n !== 'Huế');

/** Provincial cities (district level before July 2025) by their province. */
const CITIES: Record<string, string[]> = {
  'Hà Giang': ['Hà Giang'],
  'Cao Bằng': ['Cao Bằng'],
  'Bắc Kạn': ['Bắc Kạn'],
  'Tuyên Quang': ['Tuyên Quang'],
  'Lào Cai': ['Lào Cai'],
  'Yên Bái': ['Yên Bái'],
  'Điện Biên': ['Điện Biên Phủ'],
  'Lai Châu': ['Lai Châu'],
  'Sơn La': ['Sơn La'],
  'Hòa Bình': ['Hòa Bình'],
  'Thái Nguyên': ['Thái Nguyên', 'Sông Công', 'Phổ Yên'],
  'Lạng Sơn': ['Lạng Sơn'],
  'Quảng Ninh': ['Hạ Long', 'Móng Cái', 'Cẩm Phả', 'Uông Bí', 'Đông Triều'],
  'Bắc Giang': ['Bắc Giang'],
  'Phú Thọ': ['Việt Trì'],
  'Vĩnh Phúc': ['Vĩnh Yên', 'Phúc Yên'],
  'Bắc Ninh': ['Bắc Ninh', 'Từ Sơn'],
  'Hải Dương': ['Hải Dương', 'Chí Linh'],
  'Hưng Yên': ['Hưng Yên'],
  'Thái Bình': ['Thái Bình'],
  'Hà Nam': ['Phủ Lý'],
  'Nam Định': ['Nam Định'],
  'Ninh Bình': ['Ninh Bình', 'Tam Điệp', 'Hoa Lư'],
  'Thanh Hóa': ['Thanh Hóa', 'Sầm Sơn'],
  'Nghệ An': ['Vinh'],
  'Hà Tĩnh': ['Hà Tĩnh'],
  'Quảng Bình': ['Đồng Hới'],
  'Quảng Trị': ['Đông Hà'],
  'Quảng Nam': ['Tam Kỳ', 'Hội An'],
  'Quảng Ngãi': ['Quảng Ngãi'],
  'Bình Định': ['Quy Nhơn'],
  'Phú Yên': ['Tuy Hòa'],
  'Khánh Hòa': ['Nha Trang', 'Cam Ranh'],
  'Ninh Thuận': ['Phan Rang - Tháp Chàm'],
  'Bình Thuận': ['Phan Thiết'],
  'Kon Tum': ['Kon Tum'],
  'Gia Lai': ['Pleiku'],
  'Đắk Lắk': ['Buôn Ma Thuột'],
  'Đắk Nông': ['Gia Nghĩa'],
  'Lâm Đồng': ['Đà Lạt', 'Bảo Lộc'],
  'Bình Phước': ['Đồng Xoài'],
  'Tây Ninh': ['Tây Ninh'],
  'Bình Dương': ['Thủ Dầu Một', 'Dĩ An', 'Thuận An', 'Tân Uyên', 'Bến Cát'],
  'Đồng Nai': ['Biên Hòa', 'Long Khánh'],
  'Bà Rịa - Vũng Tàu': ['Vũng Tàu', 'Bà Rịa', 'Phú Mỹ'],
  'Thành phố Hồ Chí Minh': ['Thủ Đức'],
  'Long An': ['Tân An'],
  'Tiền Giang': ['Mỹ Tho'],
  'Bến Tre': ['Bến Tre'],
  'Trà Vinh': ['Trà Vinh'],
  'Vĩnh Long': ['Vĩnh Long'],
  'Đồng Tháp': ['Cao Lãnh', 'Sa Đéc', 'Hồng Ngự'],
  'An Giang': ['Long Xuyên', 'Châu Đốc'],
  'Kiên Giang': ['Rạch Giá', 'Hà Tiên', 'Phú Quốc'],
  'Hậu Giang': ['Vị Thanh', 'Ngã Bảy'],
  'Sóc Trăng': ['Sóc Trăng'],
  'Bạc Liêu': ['Bạc Liêu'],
  'Cà Mau': ['Cà Mau'],
};

/** The post-merger (34-unit) province containing `province`, or null when unknown. */
export function successorProvince(province: string): string | null {
  const key = foldKeepLength(province).trim();
  const hit = PROVINCES.find((p) => foldKeepLength(p.name) === key);
  return hit?.successor ?? null;
}

/** Provincial cities of `province` (pre-merger name), e.g. "Ninh Bình" → Ninh Bình, Tam Điệp, Hoa Lư. */
export function citiesOf(province: string): readonly string[] {
  return CITIES[province] ?? [];
}

/** True when `name` is a centrally-run city (either era). */
export function isCentralCity(name: string): boolean {
  return CENTRAL.has(name);
}

/** Regex source matching a folded name: flexible whitespace, optional spaces around hyphens. */
function namePattern(name: string): string {
  return foldKeepLength(name)
    .split(/\s*-\s*/)
    .map((part) => part.split(/\s+/).map(escapeRe).join('\\s*'))
    .join('\\s*[-–]?\\s*');
}

interface Entry {
  pattern: string;
  loc: Locality;
  /** Only with a level word before it (provincial cities, ambiguous words). */
  needsQualifier: boolean;
}

function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const p of PROVINCES) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      const bare = n.replace(/^Thành phố /, '');
      entries.push({
        pattern: namePattern(bare),
        loc: { name: p.name, province: p.name, level: 'province' },
        needsQualifier: false,
      });
    }
  }
  for (const [province, cities] of Object.entries(CITIES)) {
    for (const c of cities) {
      if (PROVINCES.some((p) => p.name === c)) continue;
      entries.push({
        pattern: namePattern(c),
        loc: { name: c, province, level: 'city' },
        needsQualifier: true,
      });
    }
  }
  // Longest first so "Thừa Thiên Huế" wins over "Huế", "Điện Biên Phủ" over "Điện Biên".
  return entries.sort((a, b) => b.pattern.length - a.pattern.length);
}

const ENTRIES = buildEntries();
const QUALIFIER =
  '(?:tinh\\s*uy|thanh\\s*uy|tinh|thanh\\s*pho|tp\\s*\\.?|huyen\\s*uy|thi\\s*uy|uy\\s*ban\\s*nhan\\s*dan|ubnd|hdnd|hoi\\s*dong\\s*nhan\\s*dan)';
const LOC_RE = new RegExp(
  `(?<![a-z0-9])(?:(${QUALIFIER})\\s*)?(${ENTRIES.map((e) => e.pattern).join('|')})(?![a-z0-9])`,
  'g',
);
const PATTERN_RES = ENTRIES.map((e) => ({ re: new RegExp(`^(?:${e.pattern})$`), entry: e }));

function entryFor(folded: string): Entry | undefined {
  return PATTERN_RES.find((p) => p.re.test(folded))?.entry;
}

/** A name written as "thành phố X" where X is a province that is not a centrally-run city: the city X. */
function resolve(entry: Entry, qualifier: string | undefined): Locality {
  const q = qualifier?.replace(/\s+/g, '') ?? '';
  const cityQualifier = q.startsWith('thanhpho') || q.startsWith('tp') || q === 'thanhuy';
  if (entry.loc.level === 'province' && cityQualifier && !CENTRAL.has(entry.loc.name)) {
    const own = CITIES[entry.loc.name]?.includes(entry.loc.name) ?? false;
    if (own) return { name: entry.loc.name, province: entry.loc.name, level: 'city' };
  }
  return entry.loc;
}

/** Every locality mentioned in `text`, in order, with offsets into `text`. */
export function findLocalities(text: string): LocalityMatch[] {
  const folded = foldKeepLength(text);
  const out: LocalityMatch[] = [];
  for (const m of folded.matchAll(LOC_RE)) {
    const qualifier = m[1];
    const nameText = m[2] ?? '';
    const entry = entryFor(nameText);
    if (entry === undefined) continue;
    const nameStart = (m.index ?? 0) + m[0].length - nameText.length;
    const qualified = qualifier !== undefined;
    if (!qualified && (entry.needsQualifier || !/\p{Lu}/u.test(text.charAt(nameStart)))) continue;
    out.push({
      ...resolve(entry, qualifier),
      start: m.index ?? 0,
      end: nameStart + nameText.length,
      qualified,
    });
  }
  return out;
}

/**
 * The locality named in `text` ("UỶ BAN NHÂN DÂN TỈNH BÌNH THUẬN", "UBND thành phố Hải Phòng",
 * "Tỉnh ủy Lào Cai", "THÀNH ỦY HẢI PHÒNG"): the first one introduced by a level word, else the first
 * capitalised bare province name; null when none.
 */
export function findLocality(text: string): Locality | null {
  const all = findLocalities(text);
  const hit = all.find((m) => m.qualified) ?? all[0];
  return hit === undefined ? null : { name: hit.name, province: hit.province, level: hit.level };
}
