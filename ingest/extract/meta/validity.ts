/**
 * Validity the document states about itself: the effective date ("Quyết định này có hiệu lực (thi hành)
 * (kể) từ ngày 05/12/2025", "… kể từ ngày ký (ban hành)" = the signing date). Only a sentence whose
 * subject is the document itself ("<loại> này") counts: "các quyết định … có hiệu lực" says nothing of
 * it. Whether a document is still in force is not something it says of itself: that status comes from
 * later documents that amend, replace or repeal it, and is derived in the graph.
 */
import { foldKeepLength } from '../../../core/text/text-util.ts';
import { isoDate } from './header.ts';

const TYPES =
  '(?:nghi quyet|quyet dinh|thong tu(?: lien tich)?|nghi dinh|chi thi|ke hoach|chuong trinh|thong bao|luat|cong dien|van ban)';
/** "<loại> này", or "<loại>" alone opening a sentence or an article ("Điều 3. Quyết định có hiệu lực …"). */
const SELF = `(?:${TYPES} nay|(?:^|[.:;] |dieu \\d+\\.? |\\d\\. )${TYPES})`;
/**
 * "<loại> này có hiệu lực (thi hành) (kể) từ ngày" or "… sau 10 ngày kể từ ngày ký", also when the sentence first says who passed it
 * ("Nghị quyết này đã được Hội đồng nhân dân tỉnh … khóa XV, Kỳ họp thứ 30 thông qua ngày … và có hiệu
 * lực từ ngày …").
 */
const EFFECTIVE = new RegExp(
  `${SELF}(?: (?:da )?duoc [^.;]{0,220}? thong qua[^.;]{0,40}?(?:,| va))? (?:co hieu luc|co hieu luc thi hanh)(?: (?:ke )?tu(?: ngay)?(?= \\d| ky| ban hanh| duoc| thong qua)| ke tu ngay| sau (\\d{1,3}) ngay,? (?:ke )?tu ngay)`,
  'g',
);
const DATE_AFTER = /^ ?(\d{1,2}) ?(?:[/.-] ?(\d{1,2}) ?[/.-] ?|thang ?(\d{1,2}) ?nam ?)(\d{4})/;
const SIGNING = /^ ?(?:duoc )?(?:ky|ky ban hanh|ban hanh|thong qua)(?![a-z])/;

/**
 * Effective date: the date after "<loại> này có hiệu lực … từ ngày", or `signed` for "… từ ngày ký" (or
 * "… ngày thông qua"); null when the document states none (plans usually do not). Only the first such
 * sentence speaks for the document: a later one is a form in an appendix ("Mẫu quyết định … có hiệu lực
 * kể từ ngày ký"), and a start tied to another document ("kể từ ngày Thông tư số … có hiệu lực") is
 * unknown here.
 */
export function effectiveDate(text: string, signed: string | null): string | null {
  // a paragraph (after a blank line) opens like a sentence: "Điều 3. Hiệu lực thi hành / Nghị quyết có hiệu lực …"
  const paragraphs = text.replace(/\*\*/g, '  ').replace(/\n[ \t]*\n\s*/g, '\n\n. ');
  const folded = foldKeepLength(paragraphs).replace(/\s/g, ' ');
  const flat = folded.replace(/ {2,}/g, ' ');
  const m = EFFECTIVE.exec(flat);
  EFFECTIVE.lastIndex = 0;
  if (m === null) return null;
  const rest = flat.slice(m.index + m[0].length, m.index + m[0].length + 40);
  const d = DATE_AFTER.exec(rest);
  if (d !== null) return isoDate(d[1], d[2] ?? d[3], d[4]);
  if (!SIGNING.test(rest) || signed === null || !/^\d{4}-\d{2}-\d{2}$/.test(signed)) return null;
  return m[1] === undefined ? signed : addDays(signed, Number(m[1]));
}

/** ISO date `days` calendar days after `iso` ("… có hiệu lực sau 10 ngày kể từ ngày ký"). */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
