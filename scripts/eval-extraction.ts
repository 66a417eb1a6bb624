/**
 * Precision/recall of task and target extraction, then of metadata and typed legal relations
 * (scripts/eval-extraction/relation-report.ts), in three columns: dev (corpus/golden and tests/golden/dev,
 * the documents rules may be tuned on), the opened held-out half (tests/golden/opened, errors may be read)
 * and the sealed held-out half (tests/golden/heldout, evaluated only; tests/golden/README.md).
 *
 * Usage: npx tsx scripts/eval-extraction.ts [--dev] [--docs] [--errors] [--errors-opened]
 *   --dev            dev only (while tuning)
 *   --docs           one line per dev and opened document (tp/extracted/gold per kind)
 *   --errors         missed and spurious tasks of the dev documents
 *   --errors-opened  the same for the opened held-out half (never printed for the sealed half)
 */
import {
  addAll,
  devGoldens,
  emptyCounts,
  evaluate,
  heldoutGoldens,
  KINDS,
  localityOf,
  matchTasks,
  openedGoldens,
  prf,
  runGolden,
  sameDeadline,
  sameLead,
  type Counts,
  type GoldenCase,
  type Kind,
} from './eval-extraction/task-eval.ts';
import { targetReport } from './eval-extraction/target-eval.ts';
import { printRelationReport } from './eval-extraction/relation-report.ts';

const args = new Set(process.argv.slice(2));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(6);

function score(cases: readonly GoldenCase[], perDoc: boolean, errors: boolean): Record<Kind, Counts> {
  const total = emptyCounts();
  for (const c of cases) {
    const { tasks, targets, locality } = runGolden(c.source, localityOf(c));
    const counts = evaluate(c.golden, tasks, targets, locality);
    addAll(total, counts);
    if (perDoc) {
      const line = KINDS.map(
        (k) => `${k} ${counts[k].tp}/${counts[k].tp + counts[k].fp}/${counts[k].tp + counts[k].fn}`,
      );
      console.log(`${c.golden.file.padEnd(34)} ${line.join('  ')}`);
    }
    if (errors) printErrors(c, tasks, locality);
  }
  return total;
}

function printErrors(
  c: GoldenCase,
  tasks: ReturnType<typeof runGolden>['tasks'],
  locality: string | null,
): void {
  const pairs = matchTasks(c.golden.tasks, tasks, locality);
  const ok = new Set(pairs.filter(([g, t]) => t && sameLead(g, t, locality)).map(([, t]) => t));
  const [from, to] = c.golden.range ?? [0, Infinity];
  for (const [g, t] of pairs) {
    if (t && ok.has(t)) continue;
    const got = t ? ` — got lead ${t.lead.map((a) => a.name).join('; ') || '∅'}` : '';
    console.log(`  MISS ${c.golden.file} [${g.lead.join('; ')}] ${g.title.slice(0, 90)}${got}`);
  }
  for (const [g, t] of pairs) {
    if (!t || !ok.has(t) || (g.deadline ?? null) === (t.deadline ?? null)) continue;
    if (g.deadline && t.deadline && sameDeadline(g.deadline, t.deadline)) continue;
    console.log(
      `  DEADLINE ${c.golden.file} ${g.title.slice(0, 70)} — golden ${g.deadline ?? '∅'}, got ${t.deadline ?? '∅'}`,
    );
  }
  for (const t of tasks) {
    if (ok.has(t) || t.start < from || t.start >= to) continue;
    console.log(`  FP   ${c.golden.file} [${t.lead.map((a) => a.name).join('; ')}] ${t.title.slice(0, 90)}`);
  }
}

/** One column of the report: a golden set with a label. */
interface Part {
  label: string;
  cases: GoldenCase[];
  total: Record<Kind, Counts>;
}

function part(label: string, cases: GoldenCase[], perDoc: boolean, errors: boolean): Part {
  return { label: `${label} (${cases.length})`, cases, total: score(cases, perDoc, errors) };
}

const devOnly = args.has('--dev');
const parts: Part[] = [part('dev', devGoldens(), args.has('--docs'), args.has('--errors'))];
if (!devOnly)
  parts.push(
    part('opened held-out', openedGoldens(), args.has('--docs'), args.has('--errors-opened')),
    part('sealed held-out', heldoutGoldens(), false, false),
  );

const W = 34;
console.log(`\n${''.padEnd(13)} ${parts.map((p) => p.label.padEnd(W)).join(' ')}`);
console.log(`${''.padEnd(13)} ${parts.map(() => 'prec.  recall  tp/fp/fn'.padEnd(W)).join(' ')}`);
for (const k of KINDS) {
  const cell = (c: Counts): string => {
    const { precision, recall } = prf(c);
    return `${pct(precision)} ${pct(recall)}  ${c.tp}/${c.fp}/${c.fn}`.padEnd(W);
  };
  console.log(`${k.padEnd(13)} ${parts.map((p) => cell(p.total[k])).join(' ')}`);
}
console.log(
  '\ntasks: found with the golden row label or title and exactly its lead agencies; lead/coordinating/deadlines over matched tasks.',
);
for (const line of targetReport(
  parts.map((p) => ({ label: p.label, cases: p.cases })),
  args.has('--docs'),
))
  console.log(line);
printRelationReport({ devOnly, errorsOpened: args.has('--errors-opened') });
