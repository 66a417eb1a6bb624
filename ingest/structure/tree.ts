import type { Section } from '../../core/types.ts';
import { matchMarker, type MarkerKind } from './markers.ts';

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
  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    const m = matchMarker(trimmed);
    if (!m) continue;
    const lineStart = line.start + line.text.indexOf(trimmed);
    if (m.kind === 'appendix') {
      closeTo(stack, 1, lineStart);
    } else {
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
