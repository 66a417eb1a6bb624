import type { AnalysisReader } from '../../graph/analysis-reader.ts';

/** A cited passage as the page shows it: a table row with its column headers, a section label without Markdown. */
export interface ReadableCitation {
  passageId: string;
  documentId: string;
  text: string;
  section: string | null;
  page: number | null;
  /** Column headers and cells when the passage is a table row (pipe or tab separated). */
  header: string[] | null;
  cells: string[] | null;
}

/** Strips Markdown emphasis and collapses spaces in a section label. */
export const plainSection = (s: string | null | undefined): string | null =>
  s
    ? s
        .replace(/\*\*|__/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : null;

const isSeparator = (line: string): boolean => /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/.test(line);

/** Cells of a table row written with pipes or tabs; null for prose. */
export function tableCells(text: string): string[] | null {
  const line = text.replace(/\*\*/g, '').trim();
  if (isSeparator(line)) return null;
  if (line.startsWith('|')) {
    const cells = line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    return cells.length >= 2 ? cells : null;
  }
  if (line.includes('\t')) {
    const cells = line.split('\t').map((c) => c.trim());
    return cells.filter(Boolean).length >= 2 ? cells : null;
  }
  return null;
}

const HEADER_WORDS =
  /\b(stt|tt|noi dung|nhiem vu|chu tri|phoi hop|thoi gian|thoi han|san pham|don vi|co quan|chi tieu|ket qua|ghi chu|kinh phi)\b/;
const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** True for a header row: no numbered first cell, and header words in at least two cells. */
export function isHeaderRow(cells: string[]): boolean {
  if (/^\s*([0-9]+[.)]?|[IVXLC]+[.)]?|[a-zđ][.)])\s*$/i.test(cells[0] ?? '')) return false;
  return cells.filter((c) => HEADER_WORDS.test(fold(c))).length >= 2;
}

/** The header of the table a row belongs to: the nearest header row before it with as many cells. */
export function headerFor(cells: string[], before: string[]): string[] | null {
  for (const text of before) {
    // a passage may hold several rows (a header, its separator, a first row): nearest line first
    for (const line of text.split('\n').reverse()) {
      const row = tableCells(line);
      if (row && isHeaderRow(row) && Math.abs(row.length - cells.length) <= 1) return row;
    }
  }
  return null;
}

/** Makes a citation readable: its section without Markdown, its page, and a table row's headers. */
export async function readableCitation(
  c: { passageId: string; documentId: string; text: string },
  analysis: AnalysisReader,
): Promise<ReadableCitation> {
  const ctx = await analysis.tableContext(c.passageId);
  const cells = tableCells(c.text.split('\n')[0] ?? '');
  return {
    ...c,
    section: plainSection(ctx?.section),
    page: ctx?.page ?? null,
    cells,
    header: cells && ctx ? headerFor(cells, ctx.before) : null,
  };
}
