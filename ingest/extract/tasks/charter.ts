import { startsWithAgencyHead } from '../agencies/index.ts';
import type { Line } from '../text/index.ts';

/**
 * Charters and organisation rules ("Điều lệ", "Quy chế tổ chức và hoạt động") name the body they govern in
 * their "Vị trí, chức năng" article; their "Nhiệm vụ" articles list that body's duties without naming it,
 * and its short name ("Quỹ") stands for it.
 */

/** The article that says what the governed body is: "Vị trí, chức năng", "Chức năng", "Tên gọi, địa vị pháp lý". */
const SUBJECT_ARTICLE = /^(?:Vị\s+trí|Chức\s+năng|Tên\s+gọi|Địa\s+vị\s+pháp\s+lý)(?=[\s,.]|$)/u;

/**
 * The body a charter or organisation rule governs: "Điều 1. Vị trí, chức năng — 1. Quỹ Bảo vệ môi trường
 * tỉnh Quảng Trị là quỹ tài chính nhà nước …". Its articles "Nhiệm vụ", "Nhiệm vụ và quyền hạn" (of no one
 * named) list its duties, and its short name ("Quỹ") stands for it. Null in other documents.
 */
export function charterSubject(lines: readonly Line[]): string | null {
  const at = lines.findIndex((l) => l.kind === 'article' && SUBJECT_ARTICLE.test(l.body));
  if (at < 0) return null;
  const first = lines.slice(at + 1, at + 3).find((l) => l.kind !== null || l.body !== '');
  const m = first ? /^(.{4,120}?)\s+là\s/u.exec(first.body) : null;
  return m && startsWithAgencyHead(m[1]!) ? m[1]! : null;
}

/**
 * An article of a charter that lists its subject's duties: "Điều 3. Nhiệm vụ", "Nhiệm vụ, quyền hạn",
 * "Nhiệm vụ chủ yếu", "Nhiệm vụ, quyền hạn về tài chính" (one field of them).
 */
const OWN_DUTIES =
  /^(?:Nhiệm vụ|Chức năng,?\s+nhiệm vụ)(?:(?:,|\s+và)\s+quyền hạn)?(?:\s+(?:chủ yếu|cụ thể|chính|chung))?(?:\s+(?:về|trong|đối với)\s+\p{Ll}[^:]{2,80})?\.?$/u;

/** The charter's subject when the article at `i` lists its duties as marked items (see OWN_DUTIES). */
export function ownDuties(lines: readonly Line[], i: number, subject: string | null): string[] | null {
  const l = lines[i]!;
  const next = lines[i + 1];
  if (!subject || l.kind !== 'article' || !OWN_DUTIES.test(l.body) || !next || next.kind === null)
    return null;
  return [subject];
}

/**
 * Names as the charter means them: its short name ("Quỹ") stands for its subject ("Quỹ Bảo vệ môi trường
 * tỉnh Quảng Trị"), and one of its organs named bare ("Ban Kiểm soát") is the organ the text also writes
 * with that short name ("Ban Kiểm soát Quỹ"), not a body of the province.
 */
export function withSubject(names: string[], subject: string | null, lines: readonly Line[]): string[] {
  if (!subject) return names;
  const short = subject.split(' ')[0]!;
  let text: string | null = null;
  const owned = (n: string): boolean => {
    text ??= lines
      .map((l) => l.body)
      .join(' ')
      .replace(/\s+/gu, ' ');
    return new RegExp(`(?<!\\p{L})${escape(n)} ${short}(?!\\p{L})`, 'u').test(text);
  };
  return names.map((n) => (n === short ? subject : n.includes(short) || !owned(n) ? n : `${n} ${short}`));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
