/**
 * Page text from pdf.js text items, written the way pdf-parse writes it (a new line after an item that
 * ends one or where the baseline moves, a tab for a wide horizontal gap) with what pdf-parse loses:
 * - a glyph drawn without advance (a fallback-font "ẩ") is not followed by a space;
 * - a gap that pdf.js fills with a blank item (the space a tab leaves before the next cell of a row
 *   typed with tabs) counts as a gap, so cells keep their tab, and so does a cell that starts on the
 *   document's tab-stop grid after a narrower gap (pdf-tabs.ts);
 * - a paragraph break — a baseline step clearly larger than the document's usual line pitch (spacing
 *   after a paragraph, an empty line) — is a blank line, as in the text the PDF was made from, so lines
 *   that are paragraphs of their own (one cell per line, items, headings) are not run together by re-flow.
 */
import { CELL_GAP, LINE_SHIFT, onTabStop, tabGrid, type TabGrid } from './pdf-tabs.ts';
import type { PdfItem } from './pdf-worker.ts';
/** A step between baselines this many times the usual pitch is a paragraph break. */
const PARAGRAPH_STEP = 1.3;

export interface PdfLine {
  text: string;
  /** Baseline (viewport coordinates, downwards). */
  y: number;
  /** Font size: the largest item height on the line. */
  size: number;
}

interface LineState {
  lines: PdfLine[];
  cur: PdfLine | null;
  /** End x of the last visible item on the current line. */
  lastEnd: number | null;
  /** Blank item text seen since that item. */
  pending: string;
  /** That item had no advance (a glyph drawn from a fallback font, e.g. "ẩ"). */
  zeroWidth: boolean;
  ended: boolean;
}

function startLine(s: LineState, y: number): void {
  if (s.cur && s.cur.text !== '') s.lines.push(s.cur);
  s.cur = { text: '', y, size: 0 };
  s.lastEnd = null;
  s.pending = '';
  s.zeroWidth = false;
  s.ended = false;
}

/** The lines of one page, items joined as pdf-parse joins them. */
export function itemLines(items: readonly PdfItem[], grid: TabGrid | null = null): PdfLine[] {
  const s: LineState = { lines: [], cur: null, lastEnd: null, pending: '', zeroWidth: false, ended: false };
  for (const [str, x, y, width, height, eol] of items) {
    const blank = str.trim() === '';
    if (!blank && (s.cur === null || s.ended || Math.abs(y - s.cur.y) > LINE_SHIFT)) startLine(s, y);
    const cur = s.cur;
    if (cur && blank) s.pending += str;
    else if (cur) {
      if (cur.text === '') cur.y = y;
      const gap = s.lastEnd === null ? 0 : x - s.lastEnd;
      // After a glyph without advance, the blank pdf.js adds is that glyph's width, not a space.
      const cell = gap > CELL_GAP || (grid !== null && s.lastEnd !== null && onTabStop(grid, x, gap));
      if (cur.text !== '') cur.text += cell ? '\t' : s.zeroWidth ? '' : s.pending;
      cur.text += str;
      cur.size = Math.max(cur.size, height);
      s.pending = '';
      s.lastEnd = x + width;
      s.zeroWidth = width < 0.01;
    }
    if (eol) s.ended = true;
  }
  if (s.cur && s.cur.text !== '') s.lines.push(s.cur);
  return s.lines;
}

/** Share of all baseline steps from which a step counts as a usual one. */
const USUAL_SHARE = 0.1;

/** Step from `prev` to `line` in units of `prev`'s font size (null when unknown or not downwards). */
function relativeStep(prev: PdfLine, line: PdfLine): number | null {
  const step = line.y - prev.y;
  return step > LINE_SHIFT && prev.size > 0 ? step / prev.size : null;
}

/**
 * The line pitch in units of font size: the smallest usual step between consecutive baselines (to 0.05),
 * or null without any. Relative to font size so that small table text and large body text share it, and
 * the smallest usual one rather than the most frequent: in a document of one-line paragraphs (a table
 * typed one cell per paragraph) the step between paragraphs is the most frequent one.
 */
export function usualPitch(pages: readonly PdfLine[][]): number | null {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1];
      const line = lines[i];
      const step = prev && line ? relativeStep(prev, line) : null;
      if (step === null) continue;
      const key = Math.round(step * 20) / 20;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const usual = [...counts].filter(([, n]) => n >= total * USUAL_SHARE).map(([step]) => step);
  return usual.length > 0 ? Math.min(...usual) : null;
}

/**
 * Pages that begin a paragraph: the page's first line sits lower than the highest first line of any
 * page, or the page before ended higher than the lowest last line (an empty line fell at the page
 * break, or the paragraph did not fit).
 */
function pageStartsParagraph(lines: readonly PdfLine[][], pitch: number): boolean[] {
  const firsts = lines.flatMap((ls) => (ls[0] ? [ls[0].y] : []));
  const lasts = lines.flatMap((ls) => (ls.length > 0 ? [ls[ls.length - 1]?.y ?? 0] : []));
  const top = Math.min(...firsts);
  const bottom = Math.max(...lasts);
  return lines.map((ls, i) => {
    const first = ls[0];
    const before = lines[i - 1];
    const last = before?.[before.length - 1];
    if (!first || !last) return false;
    return first.y - top > 0.5 * pitch * first.size || bottom - last.y > 0.5 * pitch * last.size;
  });
}

/** Text of each page: its lines, with a blank line at each paragraph break (also one at a page start). */
export function pageTexts(pages: readonly (readonly PdfItem[])[]): string[] {
  const grid = tabGrid(pages);
  const lines = pages.map((items) => itemLines(items, grid));
  const pitch = usualPitch(lines);
  const starts = pitch === null ? [] : pageStartsParagraph(lines, pitch);
  return lines.map((ls, p) =>
    ls
      .map((l, i) => {
        const prev = ls[i - 1];
        const step = prev ? relativeStep(prev, l) : null;
        const para =
          (i === 0 && starts[p] === true) ||
          (pitch !== null && step !== null && step > PARAGRAPH_STEP * pitch);
        return para ? `\n${l.text}` : l.text;
      })
      .join('\n'),
  );
}
