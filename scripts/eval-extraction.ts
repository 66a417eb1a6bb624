/**
 * Precision/recall of task and target extraction, then of metadata and typed legal relations
 * (scripts/eval-extraction/relation-report.ts), dev and held-out side by side (`npm run eval:extraction`).
 * Dev: corpus/golden (seeds) and tests/golden/dev, the documents rules may be tuned on. Held-out:
 * tests/golden/heldout, evaluated only (tests/golden/README.md).
 *
 * Usage: npx tsx scripts/eval-extraction.ts [--dev] [--docs] [--errors]
 *   --dev     dev only (while tuning)
 *   --docs    one line per dev document (tp/extracted/gold per kind)
 *   --errors  missed and spurious tasks of the dev documents (never printed for held-out documents)
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
  prf,
  runGolden,
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
  for (const t of tasks) {
    if (ok.has(t) || t.start < from || t.start >= to) continue;
    console.log(`  FP   ${c.golden.file} [${t.lead.map((a) => a.name).join('; ')}] ${t.title.slice(0, 90)}`);
  }
}

const dev = devGoldens();
const devTotal = score(dev, args.has('--docs'), args.has('--errors'));
const held = args.has('--dev') ? [] : heldoutGoldens();
const heldTotal = args.has('--dev') ? null : score(held, false, false);

console.log(
  `\n${''.padEnd(13)} ${`dev (${dev.length} documents)`.padEnd(40)} ${heldTotal ? `held-out (${held.length} documents)` : ''}`,
);
console.log(
  `${''.padEnd(13)} ${'precision recall   tp/fp/fn'.padEnd(40)} ${heldTotal ? 'precision recall   tp/fp/fn' : ''}`,
);
for (const k of KINDS) {
  const cell = (c: Counts): string => {
    const { precision, recall } = prf(c);
    return `${pct(precision)}    ${pct(recall)}   ${c.tp}/${c.fp}/${c.fn}`.padEnd(40);
  };
  console.log(`${k.padEnd(13)} ${cell(devTotal[k])} ${heldTotal ? cell(heldTotal[k]) : ''}`);
}
console.log(
  '\ntasks: found with the golden row label or title and exactly its lead agencies; lead/coordinating/deadlines over matched tasks.',
);
for (const line of targetReport(dev, held, args.has('--docs'))) console.log(line);
printRelationReport({ devOnly: args.has('--dev') });
