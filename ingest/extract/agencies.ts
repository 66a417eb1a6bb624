import type { AgencyRef } from '../../core/types.ts';
import { fold, nfc, unifyTones } from '../../core/text/normalize.ts';
import { ABBREVIATIONS, GAZETTEER, type GazetteerEntry } from '../../core/vocab/agency-gazetteer.ts';

export {
  GAZETTEER,
  DEPARTMENTS,
  CENTRAL_BODIES,
  LOCAL_BODIES,
  ABBREVIATIONS,
} from '../../core/vocab/agency-gazetteer.ts';

/**
 * Agency recognition and canonicalisation: abbreviation expansion (Sở KH&CN, UBND, HĐND, MTTQ, BCS
 * Đảng…), tone/spacing normalisation, a locality-independent kind slug and a locality-scoped key.
 * Group placeholders ("Các sở, ngành liên quan", "UBND các quận, huyện") are `isGroup` and keyed
 * `group:<slug>@<locality>` so that they never merge with a real agency.
 */

/** Matching form of a name: folded, punctuation and "và" removed, single spaces. */
export function agencyKey(s: string): string {
  return fold(s)
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'va')
    .join(' ');
}

function slugOf(key: string): string {
  return key.replace(/ /g, '-');
}

/** Expands the abbreviations of the gazetteer ("Sở KH&CN" → "Sở Khoa học và Công nghệ", "UBND" → …). */
export function expandAbbreviations(s: string): string {
  let out = unifyTones(nfc(s));
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

/** NFC, tone unification, abbreviation expansion, whitespace tidy, no parentheticals or edge punctuation. */
export function cleanAgencyName(raw: string): string {
  return expandAbbreviations(raw)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–+•·]+|[\s,;:.\-–+]+$/gu, '')
    .replace(/^(?:và|với|cùng|phối hợp với|chủ trì,?)\s+/iu, '')
    .replace(/^(?:Đơn vị|Cơ quan)\s+(?:chủ trì|phối hợp)(?:\s+thực hiện)?\s*:\s*/iu, '')
    .replace(/\s+(?:thực hiện|chủ trì|phối hợp)$/iu, '')
    .trim();
}

interface KeyedEntry {
  entry: GazetteerEntry;
  key: string;
  primary: boolean;
}

const KEYED: readonly KeyedEntry[] = GAZETTEER.flatMap((entry) => [
  { entry, key: agencyKey(entry.name), primary: true },
  ...(entry.alt ?? []).map((key) => ({ entry, key, primary: false })),
]);
const BY_KEY = new Map<string, KeyedEntry>();
for (const k of KEYED) if (!BY_KEY.has(k.key)) BY_KEY.set(k.key, k);

/** Trailing words that only situate a provincial body in its locality ("… tỉnh", "… thành phố Hải Phòng"). */
function stripLocalitySuffix(key: string, locality: string | null): string {
  let k = key;
  const loc = locality ? agencyKey(locality) : null;
  for (let i = 0; i < 3; i++) {
    const before = k;
    if (loc && k.endsWith(` ${loc}`)) k = k.slice(0, -loc.length - 1);
    k = k.replace(/ (?:tinh|thanh pho|tp|viet nam)$/, '');
    if (k === before) break;
  }
  return k;
}

/** Gazetteer entry for a cleaned name, trying the name as written and without its locality suffix. */
function lookup(name: string, locality: string | null): KeyedEntry | null {
  const key = agencyKey(name);
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  const bare = stripLocalitySuffix(key, locality);
  for (const candidate of [bare, `${bare} tinh`]) {
    const hit = BY_KEY.get(candidate);
    if (hit) return hit;
  }
  return null;
}

const GENERIC_WORDS = new Set([
  'doanh nghiep',
  'dia phuong',
  'vien',
  'truong',
  'vien truong',
  'hoi',
  'doan the',
  'to chuc',
  'nha dau tu',
  'nguoi dan',
  'hop tac xa',
  'don vi',
  'co quan',
  'so',
  'so nganh',
  'so ban nganh',
  'nganh',
]);

/** True for placeholders standing for several bodies ("Các sở, ngành liên quan", "UBND các huyện"…). */
export function isGroupName(name: string): boolean {
  const clean = cleanAgencyName(name);
  const k = agencyKey(clean);
  if (k === '' || BY_KEY.has(k)) return false;
  if (/^(?:cac|nhung|moi|tat ca|toan the)\b/.test(k)) return true;
  if (/\blien quan\b/.test(k) || GENERIC_WORDS.has(k)) return true;
  if (/^[\p{Ll}]/u.test(clean)) return true;
  if (/^[\p{L}]+,/u.test(clean)) return true;
  if (/\bhuyen uy\b.*\bthi uy\b|\bdang uy truc thuoc\b|\bchi bo truc thuoc\b/.test(k)) return true;
  return /^Ủy ban nhân dân (?:các|cấp|xã|phường|huyện|quận|thị xã)(?:[\s,]+(?:và\s+)?(?:xã|phường|huyện|quận|thị xã|thị trấn|thành phố|đặc khu))*$/u.test(
    clean,
  );
}

function groupSlug(clean: string): string {
  const words = agencyKey(clean)
    .split(' ')
    .filter((w, i) => !(i === 0 && (w === 'cac' || w === 'nhung')) && w !== 'co');
  return words.join('-');
}

/** City-level wording of a provincial entry ("Ủy ban nhân dân tỉnh" → "… thành phố") when written so. */
function localName(entry: GazetteerEntry, writtenKey: string): string {
  if (/\bthanh uy\b/.test(writtenKey)) return entry.name.replace('Tỉnh ủy', 'Thành ủy');
  if (/\bthanh pho\b/.test(writtenKey) && / tỉnh$/.test(entry.name))
    return entry.name.replace(/ tỉnh$/, ' thành phố');
  return entry.name;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Resolves an agency mention to its canonical name, kind slug and locality-scoped key. Central bodies
 * (ministries, Government) get locality null and key `${kind}@TW`; provincial bodies get
 * `${kind}@${locality}`; placeholders get `group:${slug}@${locality}`.
 */
export function resolveAgency(name: string, locality: string | null): AgencyRef {
  const clean = cleanAgencyName(name);
  const hit = lookup(clean, locality);
  if (hit) {
    const central = hit.entry.central === true;
    const loc = central ? null : locality;
    return {
      key: `${hit.entry.kind}@${loc ?? 'TW'}`,
      name: central ? hit.entry.name : localName(hit.entry, agencyKey(clean)),
      kind: hit.entry.kind,
      locality: loc,
      isGroup: false,
    };
  }
  if (isGroupName(clean)) {
    const slug = groupSlug(clean);
    return {
      key: `group:${slug}@${locality ?? 'TW'}`,
      name: capitalise(clean),
      kind: slug,
      locality,
      isGroup: true,
    };
  }
  const central =
    /^(?:Bộ|Cục|Tổng cục|Ủy ban Quốc gia)\s/u.test(clean) && !/\b(?:tinh|thanh pho)\b/.test(agencyKey(clean));
  const bare = stripLocalitySuffix(agencyKey(clean), locality);
  const kind = slugOf(bare.includes(' ') ? bare : agencyKey(clean));
  const loc = central ? null : locality;
  return { key: `${kind}@${loc ?? 'TW'}`, name: clean, kind, locality: loc, isGroup: false };
}

/** Words that open a new agency name inside a list cell. */
const HEAD =
  /^(?:Sở|Bộ|Ban|Ủy ban|UBND|Hội đồng|HĐND|Đảng đoàn|Đảng ủy|Đảng bộ|Công an|Trung tâm|Viện|Trường|Đài|Báo|Văn phòng|Cục|Chi cục|Tổng cục|Hội|Liên hiệp|Liên đoàn|Hiệp hội|Vườn|Thanh tra|Kho bạc|Ngân hàng|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn|Mặt trận|MTTQ|Tòa án|Chính phủ|Thủ tướng|Quốc hội|Kiểm toán|Bảo hiểm|Công ty|Tổng công ty|Doanh nghiệp|Chủ tịch|Phòng|Học viện|Đại học|Bệnh viện|Thuế|Hải quan|Cơ quan|Quỹ|Các|các|BCS|Thường trực|Hợp tác xã|Chi nhánh|Thống kê|Chủ rừng)(?=[\s,;]|$)/u;

/** Masks commas and "và" inside gazetteer names so that list splitting leaves them whole. */
function protectNames(s: string): string {
  let out = s;
  for (const e of GAZETTEER) {
    if (!/[,]|\svà\s/u.test(e.name)) continue;
    const words = e.name.split(/[\s,]+/).filter((w) => w !== 'và');
    const re = new RegExp(
      words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('[\\s,]+(?:và\\s+)?'),
      'giu',
    );
    out = out.replace(re, (m) => m.replace(/,/g, '\uE001').replace(/\svà\s/gu, ' \uE002 '));
  }
  return out;
}

function unprotect(s: string): string {
  return s.replace(/\uE001/g, ',').replace(/ \uE002 /g, ' và ');
}

/** Bare words that list kinds of administrative bodies: "Sở, Ban, ngành" is one placeholder. */
const BODY_KINDS = new Set([
  'so',
  'ban',
  'nganh',
  'dia phuong',
  'don vi',
  'co quan',
  'doan the',
  'hoi',
  'phong',
]);

/** Lower-case kind words that open a new body after a named one ("UBND cấp xã, cơ quan Thuế"). */
const LOWER_KIND = /^(?:sở|cơ quan|đơn vị|phòng)\s/u;

function endsWithKind(prev: string): boolean {
  const words = agencyKey(prev).split(' ');
  const last2 = words.slice(-2).join(' ');
  return BODY_KINDS.has(words[words.length - 1] ?? '') || BODY_KINDS.has(last2);
}

/** True when `p` opens a new body after `prev` in a list. */
function opensBody(prev: string, p: string): boolean {
  if (HEAD.test(p)) return !continuesKinds(prev, p);
  return LOWER_KIND.test(p) && !endsWithKind(prev);
}

/** True when `p` continues the bare placeholder `prev` ("Sở" + "Ban, ngành"), not a new body ("Viện" + "Trường"). */
function continuesKinds(prev: string, p: string): boolean {
  const first = agencyKey(p).split(' ')[0] ?? '';
  return BODY_KINDS.has(agencyKey(prev)) && BODY_KINDS.has(first);
}

/** Splits one ";"-free segment at commas and " và " that open a new agency (see HEAD). */
function splitSegment(seg: string): string[] {
  const parts = seg.split(/(,|\s(?:và|cùng)\s(?=(?:các\s|Các\s|sở\s|cơ quan\s|đơn vị\s)|[\p{Lu}]))/u);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const p = (parts[i] ?? '').trim();
    if (p === '') continue;
    const sep = i > 0 ? (parts[i - 1] ?? ',') : ',';
    const prev = out[out.length - 1];
    if (prev !== undefined && !opensBody(prev, p))
      out[out.length - 1] = `${prev}${sep === ',' ? ', ' : sep}${p}`;
    else out.push(p);
  }
  return out;
}

const SHARED_HEAD = /^\s*(?:các\s+)?(Sở|Bộ)\s*:\s*(.+)$/isu;

/**
 * "Các Sở: Nông nghiệp và Phát triển nông thôn, Công Thương, Y tế" → "Sở Nông nghiệp và Phát triển
 * nông thôn; Sở Công Thương; Sở Y tế". Comma-separated pieces are joined back while the joined name is
 * a known agency ("Sở Lao động, Thương binh và Xã hội"); a final "X và Y" is split when both are known.
 */
export function expandSharedHead(cell: string): string {
  const m = SHARED_HEAD.exec(cell);
  if (!m) return cell;
  const head = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  const pieces = m[2]!
    .replace(/\s+/g, ' ')
    .replace(/[.;]\s*$/u, '')
    .split(',')
    .map((x) => x.trim());
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let name = pieces[i]!;
    for (let j = pieces.length - 1; j > i; j--) {
      const joined = pieces.slice(i, j + 1).join(', ');
      if (knownAgency(`${head} ${joined}`)) {
        name = joined;
        i = j;
        break;
      }
    }
    const [a, b] = name.split(/ và (?=\p{Lu})/u);
    if (a && b && knownAgency(`${head} ${a}`) && knownAgency(`${head} ${b}`)) names.push(a, b);
    else names.push(name);
  }
  return names
    .filter((n) => n !== '')
    .map((n) => `${head} ${n}`)
    .join('; ');
}

/** "UBND các huyện, thành phố các tổ chức chính trị - xã hội": a new placeholder without its comma. */
const MISSING_COMMA =
  /([\p{L}]+)\s+(?=các\s+(?:tổ chức|cơ quan|đơn vị|sở|ban|ngành|doanh nghiệp|hội|đoàn thể)(?=[\s,]|$))/gu;
const LINKS = new Set(
  'và với cùng của cho là đến tới giữa trong hợp trì trưởng đốc tịch gồm thuộc tại hoặc như'.split(' '),
);

/**
 * Splits a cell or clause naming several agencies into one string per agency, keeping commas inside
 * names ("Sở Lao động, Thương binh và Xã hội") and inside placeholders ("Các sở, ngành, đơn vị liên
 * quan", "UBND các quận, huyện"). Abbreviations are expanded; strings are cleaned (see cleanAgencyName).
 */
export function splitAgencies(cell: string): string[] {
  const spaced = expandSharedHead(expandAbbreviations(cell))
    .replace(/\([^)]*\)/g, ' ')
    .replace(/([\p{L}])\s+(?=(?:Sở|Bộ)\s+\p{Lu})/gu, '$1, ')
    .replace(MISSING_COMMA, (m: string, word: string) => (LINKS.has(word) ? m : `${word}, `));
  const text = protectNames(spaced);
  const out: string[] = [];
  for (const seg of text.split(/[;\n]|\.\s/u)) {
    for (const p of splitSegment(seg.trim())) {
      const name = cleanAgencyName(unprotect(p));
      if (name !== '' && name !== '-' && /\p{L}/u.test(name)) out.push(name);
    }
  }
  return out;
}

/** Resolves every agency of a cell; duplicates (same key) are dropped, order kept. */
export function resolveAgencies(cell: string | null | undefined, locality: string | null): AgencyRef[] {
  if (!cell) return [];
  return dedupeAgencies(splitAgencies(cell).map((n) => resolveAgency(n, locality)));
}

export function dedupeAgencies(list: readonly AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  const out: AgencyRef[] = [];
  for (const a of list) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    out.push(a);
  }
  return out;
}

/** True when the name (abbreviations allowed, locality suffix allowed) is in the gazetteer. */
export function knownAgency(name: string, locality: string | null = null): boolean {
  return lookup(cleanAgencyName(name), locality) !== null;
}

/** True when `s` opens with a word that starts an agency name or placeholder ("Sở", "Ban", "Các"…). */
export function startsWithAgencyHead(s: string): boolean {
  return HEAD.test(s.trim());
}
