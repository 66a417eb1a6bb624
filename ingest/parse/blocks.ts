/**
 * Assembling parser output into the final text with exact page spans and table ranges. Parsers emit blocks
 * (paragraphs, list items, headings, table rows) whose text is already NFC; blocks are joined by a blank
 * line, rows of the same table by a single newline, so offsets are computed once, here.
 */
import type { PageSpan, ParsedTable } from '../../core/types.ts';

export interface Block {
  text: string;
  /** Page the block starts on (PDF/OCR). */
  page?: number;
  /** Pages that start inside the block: offset within `text` where page `page` begins. */
  pageBreaks?: { offset: number; page: number }[];
  /** Index of the table the row belongs to; rows of one table are consecutive blocks. */
  table?: number;
  cells?: string[];
  /** A line of the previous paragraph's text block: joined by one newline, not a blank line. */
  tight?: boolean;
}

export interface Assembled {
  text: string;
  pages?: PageSpan[];
  tables: ParsedTable[];
}

/** Cell text on one line: inner newlines become spaces ("36-" + newline + "NQ/TW" is glued back). */
export function normalizeCell(cell: string): string {
  return cell
    .replace(/([\p{L}\p{N}])-[ \t]*\n\s*/gu, '$1-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Escape a cell for a Markdown pipe row. */
export function cleanCell(cell: string): string {
  return normalizeCell(cell).replace(/\|/gu, '\\|');
}

export function pipeRow(cells: string[]): string {
  return `| ${cells.map(cleanCell).join(' | ')} |`;
}

class PageTracker {
  readonly spans: PageSpan[] = [];

  constructor(private readonly pageCount: number) {}

  /** Start page `page` at `offset`; pages skipped in between get empty spans. */
  start(page: number, offset: number): void {
    const last = this.spans[this.spans.length - 1];
    if (last && page <= last.page) return;
    if (last) last.end = offset;
    for (let p = (last?.page ?? 0) + 1; p < page; p++)
      this.spans.push({ page: p, start: offset, end: offset });
    this.spans.push({ page, start: offset, end: offset });
  }

  finish(length: number): PageSpan[] {
    const last = this.spans[this.spans.length - 1];
    if (last) last.end = length;
    for (let p = (last?.page ?? 0) + 1; p <= this.pageCount; p++)
      this.spans.push({ page: p, start: length, end: length });
    return this.spans;
  }
}

/** Join blocks into one text; `pageCount` set when the source has pages. */
export function assemble(blocks: Block[], pageCount?: number): Assembled {
  const pages = pageCount !== undefined ? new PageTracker(pageCount) : null;
  const tables: ParsedTable[] = [];
  let text = '';
  let prev: Block | undefined;
  for (const block of blocks) {
    if (prev) text += (prev.table !== undefined && prev.table === block.table) || block.tight ? '\n' : '\n\n';
    const start = text.length;
    if (pages && block.page !== undefined) pages.start(block.page, start);
    for (const br of block.pageBreaks ?? []) pages?.start(br.page, start + br.offset);
    text += block.text;
    if (block.table !== undefined) addRow(tables, block, start, text.length, prev?.table === block.table);
    prev = block;
  }
  return { text, tables, ...(pages ? { pages: pages.finish(text.length) } : {}) };
}

function addRow(tables: ParsedTable[], block: Block, start: number, end: number, continues: boolean): void {
  const current = tables[tables.length - 1];
  const cells = block.cells ?? [block.text];
  if (continues && current) {
    current.rows.push(cells);
    current.end = end;
    return;
  }
  tables.push({ start, end, rows: [cells], ...(block.page !== undefined ? { page: block.page } : {}) });
}

/** Pipe rows ("| a | b |", Markdown separator rows excluded) and tab-separated rows in plain text. */
export function scanTextTables(text: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let current: ParsedTable | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const cells = rowCells(line);
    if (cells === 'separator' && current) current.end = offset + line.length;
    else if (cells && cells !== 'separator') {
      if (!current) {
        current = { start: offset, end: offset + line.length, rows: [] };
        tables.push(current);
      }
      current.rows.push(cells);
      current.end = offset + line.length;
    } else if (line.trim() !== '') current = null;
    offset += line.length + 1;
  }
  return tables.filter((t) => t.rows.length >= 2);
}

function rowCells(line: string): string[] | 'separator' | null {
  const t = line.trim();
  if (t.startsWith('|') && t.endsWith('|') && t.length > 1) {
    if (/^\|[\s|:-]+\|$/u.test(t)) return 'separator';
    return t
      .slice(1, -1)
      .split(/(?<!\\)\|/u)
      .map((c) => c.trim());
  }
  if ((line.match(/\t/gu)?.length ?? 0) >= 2) return line.split('\t').map((c) => c.trim());
  return null;
}
