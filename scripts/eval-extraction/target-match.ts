/**
 * The target matcher (GOLDEN-SPEC "What a target is"): a golden target is found by an extracted one with
 * its value (or range), unit and year/period; it is right with subject and metric when the extracted
 * subject (or its short indicator label) names the same thing and the metric is the same item of the
 * closed list. `sameTarget` is the full criterion the extraction evaluator counts.
 */
import type { Target } from '../../core/types.ts';
import { fold } from '../../core/text/normalize.ts';
import type { GoldenTarget } from './goldens.ts';

export const key = (s: string | null | undefined): string =>
  fold(s ?? '')
    .replace(/[^a-z0-9%&]+/g, ' ')
    .trim();
/** "hằng năm" = "hàng năm", "2026 - 2030" = "2026-2030". */
const period = (p: string | null | undefined): string | null => (p ? key(p).replace(/\s+/g, '-') : null);

function bigrams(s: string): Set<string> {
  const w = key(s).split(' ').filter(Boolean);
  return new Set(w.length <= 1 ? w : w.slice(1).map((x, i) => `${w[i]!} ${x}`));
}

/**
 * Two wordings of a subject name the same thing: Dice ≥ 0.5 over syllable bigrams, or one contains the
 * other (whole words) and is at most twice as long.
 */
export function sameSubject(gold: string, got: string): boolean {
  const a = key(gold);
  const b = key(got);
  if (a === '' || b === '') return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (` ${long} `.includes(` ${short} `) && long.split(' ').length <= 2 * short.split(' ').length)
    return true;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size) >= 0.5;
}

export function sameFigure(g: GoldenTarget, t: Target): boolean {
  return (
    g.value === t.value &&
    g.valueMin === t.valueMin &&
    g.valueMax === t.valueMax &&
    key(g.unit) === key(t.unit) &&
    g.year === t.year &&
    period(g.period) === period(t.period)
  );
}

export function subjectAndMetric(g: GoldenTarget, t: Target): boolean {
  const subject =
    sameSubject(g.subject ?? g.indicator, t.subject) || sameSubject(g.subject ?? '', t.indicator);
  return subject && g.metric === t.metric;
}

/** Found with the right subject and metric. */
export function sameTarget(g: GoldenTarget, t: Target): boolean {
  return sameFigure(g, t) && subjectAndMetric(g, t);
}
