import type { Passage, Section } from '../../../core/types.ts';

/** Innermost section containing `offset`. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections)
    if (s.start <= offset && offset < s.end && (!best || s.level > best.level)) best = s;
  return best;
}

/** Heading of the innermost numbered section that contains `offset` and does not start there. */
export function groupOf(sections: readonly Section[], offset: number): string | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.level === 0 || s.marker === '-' || s.marker === '+') continue;
    if (s.start < offset && offset < s.end && (!best || s.level > best.level)) best = s;
  }
  return best ? (best.path[best.path.length - 1] ?? null) : null;
}

/** Id of the passage containing `offset` (the last passage starting before it when none contains it). */
export function passageAt(passages: readonly Passage[], offset: number): string | null {
  let best: Passage | null = null;
  for (const p of passages) {
    if (p.start <= offset && offset < p.end) return p.id;
    if (p.start <= offset && (!best || p.start > best.start)) best = p;
  }
  return best?.id ?? null;
}
