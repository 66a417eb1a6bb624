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

/**
 * A line that starts a table row typed as text: a Markdown pipe row, or a row label (number, Roman
 * numeral, letter, "TT") and a tab.
 */
export function startsTextRow(line: string): boolean {
  return line.startsWith('|') || /^(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ]|S?TT)[.)]?\t/u.test(line);
}

/**
 * Table rows typed as text and printed: a row starts at a pipe or a short first cell and a tab, and its
 * wrapped lines continue it until the next row; after a pipe row's closing pipe only a line that closes
 * with a pipe too (the row wrapped right after a cell). Null when neither line is a row of that kind.
 */
function joinRow(row: RowState, prev: string, next: string): boolean | null {
  if (row.open && next.startsWith('|') && row.text.startsWith('|') && pipeCells(row.text) < row.width)
    return true;
  if (startsTextRow(next)) return false;
  if (!row.open) return null;
  return !(prev.startsWith('|') && prev.endsWith('|')) || next.endsWith('|');
}

interface RowState {
  /** The paragraph being built is a row typed as text. */
  open: boolean;
  /** Its text so far. */
  text: string;
  /** Cells of the last Markdown separator row ("|---|---|"): the pipe table's width. */
  width: number;
}

/** Cells of a pipe row as far as it goes ("| a | b |" → 2, "| a | b" → 2). */
function pipeCells(text: string): number {
  const pipes = text.match(/(?<!\\)\|/gu)?.length ?? 0;
  return text.trimEnd().endsWith('|') ? pipes - 1 : pipes;
}

const SEPARATOR_ROW = /^\|[\s|:-]+\|$/u;

/** The line's text, spaces collapsed; tabs kept only in a row typed with tabs and its wrapped lines. */
function lineText(line: Line, inRow: boolean): string {
  if (line.table !== undefined) return line.text;
  const text = line.text.replace(/[^\S\t]+/gu, ' ').replace(/^ +| +$/gu, '');
  return inRow || startsTextRow(text) ? text : text.replace(/\s+/gu, ' ').trim();
}

/** Should `next` continue the paragraph that `prev` (the previous line) belongs to? */
export function shouldJoin(
  prev: string,
  next: string,
  fullWidth: number,
  row: RowState = { open: false, text: prev, width: 0 },
): boolean {
  const joined = joinRow(row, prev, next);
  if (joined !== null) return joined;
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
  let current: Paragraph | null = null;
  let afterBreak = true;
  let tableWidth = 0;
  let tabWidth = 0;
  const close = () => {
    if (current && /^S?TT\t/u.test(current.text)) tabWidth = current.text.split('\t').length;
    if (current)
      blocks.push({
        text: padTabRow(current.text, tabWidth),
        page: current.page,
        pageBreaks: current.pageBreaks ?? [],
        ...(current.tight ? { tight: true } : {}),
      });
    current = null;
  };
  for (const line of lines) {
    const open = current !== null && startsTextRow(current.text);
    const text = lineText(line, open);
    if (text === '' || line.table !== undefined) {
      close();
      if (text !== '') blocks.push({ text, page: line.page, table: line.table, cells: line.cells ?? [] });
      afterBreak = true;
      continue;
    }
    if (SEPARATOR_ROW.test(text)) tableWidth = pipeCells(text);
    const row = { open, text: current?.text ?? '', width: tableWidth };
    if (current && shouldJoin(current.last, text, width, row)) {
      append(current, text, line.page, open);
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

type Paragraph = Block & { last: string; lastPage: number };

/** A tab row printed without its trailing empty cells gets them back, up to its header's cells. */
function padTabRow(text: string, width: number): string {
  if (text.startsWith('|') || !startsTextRow(text)) return text;
  const cells = text.split('\t').length;
  return cells < width ? text + '\t'.repeat(width - cells) : text;
}

/** Add a wrapped line to its paragraph (or row typed as text). */
function append(cur: Paragraph, text: string, page: number, inRow: boolean): void {
  let next = text;
  // A row wrapped right after a cell: its next line repeats no pipe.
  if (inRow && cur.text.endsWith('|') && next.startsWith('|')) next = next.slice(1).trimStart();
  // "36-" + "NQ/TW", and a rule of dashes broken over two lines, continue without a space.
  const glued = /[\p{L}\p{N}]-$/u.test(cur.last) || (inRow && cur.last.endsWith('-') && next.startsWith('-'));
  if (!glued) cur.text += ' ';
  if (page !== cur.lastPage) (cur.pageBreaks ??= []).push({ offset: cur.text.length, page });
  cur.text += next;
  cur.last = next;
  cur.lastPage = page;
}
