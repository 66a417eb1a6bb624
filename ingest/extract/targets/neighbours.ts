import { findLocalities } from '../../../core/vocab/localities.ts';
import type { Quantity } from './quantity.ts';
import type { SubjectReading } from './subject.ts';

/**
 * What a line's other words tell about one of its figures: an elliptical item reads its head from the item
 * before it ("tỷ lệ tiếp xúc … tại nơi làm việc xuống dưới 30%; tại nhà hàng xuống dưới 75%"), and the
 * shares listed under an economic-structure label are shares of GRDP ("Cơ cấu kinh tế: công nghiệp - xây
 * dựng 41,8%; dịch vụ 39,7%").
 */

/** Words that open an elliptical item: a place, group or form of what the item before measured. */
const ELIDED_OPEN = /^(?:tại|ở|trong|đối với|nhóm|thể|khu vực|vùng|cấp)(?![\p{L}\p{M}])/iu;

/**
 * "tại nhà hàng" after "tiếp xúc thụ động với khói thuốc lá tại nơi làm việc": the item names only what
 * differs; its subject keeps the head of the previous one, up to the word both open the difference with.
 */
export function completeElided(s: SubjectReading, prev: SubjectReading | null): SubjectReading {
  if (prev !== null && !prev.canonical && isOnlyPlace(s.subject)) return localShare(s, prev);
  if (prev === null || s.canonical || !ELIDED_OPEN.test(s.subject)) return s;
  const word = s.subject.split(' ')[0]!.toLowerCase();
  const at = ` ${prev.subject.toLowerCase()} `.indexOf(` ${word} `);
  if (at <= 0) return s;
  const subject = `${prev.subject.slice(0, at - 1)} ${s.subject}`;
  return { ...s, subject, indicator: subject };
}

/** "Cơ cấu kinh tế:", "Cơ cấu GRDP đến năm 2030:": a label whose listed percentages are shares of GRDP. */
const STRUCTURE_LABEL = /cơ cấu\s+(?:kinh tế|tổng sản phẩm)|(?<![\p{L}])(?:GRDP|GDP)(?![\p{L}])/iu;

/** The label of a "Label: figures" line: the words before a colon that comes before any digit. */
export function lineLabel(text: string): string {
  const colon = text.indexOf(':');
  const label = colon > 0 ? text.slice(0, colon) : '';
  // item numbers and years may stand in a label ("(2) Cơ cấu GRDP đến năm 2030:"), figures not
  return /\d/u.test(label.replace(/^\s*(?:\(\d+\)|\d+(?:\.\d+)*\.)/u, '').replace(/20\d\d/gu, ''))
    ? ''
    : label;
}

/** A percentage listed under an economic-structure label is a share of GRDP, not a rate. */
export function structureShare(s: SubjectReading, q: Quantity, label: string): SubjectReading {
  return q.kind === 'percent' && s.metric === 'tỷ lệ' && STRUCTURE_LABEL.test(label)
    ? { ...s, metric: 'tỷ trọng trong GRDP' }
    : s;
}

/** The whole phrase names one locality ("Hà Nội", "Thành phố Hồ Chí Minh"). */
function isOnlyPlace(subject: string): boolean {
  const found = findLocalities(subject);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end >= subject.trim().length;
}

/**
 * "Số công trình xanh đạt tối thiểu 500 công trình, trong đó Hà Nội có tối thiểu 200 công trình": the place's
 * share of what the item before measured.
 */
function localShare(s: SubjectReading, prev: SubjectReading): SubjectReading {
  const subject = `${prev.subject} tại ${s.subject.charAt(0).toUpperCase()}${s.subject.slice(1)}`;
  return { ...prev, subject, indicator: subject };
}

/** Bracketed parts of a clause that hold a figure ("(khu vực miền núi dưới 28%)"), as [open, close) offsets. */
export function asideSpans(text: string): [number, number][] {
  return [...text.matchAll(/\([^()]*\d[^()]*\)/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/** Comparator and link words that end an aside's scope before its figure ("khu vực miền núi dưới"). */
const SCOPE_TAIL =
  /(?:\s+(?:xuống|giảm|còn|ở mức|mức|dưới|trên|đạt|khoảng|tối thiểu|ít nhất|tối đa|là|lên|từ))+\s*$/iu;

/**
 * "… dưới 17% (khu vực miền núi dưới 28%)": a figure in brackets right after another one sets the same
 * measure for a part (a region, a group); its subject is the main one's with that part. `words` are the
 * bracket's words before the figure.
 */
export function asideReading(main: SubjectReading, words: string): SubjectReading | null {
  const scope = words
    .replace(/^[\s(]*(?:và|hoặc|,)?\s*/u, '')
    .replace(SCOPE_TAIL, '')
    .replace(/[\s,:;–-]+$/u, '')
    .trim();
  if (main.subject === '' || scope === '' || scope.split(/\s+/u).length > 8) return null;
  const subject = `${main.subject} (${scope.charAt(0).toLowerCase()}${scope.slice(1)})`;
  return { ...main, subject, canonical: false, indicator: subject };
}

/** `text` without its bracketed asides (and the end of one it starts inside). */
export function withoutAsides(text: string): string {
  return text.replace(/\([^()]*\)/gu, ' ').replace(/^[^(]*\)/u, ' ');
}
