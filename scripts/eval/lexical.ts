/**
 * "Lexical variants" table of `npm run eval`: the same questions through Lucene in Neo4j with and without
 * the coordination factor, and through the former in-process BM25 (scripts/reference/bm25.ts, BM25+ δ 0.5
 * + coordination) over the same passages and terms, so the engine's choices are measured, not assumed.
 */
import { PassageStore } from '../../graph/passage-store.ts';
import type { GraphConnection } from '../../graph/connection.ts';
import type { PassageRow } from '../../graph/reader.ts';
import { indexTerms, queryTerms } from '../../core/text/normalize.ts';
import { lexicalSearch } from '../../src/search/lexical.ts';
import { englishExpansion } from '../../src/search/glossary.ts';
import { BM25_PARAMS, Bm25Index } from '../reference/bm25.ts';
import { CATEGORIES, queryText, scoreRanking, summarize, type Question } from './judge.ts';

type Ranker = (q: string) => Promise<string[]>;

const f3 = (x: number): string => x.toFixed(3);

function expand(q: string): string {
  const extra = englishExpansion(q);
  return extra.length > 0 ? `${q} ${extra.join(' ')}` : q;
}

/** Rankers compared in the table, by name. */
export function lexicalRankers(conn: GraphConnection, passages: PassageRow[]): [string, Ranker][] {
  const store = new PassageStore(conn);
  const lucene =
    (coordination: boolean, candidates: number): Ranker =>
    async (q) =>
      (await lexicalSearch(store, queryTerms(expand(q)), { k: 10, coordination, candidates })).map(
        (h) => h.id,
      );
  const reference = new Bm25Index(BM25_PARAMS);
  for (const p of passages) reference.add(p.id, indexTerms(`${p.section}\n${p.text}`));
  const plainReference = new Bm25Index();
  for (const p of passages) plainReference.add(p.id, indexTerms(`${p.section}\n${p.text}`));
  return [
    ['lucene bm25', lucene(false, 10)],
    ['lucene bm25 + coordination (top 10)', lucene(true, 10)],
    ['lucene bm25 + coordination (top 20)', lucene(true, 20)],
    ['lucene bm25 + coordination (top 30)', lucene(true, 30)],
    ['lucene bm25 + coordination (top 50)', lucene(true, 50)],
    ['lucene bm25 + coordination (top 100)', lucene(true, 100)],
    ['lucene bm25 + coordination (top 300)', lucene(true, 300)],
    [
      'in-process okapi (reference)',
      (q) => Promise.resolve(plainReference.search(queryTerms(expand(q)), { k: 10 }).map((h) => h.id)),
    ],
    [
      'in-process bm25+ δ.5 + coordination (old)',
      (q) =>
        Promise.resolve(
          reference.search(queryTerms(expand(q)), { k: 10, coordination: true }).map((h) => h.id),
        ),
    ],
  ];
}

/** Prints MRR@10 (Hit@1) per ranker, overall and per category, over `questions`. */
export async function printLexicalVariants(
  title: string,
  rankers: [string, Ranker][],
  questions: Question[],
  relevant: Map<string, Set<string>>,
): Promise<void> {
  console.log(`\n${title}`);
  const width = Math.max(...rankers.map(([n]) => n.length)) + 1;
  console.log(`${'ranker'.padEnd(width)}  all            ${CATEGORIES.map((c) => c.padEnd(14)).join(' ')}`);
  for (const [name, rank] of rankers) {
    const scores = new Map<string, ReturnType<typeof scoreRanking>>();
    for (const q of questions) scores.set(q.id, scoreRanking(await rank(queryText(q)), relevant.get(q.id)!));
    const cell = (keep: (q: Question) => boolean) => {
      const s = summarize(questions.filter(keep).map((q) => scores.get(q.id)!));
      return `${f3(s.mrr10)} (${f3(s.hit1)})`.padEnd(14);
    };
    console.log(
      `${name.padEnd(width)}  ${cell(() => true)} ${CATEGORIES.map((c) => cell((q) => q.category === c)).join(' ')}`,
    );
  }
  console.log('cells: MRR@10 (Hit@1)');
}
