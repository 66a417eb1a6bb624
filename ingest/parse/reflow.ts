/**
 * Shared line re-flow for layout text (PDF text layer, OCR): hard line breaks inside sentences are joined,
 * headings, list items and table rows stay on their own lines, blank lines stay paragraph breaks. Lines carry
 * their page so the assembled text gets exact page spans (a paragraph may start on one page and end on
 * the next: the page break is recorded inside the block).
 */
import type { Block } from './blocks.ts';

export interface Line {
  text: string;
  page: number;
  /** Table index and cells when the line is a rendered table row. */
  table?: number;
  cells?: string[];
}

const SENTENCE_END = /[.!?:;…]["”’)\]]*$/u;
/** List items and numbered parts; "Chương trình…", "Mục tiêu…" or "Phụ lục của…" at a line start are prose. */
const LIST_START =
  /^(?:[-+•●▪*–]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]{1,6}\.\s|(?:Điều|Chương|Mục|Phụ lục)\s+(?:[IVXLC]{1,6}|\d{1,3})\b|Phụ lục\s*$|PHỤ LỤC|Nơi nhận\b)/u;

/** Mostly upper-case line with a few letters: a heading such as "I. MỤC ĐÍCH, YÊU CẦU". */
export function isHeadingLine(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

export function isListStart(line: string): boolean {
  return LIST_START.test(line);
}

function startsLowerOrContinuation(line: string): boolean {
  const first = line.charAt(0);
  if (/\d/u.test(first)) return !/^\d{1,2}(?:\.\d{1,2})*[.)]\s/u.test(line);
  return first !== first.toUpperCase() || /^[(,;"“]/u.test(line);
}

/** Should `next` continue the paragraph that `prev` (the previous line) belongs to? */
export function shouldJoin(prev: string, next: string, fullWidth: number): boolean {
  // "Nghị quyết số 36-" + "NQ/TW": a line broken after a glued hyphen continues, even before a short
  // upper-case fragment that would otherwise look like a heading.
  if (/[\p{L}\p{N}]-$/u.test(prev) && /^[\p{L}\p{N}]/u.test(next) && !isListStart(next)) return true;
  if (SENTENCE_END.test(prev) || isListStart(next) || isHeadingLine(next) || isHeadingLine(prev))
    return false;
  if (startsLowerOrContinuation(next)) return true;
  return prev.length >= 0.85 * fullWidth;
}

/** Typical length of a full line: the 90th percentile of prose line lengths. */
export function fullLineWidth(lines: Line[]): number {
  const lengths = lines
    .filter((l) => l.table === undefined && l.text.trim() !== '')
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 80;
}

/**
 * Re-flow lines (already NFC, page-tagged) into blocks for `assemble`. With `paragraphBreaks` (the page
 * text marks paragraph breaks with blank lines), lines of one paragraph that are not joined (an item, a
 * heading, a short line) stay lines of that paragraph, one newline apart, as in the text the PDF was made
 * from; without it, every block is its own paragraph.
 */
export function reflow(lines: Line[], opts: { paragraphBreaks?: boolean } = {}): Block[] {
  const width = fullLineWidth(lines);
  const blocks: Block[] = [];
  let current: (Block & { last: string; lastPage: number }) | null = null;
  let afterBreak = true;
  const close = () => {
    if (current)
      blocks.push({
        text: current.text,
        page: current.page,
        pageBreaks: current.pageBreaks ?? [],
        ...(current.tight ? { tight: true } : {}),
      });
    current = null;
  };
  for (const line of lines) {
    const text = line.table === undefined ? line.text.replace(/\s+/gu, ' ').trim() : line.text;
    if (text === '') {
      close();
      afterBreak = true;
      continue;
    }
    if (line.table !== undefined) {
      close();
      blocks.push({ text, page: line.page, table: line.table, cells: line.cells ?? [] });
      afterBreak = true;
      continue;
    }
    if (current && shouldJoin(current.last, text, width)) {
      const cur: Block & { last: string; lastPage: number } = current;
      // "36-" + "NQ/TW": a hyphen glued to a word continues without a space.
      if (!/[\p{L}\p{N}]-$/u.test(cur.last)) cur.text += ' ';
      if (line.page !== cur.lastPage)
        (cur.pageBreaks ??= []).push({ offset: cur.text.length, page: line.page });
      cur.text += text;
      cur.last = text;
      cur.lastPage = line.page;
      continue;
    }
    close();
    const tight = opts.paragraphBreaks === true && !afterBreak;
    current = { text, page: line.page, last: text, lastPage: line.page, ...(tight ? { tight } : {}) };
    afterBreak = false;
  }
  close();
  return blocks;
}
