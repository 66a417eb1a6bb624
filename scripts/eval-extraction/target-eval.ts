/**
 * Target evaluation against `*.tasks.json` goldens (GOLDEN-SPEC "What a target is"): a golden target is
 * found when an extracted one has its value (or range), unit and year/period; it is right "with subject
 * and metric" when the extracted subject (or its short indicator label) names the same thing and the
 * metric is the same item of the closed list. Used by `scripts/eval-extraction-targets.ts`, by
 * `npm run eval:extraction` and by the unit tests.
 */
import { existsSync } from 'node:fs';
import type { Target } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import type { GoldenCase, GoldenTarget } from './goldens.ts';
import { loadDoc } from './ref-eval.ts';
import { key, sameFigure, sameSubject, subjectAndMetric } from './target-match.ts';

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

/**
 * Counts for one document. A golden's `scope` limits the tasks it annotates; its targets are the whole
 * document's, so `range` is only passed where targets were annotated in a part.
 */
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

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/** Counts over golden cases; per-document lines (dev only) go to `lines`. */
function scoreCases(cases: readonly GoldenCase[], lines: string[] | null): TargetCounts {
  const total = emptyTargetCounts();
  for (const { golden, source } of cases) {
    const c = evaluateTargets(golden.targets, runTargets(source));
    if (lines && (golden.targets.length > 0 || c.found.fp > 0))
      lines.push(
        `${golden.file.padEnd(34)} found ${c.found.tp}/${c.found.tp + c.found.fp}/${c.found.tp + c.found.fn}` +
          `  with subject and metric ${c.full.tp}/${c.full.tp + c.full.fp}/${c.full.tp + c.full.fn}  (tp/extracted/gold)`,
      );
    addTargetCounts(total, c);
  }
  return total;
}

/**
 * The targets section of `npm run eval:extraction`: precision/recall of targets found (value, unit,
 * year/period) and with subject and metric, one column per golden set (dev, opened and sealed held-out),
 * and per-field agreement over found targets. Per-document lines are printed for the first set only.
 */
export function targetReport(
  sets: readonly { label: string; cases: readonly GoldenCase[] }[],
  perDoc = false,
): string[] {
  const lines: string[] = [];
  const scores = sets.map((s, i) => scoreCases(s.cases, perDoc && i === 0 ? lines : null));
  const cell = (c: Counts): string =>
    `${pct(precision(c))} ${pct(recall(c))} ${`${c.tp}/${c.fp}/${c.fn}`.padStart(9)}`.padEnd(34);
  const row = (label: string, pick: (t: TargetCounts) => Counts): string =>
    `${label.padEnd(28)} ${scores.map((t) => cell(pick(t))).join(' ')}`;
  lines.push(
    '',
    `${'targets'.padEnd(28)} ${sets.map((s) => s.label.padEnd(34)).join(' ')}`,
    `${''.padEnd(28)} ${sets.map(() => '  prec.  recall  tp/fp/fn'.padEnd(34)).join(' ')}`,
    row('found (value, unit, year)', (t) => t.found),
    row('with subject and metric', (t) => t.full),
    'agreement over found targets',
  );
  for (const f of TARGET_FIELDS)
    lines.push(
      `  ${f.padEnd(26)} ${scores
        .map((t) => {
          const [a, n] = t.fields[f];
          return `${pct(n ? a / n : 1)} (${a}/${n})`.padEnd(34);
        })
        .join(' ')}`,
    );
  return lines;
}
