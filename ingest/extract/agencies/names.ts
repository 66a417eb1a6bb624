import { fold, nfc, unifyTones } from '../../../core/text/normalize.ts';
import { ABBREVIATIONS, GAZETTEER, type GazetteerEntry } from '../../../core/vocab/agency-gazetteer.ts';

/**
 * Agency names: abbreviation expansion (Sở KH&CN, UBND, HĐND, MTTQ, BCS Đảng…), tone/spacing
 * normalisation, the matching key, gazetteer lookup (with or without the locality suffix), the words that
 * open an agency name, and group placeholders ("Các sở, ngành liên quan", "UBND các quận, huyện").
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

/** Expands the abbreviations of the gazetteer ("Sở KH&CN" → "Sở Khoa học và Công nghệ", "UBND" → …). */
export function expandAbbreviations(s: string): string {
  let out = unifyTones(nfc(s));
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

/** Common Vietnamese family names: a capitalised run opening with one after an office is the holder's name. */
const SURNAME =
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trịnh|Mai|Đào|Lương|Lâm|Hà|Tô|Trương|Cao|Tạ|Đoàn|Văn|Thái|Châu|Lại|Lưu|Tăng|Từ|Quách|Chu|Triệu|Kiều|Đàm|Nông|Hứa|Giang|Khúc|La';

/** "Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình": the office leads, not the person holding it. */
const HOLDER = new RegExp(
  String.raw`^((?:Phó\s+)?(?:Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Bí thư|Giám đốc)\s.+?)(?<!\s(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|xã|phường|huyện|quận|thị xã|đặc khu|các tỉnh|sông|khu vực|vùng))\s+(?:đồng chí\s+)?(?:${SURNAME})(?:\s+\p{Lu}\p{Ll}*){1,3}$`,
  'u',
);

/** NFC, tone unification, abbreviation expansion, whitespace tidy, no parentheticals or edge punctuation. */
export function cleanAgencyName(raw: string): string {
  return (
    dropHolder(expandAbbreviations(raw))
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\*+/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;:.\-–+•·]+|[\s,;:.\-–+]+$/gu, '')
      .replace(/^(?:và|với|cùng|phối hợp với|chủ trì,?)\s+/iu, '')
      .replace(
        /^(?:Giám đốc|Thủ trưởng)\s+(?=(?:các\s+)?(?:Sở|sở|cơ quan|Cơ quan|đơn vị|Đơn vị|ngành|Ban|ban)(?=[\s,]|$))/u,
        '',
      )
      .replace(/^(?:Đơn vị|Cơ quan)\s+(?:chủ trì|phối hợp)(?:\s+thực hiện)?\s*:\s*/iu, '')
      // "(Thủ trưởng) Cơ quan ngang Bộ", "Cơ quan thuộc Chính phủ": a kind of body, as "cơ quan ngang bộ"
      .replace(
        /^(Cơ quan|Đơn vị)(?=\s+(?:ngang|thuộc|trực thuộc|chuyên môn|liên quan|có liên quan|chức năng|có chức năng|có thẩm quyền|sự nghiệp)(?:\s|$))/u,
        (w) => w.toLowerCase(),
      )
      .replace(/\s+(?:thực hiện|chủ trì|phối hợp)$/iu, '')
      .trim()
  );
}

function dropHolder(s: string): string {
  const m = HOLDER.exec(s.replace(/\s+/g, ' ').trim());
  return m ? m[1]! : s;
}

export interface KeyedEntry {
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

/** Words that only situate a body in its locality when they end its name. */
const PLACE_SUFFIX =
  / (?:tinh|thanh pho|tp|viet nam|cua tinh|cua thanh pho|tren dia ban(?: tinh| thanh pho)?)$/;

/**
 * The key without its locality suffix ("… tỉnh", "… thành phố Hải Phòng") and every form on the way
 * (the gazetteer may list "… Việt Nam" while the text adds "thành phố Hà Nội" after it).
 */
export function localityForms(key: string, locality: string | null): string[] {
  const forms: string[] = [];
  let k = key;
  const loc = locality ? agencyKey(locality) : null;
  for (let i = 0; i < 4; i++) {
    const before = k;
    if (loc && k.endsWith(` ${loc}`)) k = k.slice(0, -loc.length - 1);
    else k = k.replace(PLACE_SUFFIX, '');
    if (k === before) break;
    forms.push(k);
  }
  return forms;
}

/** The key without any trailing locality words. */
export function stripLocalitySuffix(key: string, locality: string | null): string {
  return localityForms(key, locality).pop() ?? key;
}

/** Gazetteer entry for a cleaned name, trying the name as written and without its locality suffix. */
export function lookup(name: string, locality: string | null): KeyedEntry | null {
  const key = agencyKey(name);
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  for (const form of localityForms(key, locality)) {
    const hit = BY_KEY.get(form) ?? BY_KEY.get(`${form} tinh`);
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

/**
 * The statistics office as a body: "Thống kê tỉnh/thành phố/khu vực …". A bare "Thống kê" ("Thống kê, định kỳ
 * báo cáo …") is the verb "compile statistics".
 */
export const STATISTICS_OFFICE = String.raw`Thống kê(?=\s+(?:tỉnh|thành phố|Thành phố|khu vực|Khu vực|cấp|\p{Lu}))`;

/** Words that open a new agency name inside a list cell. */
export const HEAD = new RegExp(
  String.raw`^(?:Sở|Bộ|Ban|Ủy ban|UBND|Hội đồng|HĐND|Đảng đoàn|Đảng ủy|Đảng bộ|Công an|Trung tâm|Viện|Trường|Đài|Báo|Văn phòng|Cục|Chi cục|Tổng cục|Hội|Liên hiệp|Liên đoàn|Hiệp hội|Vườn|Thanh tra|Kho bạc|Ngân hàng|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn|Mặt trận|MTTQ|Tòa án|Chính phủ|Thủ tướng|Quốc hội|Kiểm toán|Bảo hiểm|Công ty|Tổng công ty|Doanh nghiệp|Chủ tịch|Phòng|Học viện|Đại học|Bệnh viện|Thuế|Hải quan|Cơ quan|Quỹ|Các|các|BCS|Thường trực|Hợp tác xã|Chi nhánh|${STATISTICS_OFFICE}|Chủ rừng|Bộ trưởng|Phó Thủ tướng|Chánh Văn phòng|Bí thư|Lãnh đạo|Tập đoàn|Chủ đầu tư|Thông tấn xã|Liên minh)(?=[\s,;]|$)`,
  'u',
);
/** True when the name (abbreviations allowed, locality suffix allowed) is in the gazetteer. */
export function knownAgency(name: string, locality: string | null = null): boolean {
  return lookup(cleanAgencyName(name), locality) !== null;
}

/**
 * Words that open a clause's predicate and never occur (in lower case) inside the name of a body: the
 * subject's name ends before them ("Bộ Công an tiếp tục duy trì …", "Các Đoàn thể tỉnh bằng nhiều hình
 * thức …", "Ban Kiểm soát có các nhiệm vụ …", "Quỹ chịu sự thanh tra …", "Hội đồng … làm việc theo …",
 * "Chủ tịch … trực thuộc trung ương tập trung quán triệt …" — not "khu công nghiệp tập trung").
 */
const PREDICATE =
  /\s(?:tiếp tục|trực tiếp|khẩn trương|trân trọng|bằng|tới|chỉ được|chịu sự|làm việc|gồm|bao gồm|có các|có nhiệm vụ|có quyền|xuất cấp|tập trung(?=\s+(?:chỉ đạo|lãnh đạo|triển khai|quán triệt|thực hiện|rà soát|xử lý|giải quyết|huy động|khắc phục|nghiên cứu|hoàn thành|đẩy mạnh|tổ chức))|cần(?!\s+thiết)|phải|sớm|nhanh chóng|quyết liệt|thường xuyên|được|đã|sẽ|đang)(?=[\s,.;:]|$)/u;

/** The predicates among them that assign a duty (not "được", "đã": passive voice, past results). */
const DUTY_PREDICATE =
  /\s(?:tiếp tục|khẩn trương|trân trọng đề nghị|xuất cấp|tập trung(?=\s+(?:chỉ đạo|lãnh đạo|triển khai|quán triệt|thực hiện|rà soát|xử lý|giải quyết|huy động|khắc phục|nghiên cứu|hoàn thành|đẩy mạnh|tổ chức))|cần(?!\s+thiết)|phải|sớm|nhanh chóng|quyết liệt|thường xuyên|có các nhiệm vụ|có nhiệm vụ)(?=[\s,.;:]|$)/u;

/**
 * Index where the predicate after a subject's name begins in `s`, or -1 (see PREDICATE); with `duty`,
 * only a predicate that assigns a duty counts.
 */
export function predicateAt(s: string, duty = false): number {
  return (duty ? DUTY_PREDICATE : PREDICATE).exec(s)?.index ?? -1;
}

/** True when `s` opens with a word that starts an agency name or placeholder ("Sở", "Ban", "Các"…). */
export function startsWithAgencyHead(s: string): boolean {
  return HEAD.test(s.trim());
}
