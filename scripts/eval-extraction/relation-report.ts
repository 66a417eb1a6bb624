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
  c === undefined ? '' : `${pct(precision(c))}    ${pct(recall(c))}   ${c.tp}/${c.fp}/${c.fn}`.padEnd(40);

function table(title: string, dev: Map<string, Counts>, held: Map<string, Counts> | null): void {
  console.log(`\n${title}`);
  for (const [k, c] of dev) {
    const h = held?.get(k);
    if (c.tp + c.fp + c.fn === 0 && (h === undefined || h.tp + h.fp + h.fn === 0)) continue;
    console.log(`${k.padEnd(16)} ${cell(c)} ${cell(h)}`);
  }
}

/** Prints the metadata and relation tables (held-out unless `devOnly`). */
export function printRelationReport(opts: { devOnly?: boolean; errors?: boolean } = {}): void {
  const dev = scoreRelations(devRefGoldens(), opts.errors ?? false);
  const held = opts.devOnly ? null : scoreRelations(heldoutRefGoldens());
  console.log(
    `\n${''.padEnd(16)} ${`dev (${dev.documents} documents)`.padEnd(40)} ${held ? `held-out (${held.documents} documents)` : ''}`,
  );
  console.log(
    `${''.padEnd(16)} ${'precision recall   tp/fp/fn'.padEnd(40)} ${held ? 'precision recall   tp/fp/fn' : ''}`,
  );
  table('metadata (refs goldens)', dev.meta, held?.meta ?? null);
  table('legal relations (number and type)', dev.relations, held?.relations ?? null);
}
