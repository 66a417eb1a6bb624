/**
 * Target extraction quality, dev and held-out side by side: precision/recall of targets found (value,
 * unit, year/period) and of targets with subject and metric, and per-field agreement over found targets.
 * Dev = the seeds' corpus/golden plus tests/golden/dev; held-out = tests/golden/heldout (evaluated only,
 * never tuned on: per-file lines are printed for dev only). Usage: npx tsx scripts/eval-extraction-targets.ts [--files]
 */
import path from 'node:path';
import { goldenFiles } from './eval-extraction/task-eval.ts';
import {
  addTargetCounts,
  emptyTargetCounts,
  evaluateTargets,
  runTargets,
  TARGET_FIELDS,
  type Counts,
  type TargetCounts,
} from './eval-extraction/target-eval.ts';

const CORPUS_DEV = path.resolve('..', 'shared', 'corpus-dev');
const SETS = {
  dev: [...goldenFiles('corpus/golden', 'corpus'), ...goldenFiles('tests/golden/dev', CORPUS_DEV)],
  heldout: goldenFiles('tests/golden/heldout', CORPUS_DEV),
};
const perFile = process.argv.includes('--files');

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
const p = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const r = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

function run(name: keyof typeof SETS): TargetCounts {
  const total = emptyTargetCounts();
  for (const { golden, source } of SETS[name]) {
    const c = evaluateTargets(golden.targets, runTargets(source), golden.range);
    if (perFile && name === 'dev' && (golden.targets.length > 0 || c.full.fp > 0))
      console.log(
        `${golden.file.padEnd(34)} found ${c.found.tp}/${c.found.tp + c.found.fp}/${c.found.tp + c.found.fn}` +
          `  with subject+metric ${c.full.tp}/${c.full.tp + c.full.fp}/${c.full.tp + c.full.fn}   (tp/extracted/gold)`,
      );
    addTargetCounts(total, c);
  }
  return total;
}

const dev = run('dev');
const held = run('heldout');
const line = (label: string, a: Counts, b: Counts): string =>
  `${label.padEnd(30)} ${pct(p(a))} ${pct(r(a))}   ${pct(p(b))} ${pct(r(b))}   (dev tp ${a.tp} fp ${a.fp} fn ${a.fn}; held-out tp ${b.tp} fp ${b.fp} fn ${b.fn})`;
console.log(`\nTargets — dev ${SETS.dev.length} golden files, held-out ${SETS.heldout.length}`);
console.log(
  `${''.padEnd(30)} ${'dev P'.padStart(7)} ${'dev R'.padStart(7)}   ${'held P'.padStart(7)} ${'held R'.padStart(7)}`,
);
console.log(line('found (value, unit, year)', dev.found, held.found));
console.log(line('with subject and metric', dev.full, held.full));
console.log('\nagreement over found targets     dev          held-out');
for (const f of TARGET_FIELDS) {
  const [a, n] = dev.fields[f];
  const [b, m] = held.fields[f];
  console.log(`  ${f.padEnd(28)} ${pct(n ? a / n : 1)} (${a}/${n})   ${pct(m ? b / m : 1)} (${b}/${m})`);
}
