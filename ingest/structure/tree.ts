import type { Section } from '../../core/types.ts';
import { BULLET_KINDS, HEADING_KINDS, matchMarker, type MarkerKind } from './markers.ts';

/** A line of the document with its offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

interface OpenSection {
  section: Section;
  kind: MarkerKind | 'root';
}

/** Longest heading kept on a section; list items are whole paragraphs, their heading is their opening. */
const MAX_HEADING = 160;

/**
 * Builds the section tree from the document's own numbering. The depth of a marker kind is the order in
 * which kinds open inside their parent: a kind already on the stack closes everything below it (a sibling),
 * a new kind opens a child. An appendix always returns to the top level.
 */
export function buildSections(documentId: string, text: string): Section[] {
  const root: Section = {
    id: `${documentId}:s0`,
    marker: null,
    heading: '',
    level: 0,
    path: [],
    parentId: null,
    ordinal: 0,
    start: 0,
    end: text.length,
  };
  const sections: Section[] = [root];
  const stack: OpenSection[] = [{ section: root, kind: 'root' }];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.text.trim();
    const wrapped = wrappedKeyword(trimmed, lines[i + 1]);
    const m = matchMarker(wrapped ?? trimmed);
    if (!m) continue;
    if (wrapped !== null) i++;
    const lineStart = line.start + line.text.indexOf(trimmed);
    if (m.kind === 'appendix') {
      closeTo(stack, 1, lineStart);
    } else {
      const outranked = stack.findIndex((o) => outranks(m.kind, o.kind));
      if (outranked > 0) closeTo(stack, outranked, lineStart);
      const at = stack.findIndex((o) => o.kind === m.kind);
      if (at > 0) closeTo(stack, at, lineStart);
    }
    const parent = stack[stack.length - 1]!.section;
    const label = headingLabel(m.kind, m.marker, m.heading);
    const section: Section = {
      id: `${documentId}:s${sections.length}`,
      marker: m.marker,
      heading: m.heading.slice(0, MAX_HEADING),
      level: parent.level + 1,
      path: [...parent.path, label],
      parentId: parent.id,
      ordinal: sections.length,
      start: lineStart,
      end: text.length,
    };
    sections.push(section);
    stack.push({ section, kind: m.kind });
  }
  return sections;
}

/**
 * Whether a heading of kind `kind` ends an open section of kind `open` instead of opening inside it: a
 * numbered heading ends a bullet list ("- Lưu: VT." of a decision, then its regulation's "Điều 1."), and a
 * chapter ends the article before it (a decision's "Điều 3", then "Chương I" of the regulation it issues).
 */
function outranks(kind: MarkerKind, open: MarkerKind | 'root'): boolean {
  if (BULLET_KINDS.has(open)) return HEADING_KINDS.has(kind);
  return kind === 'chapter' && open === 'article';
}

/** A keyword the hard wrap left alone on its line ("Điều" + "1. Phạm vi …", "Chương" + "I"), rejoined. */
function wrappedKeyword(trimmed: string, next: Line | undefined): string | null {
  if (!next || !/^(?:Điều|ĐIỀU|Chương|CHƯƠNG)$/u.test(trimmed)) return null;
  const following = next.text.trim();
  return /^(?:\d{1,3}|[IVXL]{1,6})\b/u.test(following) ? `${trimmed} ${following}` : null;
}

/** Closes stack entries from index `keep` upwards at offset `at`. */
function closeTo(stack: OpenSection[], keep: number, at: number): void {
  while (stack.length > keep) {
    const open = stack.pop()!;
    open.section.end = at;
  }
}

function headingLabel(kind: MarkerKind, marker: string, heading: string): string {
  const short = heading.length > 60 ? `${heading.slice(0, 57).trimEnd()}…` : heading;
  switch (kind) {
    case 'roman':
    case 'arabic':
    case 'decimal':
      return `${marker}. ${short}`;
    case 'letter':
      return `${marker}) ${short}`;
    case 'dash':
    case 'plus':
      return `${marker} ${short}`;
    default:
      return short ? `${marker} ${short}` : marker;
  }
}
