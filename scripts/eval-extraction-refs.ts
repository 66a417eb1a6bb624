/**
 * Precision/recall of metadata and legal-reference extraction over all golden files
 * (`corpus/golden/*.refs.json`, `tests/golden/dev/*.refs.json`).
 * Usage: npx tsx scripts/eval-extraction-refs.ts [--verbose]
 */
import {
  compareSets,
  emptyCounts,
  implementsKeys,
  loadGoldens,
  META_FIELDS,
  metaValue,
  precision,
  recall,
  refKeys,
  runCase,
  typedKeys,
  type Counts,
} from './eval-extraction/ref-eval.ts';

const verbose = process.argv.includes('--verbose');
const cases = [
  ...loadGoldens('corpus/golden', 'corpus'),
  ...loadGoldens('tests/golden/dev', '/work/shared/corpus-dev'),
];

const meta = new Map<string, Counts>(META_FIELDS.map((f) => [f, emptyCounts()]));
const refs = emptyCounts();
const types = emptyCounts();
const impl = emptyCounts();

for (const c of cases) {
  const got = runCase(c);
  for (const f of META_FIELDS) {
    const want = metaValue(f, c.golden.meta[f]);
    const have = metaValue(f, got.meta[f]);
    const counts = meta.get(f) ?? emptyCounts();
    if (want !== null && have === want) counts.tp++;
    else {
      if (have !== null) counts.fp++;
      if (want !== null) counts.fn++;
      if (verbose && (have !== null || want !== null))
        console.log(`${c.golden.file} meta.${f}: expected ${String(want)}, got ${String(have)}`);
    }
  }
  const r = compareSets(refKeys(c.golden.references), refKeys(got.references), refs);
  const i = compareSets(implementsKeys(c.golden.references), implementsKeys(got.references), impl);
  compareSets(typedKeys(c.golden.references), typedKeys(got.references), types);
  if (verbose && r.missing.length + r.extra.length + i.missing.length + i.extra.length > 0) {
    console.log(
      `${c.golden.file} refs missing ${r.missing.join(', ')} extra ${r.extra.join(', ')}; implements missing ${i.missing.join(', ')} extra ${i.extra.join(', ')}`,
    );
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const row = (name: string, c: Counts): string =>
  `${name.padEnd(22)} P ${pct(precision(c)).padStart(6)}  R ${pct(recall(c)).padStart(6)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

console.log(`golden files: ${cases.length}`);
for (const [f, c] of meta) console.log(row(`meta.${f}`, c));
console.log(row('references', refs));
console.log(row('references (typed)', types));
console.log(row('implements', impl));
