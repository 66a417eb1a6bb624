/**
 * Metadata and typed legal relations against the `*.refs.json` goldens, dev and held-out side by side:
 * precision/recall per metadata field and per relation type (BASED_ON, IMPLEMENTS, AMENDS, REPLACES,
 * REPEALS, GUIDES, CITES), a relation counting as found only with its number and its type. Printed by
 * `npm run eval:extraction` and `scripts/eval-extraction-refs.ts`; errors are listed for dev documents
 * only, never for held-out ones.
 */
import { RELATION_TYPES } from '../../core/vocab/relations.ts';
import {
  compareSets,
  devRefGoldens,
  emptyCounts,
  heldoutRefGoldens,
  openedRefGoldens,
  META_FIELDS,
  metaValue,
  precision,
  recall,
  relationKeys,
  relationKeysOf,
  runCase,
  type Counts,
  type GoldenCase,
} from './ref-eval.ts';

export interface RelationScores {
  documents: number;
  meta: Map<string, Counts>;
  relations: Map<string, Counts>;
}

/** Scores the goldens; with `errors`, prints each miss and false hit. */
export function scoreRelations(cases: readonly GoldenCase[], errors = false): RelationScores {
  const meta = new Map<string, Counts>(META_FIELDS.map((f) => [f, emptyCounts()]));
  const relations = new Map<string, Counts>([
    ['all relations', emptyCounts()],
    ...RELATION_TYPES.map((t) => [t, emptyCounts()] as [string, Counts]),
  ]);
  for (const c of cases) {
    const got = runCase(c);
    for (const f of META_FIELDS) {
      const want = metaValue(f, c.golden.meta[f] ?? null);
      const have = metaValue(f, got.meta[f]);
      const counts = meta.get(f)!;
      if (want !== null && have === want) counts.tp++;
      else {
        if (have !== null) counts.fp++;
        if (want !== null) counts.fn++;
        if (errors && (have !== null || want !== null))
          console.log(`  META ${c.golden.file} ${f}: expected ${String(want)}, got ${String(have)}`);
      }
    }
    const all = compareSets(
      relationKeys(c.golden.references),
      relationKeys(got.references),
      relations.get('all relations')!,
    );
    for (const t of RELATION_TYPES)
      compareSets(
        relationKeysOf(c.golden.references, t),
        relationKeysOf(got.references, t),
        relations.get(t)!,
      );
    if (errors && all.missing.length + all.extra.length > 0)
      console.log(
        `  REL  ${c.golden.file} missing ${all.missing.join(', ') || '∅'}; spurious ${all.extra.join(', ') || '∅'}`,
      );
  }
  return { documents: cases.length, meta, relations };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(6);
const cell = (c: Counts | undefined): string =>
  c === undefined
    ? ''.padEnd(34)
    : `${pct(precision(c))} ${pct(recall(c))}  ${c.tp}/${c.fp}/${c.fn}`.padEnd(34);
const empty = (c: Counts | undefined): boolean => c === undefined || c.tp + c.fp + c.fn === 0;

function table(
  title: string,
  scores: readonly RelationScores[],
  pick: (s: RelationScores) => Map<string, Counts>,
): void {
  console.log(`\n${title}`);
  for (const k of pick(scores[0]!).keys()) {
    const cells = scores.map((s) => pick(s).get(k));
    if (cells.every(empty)) continue;
    console.log(`${k.padEnd(16)} ${cells.map(cell).join(' ')}`);
  }
}

/**
 * Prints the metadata and relation tables: dev, then (unless `devOnly`) the opened and the sealed held-out
 * halves. Errors are printed for dev with `errors`, for the opened half with `errorsOpened`, never for the
 * sealed half.
 */
export function printRelationReport(
  opts: { devOnly?: boolean; errors?: boolean; errorsOpened?: boolean } = {},
): void {
  const scores: [string, RelationScores][] = [['dev', scoreRelations(devRefGoldens(), opts.errors ?? false)]];
  if (!opts.devOnly)
    scores.push(
      ['opened held-out', scoreRelations(openedRefGoldens(), opts.errorsOpened ?? false)],
      ['sealed held-out', scoreRelations(heldoutRefGoldens())],
    );
  console.log(`\n${''.padEnd(16)} ${scores.map(([l, s]) => `${l} (${s.documents})`.padEnd(34)).join(' ')}`);
  console.log(`${''.padEnd(16)} ${scores.map(() => 'prec.  recall  tp/fp/fn'.padEnd(34)).join(' ')}`);
  const all = scores.map(([, s]) => s);
  table('metadata (refs goldens)', all, (s) => s.meta);
  table('legal relations (number and type)', all, (s) => s.relations);
}
