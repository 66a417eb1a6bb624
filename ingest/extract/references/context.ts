/**
 * Context readers around a document number in the whitespace-collapsed text: the type word before it
 * ("Nghị quyết số"), the date ("ngày 30/01/2023") and issuer ("của Bộ Chính trị") after it.
 */
import type { DocType } from '../../../core/types.ts';
import { CENTRAL_BODIES } from '../../../core/vocab/agency-gazetteer.ts';
import { foldKeepLength } from '../../../core/text/text-util.ts';
import { typeForAbbr } from '../../../core/vocab/docnumber.ts';
import { isoDate } from '../meta/header.ts';

const TYPE_WORDS: [RegExp, DocType | null][] = [
  [/^nghi quyet/, 'Nghị quyết'],
  [/^ke hoach/, 'Kế hoạch'],
  [/^chuong trinh/, 'Chương trình'],
  [/^quyet dinh/, 'Quyết định'],
  [/^chi thi/, 'Chỉ thị'],
  [/^ket luan/, 'Kết luận'],
  [/^thong tu lien tich/, 'Thông tư liên tịch'],
  [/^thong tu/, 'Thông tư'],
  [/^nghi dinh/, 'Nghị định'],
  [/^to trinh/, 'Tờ trình'],
  [/^thong bao/, 'Thông báo'],
  [/^cong dien/, 'Công điện'],
  [/^(cong van|van ban)/, 'Công văn'],
  [/^luat/, 'Luật'],
  [/^de an/, 'Đề án'],
  [/^bao cao/, 'Báo cáo'],
  [/^quy dinh/, 'Quy định'],
  [/^(huong dan|phap lenh|quy che)/, null],
];

/** Type abbreviations read before "số" ("NQ số 189/NQ-CP", "QĐ số 1234/QĐ-UBND"); their types: `typeForAbbr`. */
const ABBREVIATED = ['nq', 'qd', 'kh', 'ctr', 'ct', 'kl', 'nd', 'tt', 'tb'];

/** Type word right before a number: "Nghị quyết số ", "Chương trình hành động số ", "Tờ trình số ", "NQ số ". */
const BEFORE_RE = new RegExp(
  '(nghi quyet|ke hoach|chuong trinh(?: hanh dong)?|quyet dinh|chi thi|ket luan|thong tu(?: lien tich)?|nghi dinh|to trinh|thong bao(?: ket luan)?|cong dien|cong van|van ban|luat|de an|bao cao(?: tham tra| giai trinh,? tiep thu)?|huong dan|phap lenh|quy dinh|' +
    `(?<![a-z])(?:${ABBREVIATED.join('|')})(?= so))(?: so)?:? ?$`,
);

export interface Before {
  /** Offset (in the collapsed text) where the mention starts. */
  start: number;
  type: DocType | null;
  found: boolean;
}

/** Reads the type word before `numStart` in the folded collapsed text. */
export function typeBefore(folded: string, numStart: number): Before {
  const from = Math.max(0, numStart - 40);
  const m = BEFORE_RE.exec(folded.slice(from, numStart));
  if (m === null) return { start: numStart, type: null, found: false };
  const word = m[1] ?? '';
  const type = ABBREVIATED.includes(word)
    ? typeForAbbr(word)
    : (TYPE_WORDS.find(([re]) => re.test(word))?.[1] ?? null);
  return { start: from + m.index, type, found: true };
}

/** For a law number without a type word ("Luật Thủ đô số 39/2024/QH15"): "Luật" within the clause. */
export function lawBefore(folded: string, numStart: number): boolean {
  const clause =
    folded
      .slice(Math.max(0, numStart - 160), numStart)
      .split(/[;.]/)
      .pop() ?? '';
  return /(^|[^a-z])luat [a-z]/.test(clause) && !/nghi quyet so ?$/.test(clause);
}

export interface After {
  date: string | null;
  issuer: string | null;
  /** Offset just past the date/issuer clause. */
  end: number;
}

const DATE_RE = /^,? ?ngày ?(\d{1,2}) ?(?:[/.-] ?(\d{1,2}) ?[/.-] ?|tháng ?(\d{1,2}) ?năm ?)(\d{4})/iu;
const ISSUER_RE =
  /^,? ?của ((?:Bộ trưởng |Chủ tịch )?[\p{L}\p{M}]+(?: (?!về |thực hiện|triển khai|ban hành|quy định|hướng dẫn|phê duyệt|sửa đổi|thông qua|khóa|khoá|nhiệm kỳ|cùng )[\p{L}\p{M}]+){0,8})/iu;

/** Date and issuer stated after the number ("ngày 30/01/2023 của Bộ Chính trị"). */
export function readAfter(flat: string, numEnd: number): After {
  let pos = numEnd;
  let date: string | null = null;
  const d = DATE_RE.exec(flat.slice(pos, pos + 40));
  if (d !== null) {
    date = isoDate(d[1], d[2] ?? d[3], d[4]);
    pos += d[0].length;
  }
  const i = ISSUER_RE.exec(flat.slice(pos, pos + 120));
  const raw = i === null ? '' : caseRun(i[1] ?? '');
  const central = centralPrefix(raw);
  const words = central !== null ? raw.slice(0, central.length) : trimIssuer(raw);
  const issuer = words === '' ? null : (central?.name ?? cleanIssuer(words));
  // The clause ends after the issuer's own words ("… của Chính phủ" in "… của Chính phủ và Chương trình …").
  if (i !== null && issuer !== null) pos += i[0].length - (i[1] ?? '').length + words.length;
  return { date, issuer, end: pos };
}

/** Central bodies by folded name, longest first ("Thủ tướng Chính phủ" before "Chính phủ"). */
const CENTRAL = CENTRAL_BODIES.map((b) => ({ name: b.name, folded: foldKeepLength(b.name) })).sort(
  (a, b) => b.folded.length - a.folded.length,
);

/**
 * A central body's full name at the start of the issuer words ("Bộ Khoa học và Công nghệ", "Chính phủ"
 * in "Chính phủ Ứng dụng công nghệ thông tin …", "Bộ trưởng Bộ Tài chính"): the name ends the clause.
 */
function centralPrefix(words: string): { name: string; length: number } | null {
  const lead = /^(?:Bộ trưởng )?/iu.exec(words)?.[0].length ?? 0;
  const f = foldKeepLength(words.slice(lead));
  const hit = CENTRAL.find((c) => f.startsWith(c.folded) && !/[a-z0-9]/.test(f.charAt(c.folded.length)));
  return hit === undefined ? null : { name: hit.name, length: lead + hit.folded.length };
}

/**
 * Upper-case issuer words stop where mixed case begins ("CHÍNH PHỦ Căn cứ Luật …" in a title), mixed-case
 * ones where two upper-case words begin; a name that only opens with an abbreviation ("UBND tỉnh Nghệ
 * An") or holds one ("Sở KH&CN tỉnh") is mixed case throughout.
 */
function caseRun(words: string): string {
  const list = words.split(' ');
  const caps = (w: string): boolean => w === w.toUpperCase() && /\p{Lu}/u.test(w);
  if (!caps(list[0] ?? '') || !caps(list[1] ?? '')) {
    // A mixed-case name followed by an upper-case heading ("… của Ủy ban nhân dân tỉnh ỦY BAN NHÂN DÂN").
    const heading = list.findIndex((w, i) => i > 0 && caps(w) && caps(list[i + 1] ?? ''));
    return heading < 0 ? words : list.slice(0, heading).join(' ');
  }
  const n = list.findIndex((w) => !caps(w));
  return n < 0 ? words : list.slice(0, n).join(' ');
}

/** Issuer words without a trailing clause ("Chính phủ và Chương trình hành động" → "Chính phủ"). */
function trimIssuer(s: string): string {
  return s.replace(/\s+(và|với|tại|trên|để|nhằm|đối|cùng)(\s.*)?$/iu, '').trimEnd();
}

function cleanIssuer(s: string): string | null {
  const t = s.replace(/^Bộ trưởng (?=Bộ )/u, '').trim();
  if (
    !/^(UBND|HĐND|Bộ|Ban|Chính phủ|Thủ tướng|Quốc hội|Ủy|Uỷ|Hội đồng|Tỉnh|Thành|Văn phòng|Tổ|Đảng|Cục|Sở|Chủ tịch)/iu.test(
      t,
    )
  )
    return null;
  return t.replace(/^(Ban Bí thư|Bộ Chính trị)\b.*$/u, '$1').replace(/Bộ chính trị/u, 'Bộ Chính trị');
}
