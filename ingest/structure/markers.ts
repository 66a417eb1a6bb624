/**
 * Recognises the numbering markers Vietnamese administrative documents use for their own structure:
 * PHỤ LỤC, Chương, Điều, I., 1., 1.1., a), -, +. A marker kind's depth is not fixed: the section tree
 * follows the order in which kinds appear (see `tree.ts`), so "Điều 1" documents and "I./1./a)" plans
 * both come out right.
 */

export type MarkerKind =
  'appendix' | 'chapter' | 'article' | 'roman' | 'arabic' | 'decimal' | 'letter' | 'dash' | 'plus';

export interface MarkerMatch {
  kind: MarkerKind;
  /** The marker as written, without punctuation: "III", "2", "1.2", "a", "-", "+", "PHỤ LỤC I". */
  marker: string;
  /** The rest of the line after the marker. */
  heading: string;
}

const ROMAN = /^(?:PHẦN\s+)?([IVXL]{1,6})[./]\s+(\S.*)$/u;
const ARABIC = /^(\d{1,2})[.)]\s+(\S.*)$/u;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/u;
const LETTER = /^([a-zđ])[).]\s+(\S.*)$/u;
const DASH = /^[-–•]\s*(\S.*)$/u;
const PLUS = /^\+\s*(\S.*)$/u;
const APPENDIX = /^(PHỤ LỤC|Phụ lục)(\s+[IVX\d]+)?\b[\s:.–-]*(.*)$/u;
const CHAPTER = /^(Chương|CHƯƠNG)\s+([IVXL\d]+)[.:]?\s*(.*)$/u;
const ARTICLE = /^(Điều|ĐIỀU)\s+(\d{1,3})[.:]\s*(.*)$/u;

/** Kinds that head a part of the document; a bullet never holds one (see `tree.ts`). */
export const HEADING_KINDS: ReadonlySet<MarkerKind> = new Set<MarkerKind>([
  'appendix',
  'chapter',
  'article',
  'roman',
  'arabic',
  'decimal',
]);

/** Bullet kinds: list items inside a part, never parents of a numbered heading. */
export const BULLET_KINDS: ReadonlySet<string> = new Set(['dash', 'plus']);

/** True when the line is a table row (Markdown pipe row or tab-separated cells); never a heading. */
export function isTableLine(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') || (line.match(/\t/g)?.length ?? 0) >= 2;
}

/** The marker a line starts with, or null. `line` must already be trimmed of leading whitespace. */
export function matchMarker(line: string): MarkerMatch | null {
  if (line.length === 0 || isTableLine(line)) return null;
  const md = /^#{1,6}\s+(.*)$/u.exec(line);
  const text = md ? (md[1] ?? '') : line;
  return matchKeyword(text) ?? matchNumbered(text) ?? matchBullet(text);
}

function matchKeyword(text: string): MarkerMatch | null {
  const app = APPENDIX.exec(text);
  if (app) {
    return { kind: 'appendix', marker: `${app[1]}${app[2] ?? ''}`.trim(), heading: (app[3] ?? '').trim() };
  }
  const ch = CHAPTER.exec(text);
  if (ch) return { kind: 'chapter', marker: `Chương ${ch[2]}`, heading: (ch[3] ?? '').trim() };
  const art = ARTICLE.exec(text);
  if (art) return { kind: 'article', marker: `Điều ${art[2]}`, heading: (art[3] ?? '').trim() };
  return null;
}

function matchNumbered(text: string): MarkerMatch | null {
  const roman = ROMAN.exec(text);
  if (roman && startsUpper(roman[2] ?? ''))
    return { kind: 'roman', marker: roman[1] ?? '', heading: roman[2] ?? '' };
  const dec = DECIMAL.exec(text);
  if (dec && startsUpper(dec[2] ?? ''))
    return { kind: 'decimal', marker: dec[1] ?? '', heading: dec[2] ?? '' };
  const ar = ARABIC.exec(text);
  if (ar && startsUpper(ar[2] ?? '')) return { kind: 'arabic', marker: ar[1] ?? '', heading: ar[2] ?? '' };
  const le = LETTER.exec(text);
  if (le) return { kind: 'letter', marker: le[1] ?? '', heading: le[2] ?? '' };
  return null;
}

function matchBullet(text: string): MarkerMatch | null {
  const dash = DASH.exec(text);
  // a rule under the letterhead ("-------", "- ------------") has no words: it is no list item; an item may
  // open with a number after the dash and a space ("- 100% khu công nghiệp …"), not a signed one ("-5%")
  const digitOk = /^[-–•]\s/u.test(text);
  if (dash && (digitOk || !/^\d/.test(dash[1] ?? '')) && /\p{L}/u.test(dash[1] ?? ''))
    return { kind: 'dash', marker: '-', heading: dash[1] ?? '' };
  const plus = PLUS.exec(text);
  if (plus) return { kind: 'plus', marker: '+', heading: plus[1] ?? '' };
  return null;
}

function startsUpper(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase() || /^[“"(*]/.test(s);
}
