/**
 * Layout readers for the head of a document: the type heading ("KẾ HOẠCH"), the "Số:" line, the
 * place-date line, the appendix caption ("Ban hành kèm theo Kế hoạch số 255/KH-UBND ngày 27/9/2023 của …")
 * and the end of the preamble.
 */
import type { DocType, StructuredDocument } from '../../../core/types.ts';
import { DOC_NUMBER_RE, parseMatch, type DocNumber } from '../../../core/vocab/docnumber.ts';
import { foldKeepLength } from '../../../core/text/text-util.ts';

const HEADINGS: [string, DocType][] = [
  ['chuong trinh hanh dong', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['chuong trinh', 'Chương trình'],
  ['nghi quyet', 'Nghị quyết'],
  ['quyet dinh', 'Quyết định'],
  ['chi thi', 'Chỉ thị'],
  ['ket luan', 'Kết luận'],
  ['thong tu lien tich', 'Thông tư liên tịch'],
  ['thong tu', 'Thông tư'],
  ['nghi dinh', 'Nghị định'],
  ['to trinh', 'Tờ trình'],
  ['thong bao', 'Thông báo'],
  ['cong dien', 'Công điện'],
  ['de an', 'Đề án'],
  ['luat', 'Luật'],
];

export interface Heading {
  type: DocType;
  /** Offset of the heading line and of the line after it. */
  start: number;
  after: number;
}

/** The first upper-case line that is just a document type ("KẾ HOẠCH", "NGHỊ QUYẾT"). */
export function findHeading(text: string): Heading | null {
  const re = /^[ \t*]*([\p{Lu} ]{3,40}?)[ \t*]*$/gmu;
  for (const m of text.matchAll(re)) {
    const f = foldKeepLength(m[1] ?? '')
      .trim()
      .replace(/\s+/g, ' ');
    const hit = HEADINGS.find(([h]) => h === f);
    if (hit !== undefined) return { type: hit[1], start: m.index ?? 0, after: (m.index ?? 0) + m[0].length };
  }
  return null;
}

/** "Số: 255/KH-UBND" in the header; `unnumbered` when the number is left blank ("Số: ……/KH-UBND"). */
export function headerNumber(header: string): {
  number: DocNumber | null;
  unnumbered: boolean;
  abbr: string | null;
} {
  const flat = header.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  const m = /\bSố:? ?([^ ]{0,40})/u.exec(flat);
  if (m === null) return { number: null, unnumbered: false, abbr: null };
  const rest = flat.slice(m.index + m[0].length - (m[1] ?? '').length, m.index + 60);
  const blank = /^[.…_ ]+\/ ?([A-Za-zĐđ]+)/u.exec(rest);
  if (blank !== null) return { number: null, unnumbered: true, abbr: blank[1] ?? null };
  for (const n of rest.matchAll(DOC_NUMBER_RE)) {
    if (n.index !== 0) break;
    const p = parseMatch(n);
    if (p !== null) return { number: p, unnumbered: false, abbr: p.typeAbbr };
  }
  return { number: null, unnumbered: false, abbr: null };
}

/** ISO date from "ngày 27 tháng 9 năm 2023", "ngày  tháng 4 năm 2024" (month only) or "27/9/2023". */
export function isoDate(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): string | null {
  const y = Number(year);
  const mo = Number(month);
  if (!Number.isInteger(y) || y < 1945 || y > 2100 || !(mo >= 1 && mo <= 12)) return null;
  const mm = String(mo).padStart(2, '0');
  if (day === undefined || day === '') return `${y}-${mm}`;
  const d = Number(day);
  if (!(d >= 1 && d <= 31)) return null;
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/** The place-date line of the header: "Hải Phòng, ngày 27 tháng 9 năm 2023". */
export function headerDate(header: string): string | null {
  const flat = header.replace(/\*\*?/g, ' ').replace(/\s+/g, ' ');
  const m = /[\p{L}.)], ngày ?(\d{1,2})? ?tháng ?(\d{1,2}) ?năm ?(\d{4})/u.exec(flat);
  return m === null ? null : isoDate(m[1], m[2], m[3]);
}

export interface Caption {
  typeWord: string;
  number: DocNumber;
  date: string | null;
  /** "của …" clause, e.g. "Ủy ban nhân dân thành phố Hải Phòng", "Tỉnh ủy". */
  issuerText: string | null;
  /** Raw offsets (into the whitespace-collapsed copy) are not kept; the number string is enough. */
  raw: string;
}

/** Appendix captions "(Ban hành kèm theo Kế hoạch số 255/KH-UBND ngày 27/9/2023 của …)", the date also in words. */
export function findCaptions(text: string): Caption[] {
  const flat = text.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  const re =
    /[Kk]èm theo ([\p{Lu}][\p{Ll}]+(?: [\p{Ll}]+){0,2}) số ([^ ]{1,40})(?:,? ngày (\d{1,2})(?:[/.-]|\s+tháng\s+)(\d{1,2})(?:[/.-]|\s+năm\s+)(\d{4}))?(?: của ([^)]{3,120}?))?\)/gu;
  const out: Caption[] = [];
  for (const m of flat.matchAll(re)) {
    const n = [...(m[2] ?? '').matchAll(DOC_NUMBER_RE)][0];
    const number = n === undefined ? null : parseMatch(n);
    if (number === null) continue;
    out.push({
      typeWord: m[1] ?? '',
      number,
      date: isoDate(m[3], m[4], m[5]),
      issuerText: m[6]?.trim() ?? null,
      raw: m[0],
    });
  }
  return out;
}

/** End of the preamble: start of the first numbered section (roman/arabic numeral, "Điều 1", "Chương I"). */
export function preambleEnd(doc: StructuredDocument, after: number): number {
  const s = doc.sections.find(
    (x) =>
      x.start > after &&
      x.marker !== null &&
      /^(?:[IVXLC]+|\d+|Điều\s*\d+|Chương.*|Phần.*|Mục.*)$/iu.test(x.marker),
  );
  return s?.start ?? doc.parsed.text.length;
}
