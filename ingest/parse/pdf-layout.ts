/**
 * Page-level clean-up of PDF/OCR text before re-flow: joining letters split from their combining marks,
 * removing running headers/footers and page numbers, splicing ruled tables (from pdf-parse getTable) into
 * the text as pipe rows, and best-effort borderless tables from tab-separated layout lines.
 */
import { normalizeCell, pipeRow } from './blocks.ts';
import { startsTextRow, type Line } from './reflow.ts';

/** NFD text can split a letter from its mark across a line break: join them, then NFC. */
export function normalizePageText(text: string): string {
  return text
    .replace(/(\p{L}\p{M}*)[ \t]*\r?\n[ \t]*(\p{M}+)/gu, '$1$2')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
}

const PAGE_NUMBER = /^(?:trang|page)?\s*[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*\/\s*\d{1,4})?$/iu;
const EDGE = 2;

function edgeIndexes(lines: string[]): number[] {
  const idx = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  return [...new Set([...idx.slice(0, EDGE), ...idx.slice(-EDGE)])];
}

function headerKey(line: string): string {
  return line.trim().replace(/\s+/gu, ' ').replace(/\d+/gu, '#').toLowerCase();
}

/** Lines repeated at the top/bottom of most pages, and lone page numbers, removed. Returns the new pages. */
export function removeRunningLines(pages: string[][]): { pages: string[][]; removed: number } {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines).map((i) => headerKey(lines[i] ?? '')));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = new Set([...counts].filter(([k, n]) => n >= minPages && /\p{L}/u.test(k)).map(([k]) => k));
  const numberOffsets = new Map<number, number>();
  const numbers = pages.map((lines, p) =>
    edgeIndexes(lines).flatMap((i) => {
      const m = PAGE_NUMBER.exec((lines[i] ?? '').trim());
      if (!m) return [];
      const offset = Number(m[1]) - (p + 1);
      numberOffsets.set(offset, (numberOffsets.get(offset) ?? 0) + 1);
      return [{ i, offset }];
    }),
  );
  const best = [...numberOffsets].sort((a, b) => b[1] - a[1])[0];
  const pageNumberOk = best !== undefined && best[1] >= Math.max(1, Math.ceil(pages.length * 0.5));
  let removed = 0;
  const out = pages.map((lines, p) => {
    const drop = new Set(edgeIndexes(lines).filter((i) => running.has(headerKey(lines[i] ?? ''))));
    if (pageNumberOk) for (const n of numbers[p] ?? []) if (n.offset === best[0]) drop.add(n.i);
    removed += drop.size;
    return lines.filter((_, i) => !drop.has(i));
  });
  return { pages: out, removed };
}

/** Words for matching cells to lines; split after hyphens too, since "1600/QĐ-" may end a cell line. */
const words = (s: string): string[] => s.split(/\s+|(?<=-)/u).filter((w) => w !== '');

/**
 * Find the lines of `lines` (from `from`) that hold the cells of `rows`: the first line starting with the
 * first cell's first word, then every following line whose words all belong to the table's remaining words.
 */
function locateTable(lines: Line[], from: number, rows: string[][]): [number, number] | null {
  const bag = new Map<string, number>();
  let total = 0;
  for (const w of rows.flatMap((r) => r.flatMap(words))) {
    bag.set(w, (bag.get(w) ?? 0) + 1);
    total++;
  }
  const firstWord = rows.flatMap((r) => r.flatMap(words))[0];
  if (firstWord === undefined) return null;
  for (let s = from; s < lines.length; s++) {
    const line = lines[s];
    if (!line || line.table !== undefined || words(line.text)[0] !== firstWord) continue;
    const left = new Map(bag);
    let used = 0;
    let e = s;
    for (; e < lines.length; e++) {
      const ws = words(lines[e]?.text ?? '');
      // Blank lines (paragraph breaks between rows and cells) belong to the table while its words go on.
      if (ws.length === 0 && lines[e]?.table === undefined && e + 1 < lines.length) continue;
      if (lines[e]?.table !== undefined || ws.length === 0 || !ws.every((w) => (left.get(w) ?? 0) > 0)) break;
      for (const w of ws) left.set(w, (left.get(w) ?? 0) - 1);
      used += ws.length;
    }
    if (used >= total * 0.6) return [s, e];
  }
  return null;
}

/** Replace the text lines of each ruled table with its pipe rows; `nextTable` numbers tables document-wide. */
export function spliceTables(lines: Line[], tables: string[][][], nextTable: () => number): Line[] {
  let out = lines;
  let from = 0;
  for (const raw of tables) {
    const rows = raw.map((r) => r.map(normalizeCell)).filter((r) => r.some((c) => c !== ''));
    if (rows.length === 0) continue;
    const at = locateTable(out, from, rows);
    if (!at) continue;
    const page = out[at[0]]?.page ?? 1;
    const id = nextTable();
    const rendered: Line[] = rows.map((cells) => ({ text: pipeRow(cells), page, table: id, cells }));
    out = [...out.slice(0, at[0]), ...rendered, ...out.slice(at[1])];
    from = at[0] + rendered.length;
  }
  return out;
}

/**
 * Borderless tables (best effort): ≥ 2 consecutive lines split by tabs into the same number (≥ 3) of
 * cells, all starting a row or none (a labelled row and its wrapped line are one row, left to re-flow).
 */
export function detectLayoutTables(lines: Line[], nextTable: () => number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length;) {
    const cells = (l: Line | undefined) =>
      l && l.table === undefined ? l.text.split('\t').map((c) => c.trim()) : [];
    const n = cells(lines[i]).length;
    const labelled = startsTextRow(lines[i]?.text ?? '');
    let j = i;
    while (
      n >= 3 &&
      j < lines.length &&
      cells(lines[j]).length === n &&
      startsTextRow(lines[j]?.text ?? '') === labelled
    )
      j++;
    if (j - i >= 2) {
      const id = nextTable();
      for (let k = i; k < j; k++) {
        const line = lines[k] as Line;
        const c = cells(line);
        out.push({ text: pipeRow(c), page: line.page, table: id, cells: c });
      }
      i = j;
    } else {
      out.push(lines[i] as Line);
      i++;
    }
  }
  return out;
}
