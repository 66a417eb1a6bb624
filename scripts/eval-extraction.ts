/**
 * Precision/recall of task and target extraction over every `*.tasks.json` golden file
 * (corpus/golden for the seeds, tests/golden/dev for corpus-dev): tasks matched by row label or title
 * prefix, lead and coordinating agencies and deadlines of matched tasks, targets by value/unit/year and
 * indicator key words. Usage: npx tsx scripts/eval-extraction.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type Counts,
  evaluate,
  goldenFiles,
  type Kind,
  prf,
  runGolden,
  SEED_LOCALITY,
} from './eval-extraction/task-eval.ts';

const sets = [
  ...goldenFiles('corpus/golden', 'corpus'),
  ...goldenFiles('tests/golden/dev', path.resolve('..', 'shared', 'corpus-dev')),
];
const total: Record<Kind, Counts> = {
  tasks: { tp: 0, fp: 0, fn: 0 },
  lead: { tp: 0, fp: 0, fn: 0 },
  coordinating: { tp: 0, fp: 0, fn: 0 },
  deadlines: { tp: 0, fp: 0, fn: 0 },
  targets: { tp: 0, fp: 0, fn: 0 },
};
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
for (const { golden, source } of sets) {
  const { tasks, targets } = runGolden(source, SEED_LOCALITY[golden.file] ?? null);
  const c = evaluate(golden, tasks, targets);
  const line = (Object.keys(c) as Kind[]).map(
    (k) => `${k} ${c[k].tp}/${c[k].tp + c[k].fp}/${c[k].tp + c[k].fn}`,
  );
  console.log(`${golden.file.padEnd(34)} ${line.join('  ')}   (tp/extracted/gold)`);
  for (const k of Object.keys(c) as Kind[]) {
    total[k].tp += c[k].tp;
    total[k].fp += c[k].fp;
    total[k].fn += c[k].fn;
  }
}
console.log(`\n${sets.length} golden files`);
for (const k of Object.keys(total) as Kind[]) {
  const { precision, recall } = prf(total[k]);
  console.log(
    `${k.padEnd(13)} precision ${pct(precision).padStart(6)}  recall ${pct(recall).padStart(6)}  (tp ${total[k].tp}, fp ${total[k].fp}, fn ${total[k].fn})`,
  );
}
console.log(
  '\nTargets with subject and metric, dev and held-out side by side: `npx tsx scripts/eval-extraction-targets.ts`.',
);
if (existsSync('scripts/eval-extraction-refs.ts'))
  console.log('\nMetadata and references: `npx tsx scripts/eval-extraction-refs.ts`.');
