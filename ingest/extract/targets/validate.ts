import type { Target } from '../../../core/types.ts';
import { subjectKey } from '../../../core/vocab/target-subjects.ts';

/** A target before it is numbered and linked to its passage. */
export type TargetDraft = Omit<Target, 'id' | 'ordinal' | 'passageId'>;

/** A target names what it measures, a value (or range) and a year or period. */
export function isValidTarget(t: TargetDraft): boolean {
  const subject = subjectKey(t.subject);
  const hasSubject = /[a-z]{2,}/.test(subject);
  const hasValue = t.value !== null || (t.valueMin !== null && t.valueMax !== null);
  return hasSubject && hasValue && (t.year !== null || t.period !== null);
}

function bigrams(subject: string): Set<string> {
  const w = subjectKey(subject).split(' ');
  return new Set(w.length === 1 ? w : w.slice(1).map((x, i) => `${w[i]!} ${x}`));
}

/**
 * Same subject: equal keys, most word pairs shared (Dice ≥ 0.6 over syllable bigrams), or the shorter one's
 * pairs nearly all within the longer (an indicator table's "sản phẩm du lịch thông minh" for the body's
 * "sản phẩm du lịch thông minh, trải nghiệm số hóa, gắn với chuỗi liên kết …").
 */
function sameSubject(a: string, b: string): boolean {
  if (subjectKey(a) === subjectKey(b)) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  const small = Math.min(x.size, y.size);
  return (2 * shared) / (x.size + y.size) >= 0.6 || (small >= 2 && shared / small >= 0.8);
}

function sameTarget(a: TargetDraft, b: TargetDraft): boolean {
  return (
    a.metric === b.metric &&
    a.value === b.value &&
    a.valueMin === b.valueMin &&
    a.valueMax === b.valueMax &&
    a.unit === b.unit &&
    a.year === b.year &&
    a.period === b.period &&
    sameSubject(a.subject, b.subject)
  );
}

/**
 * One target per statement: a target restated in an appendix or an indicator table (same metric, value,
 * unit, year and period, same subject) is kept once, at its first statement, completed with the facts
 * only the other one gives (the responsible agency of a table row).
 */
export function dedupeTargets(drafts: readonly TargetDraft[]): TargetDraft[] {
  const kept: TargetDraft[] = [];
  for (const d of [...drafts].sort((a, b) => a.start - b.start)) {
    const first = kept.find((k) => sameTarget(k, d));
    if (!first) kept.push({ ...d });
    else {
      first.responsibleAgency ??= d.responsibleAgency;
      first.national ||= d.national;
    }
  }
  return kept;
}
