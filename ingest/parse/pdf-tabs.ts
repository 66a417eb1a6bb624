/**
 * Tab stops of a PDF printed from text typed with tabs. Text after a tab starts on the next default tab
 * stop, a regular grid from the left margin (LibreOffice 1.25 cm, Word 0.5 in); a tab that ends just
 * before a stop leaves a gap narrower than a space, or none. When the document's clearly separated cells
 * sit on such a grid, an item that starts on it after a gap other than one space starts a cell too.
 */
import type { PdfItem } from './pdf-worker.ts';

/** Baseline change (pt) that starts a new line (pdf-parse `lineThreshold`). */
export const LINE_SHIFT = 4.6;
/** Horizontal gap (pt) between items that separates cells (pdf-parse `cellThreshold`). */
export const CELL_GAP = 7;

/** Default tab-stop spacings (pt): 1.25 cm, 0.5 in. */
const DEFAULT_STOPS = [35.433, 36];
/** How far (pt) from a stop an item may start and still be on it. */
const ON_STOP = 0.15;
/** Clear cell gaps needed, and the share of them on the grid, before the grid is trusted. */
const MIN_CELLS = 5;
const MIN_ON_GRID = 0.8;

export interface TabGrid {
  left: number;
  stop: number;
  /** Width of one space (the most common blank item), not a tab. */
  space: number;
}

interface Starts {
  left: number;
  cells: number[];
  space: number;
}

/** Left margin, x of items after a clear cell gap, and the usual space width. */
function itemStarts(pages: readonly (readonly PdfItem[])[]): Starts {
  let left = Infinity;
  const cells: number[] = [];
  const spaces = new Map<number, number>();
  for (const items of pages) {
    let prev: { y: number; end: number } | null = null;
    for (const [str, x, y, width, , eol] of items) {
      if (str.trim() === '') {
        if (str === ' ')
          spaces.set(Math.round(width * 10) / 10, (spaces.get(Math.round(width * 10) / 10) ?? 0) + 1);
        if (eol) prev = null;
        continue;
      }
      left = Math.min(left, x);
      if (prev && Math.abs(prev.y - y) <= LINE_SHIFT && x - prev.end > CELL_GAP) cells.push(x);
      prev = eol ? null : { y, end: x + width };
    }
  }
  const space = [...spaces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return { left, cells, space };
}

const residual = (offset: number, stop: number): number => offset - Math.round(offset / stop) * stop;

/** The grid the document's cells sit on, or null (no tab-typed rows, or cells not on a grid). */
export function tabGrid(pages: readonly (readonly PdfItem[])[]): TabGrid | null {
  const { left, cells, space } = itemStarts(pages);
  if (cells.length < MIN_CELLS) return null;
  for (const base of DEFAULT_STOPS) {
    // Fit the spacing the renderer really used (rounding makes it drift from the nominal one).
    const ratios = cells
      .map((x) => x - left)
      .filter((o) => Math.round(o / base) >= 1)
      .map((o) => o / Math.round(o / base))
      .filter((r) => Math.abs(r - base) < base * 0.01)
      .sort((a, b) => a - b);
    const stop = ratios[Math.floor(ratios.length / 2)];
    if (stop === undefined) continue;
    const on = cells.filter((x) => Math.abs(residual(x - left, stop)) < ON_STOP).length;
    if (on >= MIN_CELLS && on >= cells.length * MIN_ON_GRID) return { left, stop, space };
  }
  return null;
}

/** An item at `x`, `gap` after the previous one, starts a cell on the grid. */
export function onTabStop(grid: TabGrid, x: number, gap: number): boolean {
  const offset = x - grid.left;
  if (Math.round(offset / grid.stop) < 1 || Math.abs(residual(offset, grid.stop)) >= ON_STOP) return false;
  return gap > -ON_STOP && Math.abs(gap - grid.space) > 0.3;
}
