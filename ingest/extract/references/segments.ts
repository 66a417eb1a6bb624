/**
 * Clause structure of the collapsed text for the relation reader. The text is cut into items — the
 * entries of a "Căn cứ …; …; …" list, the numbered items of "Điều 2. Bãi bỏ …: 1. … 2. …", the
 * sentences of an article — and each item knows its region (header, title, preamble, the plan's
 * "Mục đích", articles, other body), the section it starts in and whether it continues the previous
 * item's sentence (after ";") so a keyword can carry over the list.
 */
import type { Section, StructuredDocument } from '../../../core/types.ts';
import { findHeading, preambleEnd } from '../meta/header.ts';
import { findTitle } from '../meta/title.ts';
import type { FlatText } from './mentions.ts';

export type Region = 'header' | 'title' | 'preamble' | 'purpose' | 'article' | 'body';

export interface Item {
  start: number;
  end: number;
  region: Region;
  /** Innermost section the item starts in (null before the first section). */
  section: Section | null;
  /** Starts a section: its keyword may come from the parent's lead ("Điều 2. Bãi bỏ …:"). */
  sectionStart: boolean;
  /** Follows a ";" of the same sentence (a keyword of the previous item carries over). */
  continues: boolean;
  /** Inside the document's own legal-basis part: what it lists is its "Căn cứ". */
  basis: boolean;
}

export interface Layout {
  items: Item[];
  sections: Section[];
}

/**
 * Sentence ends: ". " before an upper-case letter, digit or list dash — not after a short abbreviation
 * ("TP.") nor after a list marker ("Điều 1.", "2.", "II.", "1.2.").
 */
const SENTENCE_END =
  /(?<![\s.(][\p{L}]{1,2}|\bv\.v|(?:^|\s)(?:Điều\s*)?(?:\d+|[IVXLC]+)(?:\.\d+)*)[.!?…]["”’)]?(?= ["“(]?[\p{Lu}\d-])/gu;
/** Clause keywords that open a new item when written with a capital ("… trong tình hình mới Thực hiện …"). */
const CAPITAL_KEYWORD = /(?<= )(?:Căn cứ|Thực hiện|Triển khai|Xét|Theo đề nghị)(?= )/gu;

interface Cut {
  at: number;
  kind: 'hard' | 'soft' | 'colon';
}

/**
 * Offsets (collapsed text) where items start. A "soft" cut (after ";") continues the sentence; a "colon"
 * cut does too in the preamble ("Căn cứ các Nghị định của Chính phủ: số 10/2025/NĐ-CP …; số …").
 */
function cuts(t: FlatText, fixed: number[]): Cut[] {
  const out: Cut[] = fixed.map((at) => ({ at, kind: 'hard' as const }));
  for (const m of t.flat.matchAll(/;/g)) out.push({ at: m.index + 1, kind: 'soft' });
  for (const m of t.flat.matchAll(/: /g)) out.push({ at: m.index + 1, kind: 'colon' });
  for (const m of t.flat.matchAll(SENTENCE_END)) out.push({ at: m.index + m[0].length, kind: 'hard' });
  for (const m of t.flat.matchAll(CAPITAL_KEYWORD)) out.push({ at: m.index, kind: 'hard' });
  const byPos = new Map<number, Cut>();
  for (const c of out) {
    const prev = byPos.get(c.at);
    if (prev === undefined || c.kind === 'hard' || (c.kind === 'colon' && prev.kind === 'soft'))
      byPos.set(c.at, c);
  }
  return [...byPos.values()].sort((a, b) => a.at - b.at);
}

/** True when collapsed offset `p` starts a line of the original text (after spaces and "*"). */
function atLineStart(text: string, map: readonly number[], p: number): boolean {
  let o = (map[p] ?? 0) - 1;
  while (o >= 0 && /[ \t*]/.test(text.charAt(o))) o--;
  return o < 0 || text.charAt(o) === '\n';
}

/** Headings at line starts (hard-wrapped lines are already joined in the collapsed text). */
const MARKER = /(?<![^ ])(?:[IVXLC]+|\d{1,2})\. (?=\p{Lu})/gu;
const PURPOSE = /(?<![^ ])(?:(?:[ivxlc]+|\d{1,2})\. )?muc dich(?![a-z])/g;
/** A plan's own legal-basis part: "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "1. Cơ sở pháp lý", "I. CĂN CỨ PHÁP LÝ". */
const BASIS_PART = /(?<![^ ])(?:[ivxlc]+|\d{1,2})\. (?:can cu|co so) (?:phap ly|xay dung|ban hanh)(?![a-z])/g;
const ARTICLE = /(?<![^ ])dieu \d+[a-z]?\.? ?[.:]?/g;

/**
 * The plan's "Mục đích" part (collapsed offsets), where "Triển khai thực hiện …" still speaks for the
 * document: from the innermost "Mục đích" heading ("I. MỤC ĐÍCH, YÊU CẦU" then "1. Mục đích") to the
 * next numbered heading ("2. Yêu cầu", "II. MỤC TIÊU").
 */
function purposeRange(
  text: string,
  map: readonly number[],
  t: FlatText,
  from: number,
  heading: RegExp = PURPOSE,
): [number, number] | null {
  const heads = [...t.folded.slice(from).matchAll(heading)]
    .map((m) => from + m.index)
    .filter((p) => atLineStart(text, map, p));
  const first = heads[0];
  if (first === undefined) return null;
  const start = heads[1] !== undefined && heads[1] - first < 300 ? heads[1] : first;
  for (const m of t.flat.slice(start + 1).matchAll(MARKER)) {
    const at = start + 1 + m.index;
    if (at - start > 4000) return [start, at];
    if (atLineStart(text, map, at)) return [start, at];
  }
  return [start, t.flat.length];
}

/** Start of the articles ("Điều 1.") at a line start after the preamble, or -1 when there are none. */
function articlesStart(text: string, map: readonly number[], t: FlatText, from: number): number {
  for (const m of t.folded.slice(from).matchAll(ARTICLE))
    if (atLineStart(text, map, from + m.index)) return from + m.index;
  return -1;
}

export interface LayoutInput {
  doc: StructuredDocument;
  t: FlatText;
  map: readonly number[];
  toFlat: (orig: number) => number;
}

/** Cuts the collapsed text into items with their regions (see module comment). */
export function layout({ doc, t, map, toFlat }: LayoutInput): Layout {
  const text = doc.parsed.text;
  const heading = findHeading(text);
  const title = heading === null ? null : findTitle(text, heading);
  const bodyStart = heading?.after ?? 0;
  const headingAt = toFlat(heading?.start ?? 0);
  const titleStart = toFlat(title?.start ?? bodyStart);
  const titleEnd = toFlat(title?.end ?? bodyStart);
  const preEnd = toFlat(preambleEnd(doc, bodyStart));
  const sections = doc.sections.filter((s) => s.level > 0);
  const purposeFlat = purposeRange(text, map, t, preEnd);
  const basisFlat = purposeRange(text, map, t, preEnd, BASIS_PART);
  const articles = articlesStart(text, map, t, preEnd);
  const articlesFlat = articles < 0 ? t.flat.length : articles;
  const sectionStarts = new Map<number, Section>();
  for (const s of sections) sectionStarts.set(toFlat(s.start), s);
  const fixed = [headingAt, titleStart, titleEnd, preEnd, ...sectionStarts.keys()];
  const list = cuts(t, fixed).filter((c) => c.at < t.flat.length);
  const regionOf = (at: number): Region => {
    if (at < headingAt) return 'header';
    if (at < titleEnd && at >= titleStart) return 'title';
    if (at < preEnd) return 'preamble';
    if (purposeFlat !== null && at >= (purposeFlat[0] ?? 0) && at < (purposeFlat[1] ?? 0)) return 'purpose';
    return at >= articlesFlat ? 'article' : 'body';
  };
  const flatSections = sections.map((s) => ({ s, start: toFlat(s.start), end: toFlat(s.end) }));
  const sectionAt = (at: number): Section | null => {
    let best: Section | null = null;
    for (const x of flatSections) if (x.start <= at && at < x.end) best = x.s;
    return best;
  };
  const items: Item[] = [];
  list.forEach((c, i) => {
    const end = list[i + 1]?.at ?? t.flat.length;
    if (end <= c.at) return;
    const section = sectionAt(c.at);
    const region = regionOf(c.at);
    items.push({
      start: c.at,
      end,
      region,
      section,
      sectionStart: sectionStarts.has(c.at),
      continues: c.kind === 'soft' || (c.kind === 'colon' && region === 'preamble'),
      basis: basisFlat !== null && c.at >= basisFlat[0] && c.at < basisFlat[1],
    });
  });
  if ((list[0]?.at ?? 0) > 0) {
    items.unshift({
      start: 0,
      end: list[0]?.at ?? 0,
      region: 'header',
      section: null,
      sectionStart: false,
      continues: false,
      basis: false,
    });
  }
  return { items, sections };
}
