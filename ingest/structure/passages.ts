import type { PageSpan, Passage, Section } from '../../core/types.ts';
import { isTableLine, matchMarker } from './markers.ts';
import { splitLines } from './tree.ts';

/** Passage sizing, in characters. Defaults chosen so a passage holds one to three list items of a plan. */
export interface PassageOptions {
  /** Blocks are packed together while the passage stays under this size. Default 700. */
  target: number;
  /** A block longer than this is split at sentence ends. Default 1400. */
  max: number;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { target: 700, max: 1400 };

interface Unit {
  sectionId: string;
  start: number;
  end: number;
  /** Table rows are passages of their own so that tasks cite exactly one row. */
  table: boolean;
}

/**
 * Cuts the document into retrieval passages. Each section contributes its own text (up to its first
 * child); consecutive short units of the same top-level part are packed up to `target`; table rows stand
 * alone; long units are split at sentence ends. Offsets always point into `text`.
 */
export function buildPassages(
  documentId: string,
  text: string,
  sections: Section[],
  pages: PageSpan[] | undefined,
  opts: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
): Passage[] {
  const units = sections.flatMap((s) => sectionUnits(text, s, sections, opts));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const groups = packUnits(units, byId, opts);
  return groups.map((g, ordinal) => {
    const section = commonAncestor(g, byId);
    const start = g[0]!.start;
    const end = g[g.length - 1]!.end;
    const page = pageAt(pages, start);
    return {
      id: `${documentId}:p${ordinal}`,
      sectionId: section.id,
      sectionPath: section.path.join(' › '),
      ordinal,
      text: text.slice(start, end),
      start,
      end,
      ...(page === undefined ? {} : { page }),
    };
  });
}

/** The units of one section's own text (before its first child). */
function sectionUnits(text: string, s: Section, all: Section[], opts: PassageOptions): Unit[] {
  const firstChild = all.find((c) => c.parentId === s.id);
  const ownEnd = firstChild ? firstChild.start : s.end;
  const units: Unit[] = [];
  let prose: { start: number; end: number } | null = null;
  const flush = (): void => {
    if (prose) units.push(...splitLong(text, s.id, prose.start, prose.end, opts));
    prose = null;
  };
  for (const line of splitLines(text.slice(s.start, ownEnd))) {
    const start = s.start + line.start;
    const end = s.start + line.end;
    const t = line.text.trim();
    if (t.length === 0) continue;
    if (isTableLine(line.text)) {
      flush();
      units.push({ sectionId: s.id, start, end, table: true });
    } else if (prose) {
      prose.end = end;
    } else {
      prose = { start: start + line.text.indexOf(t), end };
    }
  }
  flush();
  return mergeTableHeaders(text, units);
}

/** Header, separator and empty rows are glued to the next row so that no passage is only a header. */
function mergeTableHeaders(text: string, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const pending: Unit[] = [];
  for (const u of units) {
    if (u.table && isStructuralRow(text.slice(u.start, u.end))) {
      pending.push(u);
      continue;
    }
    const first = pending[0];
    if (first && u.table) {
      out.push({ ...u, start: first.start });
    } else {
      if (first) out.push({ ...first, end: pending[pending.length - 1]!.end });
      out.push(u);
    }
    pending.length = 0;
  }
  if (pending[0]) out.push({ ...pending[0], end: pending[pending.length - 1]!.end });
  return out;
}

function isStructuralRow(row: string): boolean {
  const cells = row
    .split(/\||\t/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  if (cells.length === 0) return true;
  if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return true;
  return /^(TT|STT)$/i.test(cells[0] ?? '');
}

function splitLong(
  text: string,
  sectionId: string,
  start: number,
  end: number,
  opts: PassageOptions,
): Unit[] {
  const units: Unit[] = [];
  let from = start;
  while (end - from > opts.max) {
    const cut = sentenceCut(text, from, from + opts.target, from + opts.max);
    units.push({ sectionId, start: from, end: cut, table: false });
    from = skipSpace(text, cut);
  }
  if (end > from) units.push({ sectionId, start: from, end, table: false });
  return units;
}

/** The last sentence end (". ", "; ", newline) between `min` and `max`, else a space, else `max`. */
function sentenceCut(text: string, from: number, min: number, max: number): number {
  const window = text.slice(min, max);
  const re = /[.;!?:]\s|\n/g;
  let best = -1;
  for (let m = re.exec(window); m; m = re.exec(window)) best = m.index + 1;
  if (best > 0) return min + best;
  const space = text.lastIndexOf(' ', max);
  return space > from ? space : max;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text.charAt(j))) j++;
  return j;
}

function topAncestor(s: Section, byId: Map<string, Section>): Section {
  let cur = s;
  while (cur.parentId && byId.get(cur.parentId)!.level > 0) cur = byId.get(cur.parentId)!;
  return cur;
}

/** Packs consecutive prose units of the same top-level part while they fit in `target`. */
function packUnits(units: Unit[], byId: Map<string, Section>, opts: PassageOptions): Unit[][] {
  const groups: Unit[][] = [];
  let cur: Unit[] = [];
  let curTop: string | null = null;
  for (const u of units) {
    const section = byId.get(u.sectionId)!;
    const top = topAncestor(section, byId).id;
    const size = cur.length ? u.end - cur[0]!.start : 0;
    const opensHeading = u.start === section.start && isHeading(section);
    const fits =
      !u.table && !opensHeading && cur.length > 0 && !cur[0]!.table && top === curTop && size <= opts.target;
    if (fits) {
      cur.push(u);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [u];
    curTop = top;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/** Numbered headings (I., 1., 1.1., Điều, Chương, Phụ lục) open a new passage; list items do not. */
function isHeading(s: Section): boolean {
  return s.marker !== null && s.marker !== '-' && s.marker !== '+' && !/^[a-zđ]$/u.test(s.marker);
}

function commonAncestor(group: Unit[], byId: Map<string, Section>): Section {
  const chains = group.map((u) => ancestry(byId.get(u.sectionId)!, byId));
  let common = chains[0]!;
  for (const chain of chains.slice(1)) {
    let i = 0;
    while (i < common.length && i < chain.length && common[i] === chain[i]) i++;
    common = common.slice(0, i);
  }
  return common[common.length - 1] ?? byId.get(group[0]!.sectionId)!;
}

function ancestry(s: Section, byId: Map<string, Section>): Section[] {
  const chain: Section[] = [s];
  let cur = s;
  while (cur.parentId) {
    cur = byId.get(cur.parentId)!;
    chain.unshift(cur);
  }
  return chain;
}

/** The 1-based page holding offset `at`, when pages are known. */
export function pageAt(pages: PageSpan[] | undefined, at: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  const hit = pages.find((p) => at >= p.start && at < p.end);
  return (hit ?? pages[pages.length - 1]!).page;
}

/** Re-exported for callers that want to know whether a line opens a section. */
export { matchMarker };
