/**
 * Target evaluation against `*.tasks.json` goldens (GOLDEN-SPEC "What a target is"): a golden target is
 * found when an extracted one has its value (or range), unit and year/period; it is right "with subject
 * and metric" when the extracted subject (or its short indicator label) names the same thing and the
 * metric is the same item of the closed list. Used by `scripts/eval-extraction-targets.ts`, by
 * `npm run eval:extraction` and by the unit tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Target } from '../../core/types.ts';
import { fold } from '../../core/text/normalize.ts';
import { extractMeta } from '../../ingest/extract/meta.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { loadDoc } from './ref-eval.ts';

export interface GoldenTarget {
  indicator: string;
  subject?: string;
  metric?: string;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  comparator?: string | null;
  unit: string | null;
  year: number | null;
  period?: string | null;
  responsibleAgency?: string | null;
  national?: boolean;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const TARGET_FIELDS = ['subject', 'metric', 'comparator', 'responsibleAgency', 'national'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface TargetCounts {
  /** Value (or range), unit and year/period right. */
  found: Counts;
  /** …and subject and metric right: the figure issue 10 asks for. */
  full: Counts;
  /** Agreement per field over the found pairs: [agreeing, found]. */
  fields: Record<TargetField, [number, number]>;
}

const key = (s: string | null | undefined): string =>
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

function sameFigure(g: GoldenTarget, t: Target): boolean {
  return (
    g.value === t.value &&
    g.valueMin === t.valueMin &&
    g.valueMax === t.valueMax &&
    key(g.unit) === key(t.unit) &&
    g.year === t.year &&
    period(g.period) === period(t.period)
  );
}

function subjectAndMetric(g: GoldenTarget, t: Target): boolean {
  const subject =
    sameSubject(g.subject ?? g.indicator, t.subject) || sameSubject(g.subject ?? '', t.indicator);
  return subject && g.metric === t.metric;
}

/** Pairs golden targets with extracted ones: full agreement first, then the figure alone. */
export function matchTargets(
  gold: readonly GoldenTarget[],
  got: readonly Target[],
): [GoldenTarget, Target | null][] {
  const used = new Set<number>();
  const pairs = new Map<GoldenTarget, Target>();
  for (const strict of [true, false]) {
    for (const g of gold) {
      if (pairs.has(g)) continue;
      const i = got.findIndex(
        (t, k) => !used.has(k) && sameFigure(g, t) && (!strict || subjectAndMetric(g, t)),
      );
      if (i < 0) continue;
      used.add(i);
      pairs.set(g, got[i]!);
    }
  }
  return gold.map((g) => [g, pairs.get(g) ?? null]);
}

function agrees(field: TargetField, g: GoldenTarget, t: Target): boolean {
  switch (field) {
    case 'subject':
      return sameSubject(g.subject ?? g.indicator, t.subject) || sameSubject(g.subject ?? '', t.indicator);
    case 'metric':
      return g.metric === t.metric;
    case 'comparator':
      return (g.comparator ?? '=') === t.comparator;
    case 'responsibleAgency':
      return key(g.responsibleAgency) === key(t.responsibleAgency);
    case 'national':
      return (g.national ?? false) === t.national;
  }
}

/** Counts for one document; extracted targets outside `range` (a golden's annotated part) are not counted. */
export function evaluateTargets(
  gold: readonly GoldenTarget[],
  got: readonly Target[],
  range: [number, number] = [0, Infinity],
): TargetCounts {
  const inScope = got.filter((t) => t.start >= range[0] && t.start < range[1]);
  const pairs = matchTargets(gold, inScope);
  const found = pairs.filter(([, t]) => t !== null) as [GoldenTarget, Target][];
  const full = found.filter(([g, t]) => subjectAndMetric(g, t)).length;
  const fields = Object.fromEntries(
    TARGET_FIELDS.map((f) => [f, [found.filter(([g, t]) => agrees(f, g, t)).length, found.length]]),
  ) as Record<TargetField, [number, number]>;
  return {
    found: { tp: found.length, fp: inScope.length - found.length, fn: gold.length - found.length },
    full: { tp: full, fp: inScope.length - full, fn: gold.length - full },
    fields,
  };
}

/** Adds `b` into `a`. */
export function addTargetCounts(a: TargetCounts, b: TargetCounts): void {
  for (const k of ['found', 'full'] as const) {
    a[k].tp += b[k].tp;
    a[k].fp += b[k].fp;
    a[k].fn += b[k].fn;
  }
  for (const f of TARGET_FIELDS) {
    a.fields[f][0] += b.fields[f][0];
    a.fields[f][1] += b.fields[f][1];
  }
}

export function emptyTargetCounts(): TargetCounts {
  return {
    found: { tp: 0, fp: 0, fn: 0 },
    full: { tp: 0, fp: 0, fn: 0 },
    fields: Object.fromEntries(TARGET_FIELDS.map((f) => [f, [0, 0]])) as Record<
      TargetField,
      [number, number]
    >,
  };
}

/** Runs metadata and target extraction on a source file, as the pipeline does. */
export function runTargets(source: string): Target[] {
  if (!existsSync(source)) throw new Error(`${source}: no such file`);
  const doc = loadDoc(source);
  return extractTargets(doc, extractMeta(doc));
}

/** The golden targets of a `*.tasks.json` file. */
export function goldenTargets(file: string): GoldenTarget[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { targets: GoldenTarget[] }).targets;
}
