/**
 * Questions, relevance and metrics of the retrieval evaluation. A question names its relevant passages
 * by document file and a distinctive substring of the passage text, resolved here against whatever
 * passage ids the current ingest produced.
 */
import { readFileSync } from 'node:fs';
import { nfc, unifyTones } from '../../core/text/normalize.ts';

export const CATEGORIES = ['accented', 'unaccented', 'paraphrase', 'english'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RelevantSpec {
  file: string;
  text: string;
}

export interface Question {
  id: string;
  category: Category;
  tags: string[];
  query: string;
  /**
   * Fixed once: the fusion is chosen on `tune` and reported on `heldout`; `fresh` questions were written
   * later, by reading, after the held-out half had been looked at, and are only ever reported.
   */
  split?: 'tune' | 'heldout' | 'fresh';
  /** Ask the query in Unicode NFD (decomposed) form. */
  nfd?: boolean;
  relevant: RelevantSpec[];
}

export interface PassageLike {
  id: string;
  documentId: string;
  text: string;
}

/** Reads and checks the questions file. */
export function loadQuestions(file: string): Question[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { questions?: Question[] };
  const questions = raw.questions ?? [];
  for (const q of questions) {
    if (!CATEGORIES.includes(q.category)) throw new Error(`${q.id}: unknown category ${String(q.category)}`);
    if (!q.query || q.relevant.length === 0)
      throw new Error(`${q.id}: query and relevant passages are required`);
  }
  return questions;
}

/** The query string as sent to the search (NFD when the question asks for it). */
export function queryText(q: Question): string {
  return q.nfd ? q.query.normalize('NFD') : q.query;
}

/** Comparison form of passage text and relevance substrings. */
export function matchKey(s: string): string {
  return unifyTones(nfc(s)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Relevant passage ids per question. `problems` lists every spec that matches no passage (a document
 * missing from the graph, or a substring the structure stage split across passages).
 */
export function resolveRelevant(
  questions: Question[],
  passages: PassageLike[],
  fileOf: Map<string, string>,
): { relevant: Map<string, Set<string>>; problems: string[] } {
  const byFile = new Map<string, { id: string; key: string }[]>();
  for (const p of passages) {
    const file = fileOf.get(p.documentId);
    if (file === undefined) continue;
    const list = byFile.get(file) ?? [];
    list.push({ id: p.id, key: matchKey(p.text) });
    byFile.set(file, list);
  }
  const relevant = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const q of questions) {
    const ids = new Set<string>();
    for (const spec of q.relevant) {
      const needle = matchKey(spec.text);
      const hits = (byFile.get(spec.file) ?? []).filter((p) => p.key.includes(needle));
      if (hits.length === 0) problems.push(`${q.id}: no passage of ${spec.file} contains "${spec.text}"`);
      for (const h of hits) ids.add(h.id);
    }
    relevant.set(q.id, ids);
  }
  return { relevant, problems };
}

/** Metrics of one ranking: hit at 1, hit at 5, reciprocal rank of the first relevant id in the top 10. */
export interface QuestionScore {
  hit1: number;
  hit5: number;
  rr10: number;
}

export function scoreRanking(ranked: string[], relevant: Set<string>): QuestionScore {
  const rank = ranked.slice(0, 10).findIndex((id) => relevant.has(id));
  return {
    hit1: rank === 0 ? 1 : 0,
    hit5: rank >= 0 && rank < 5 ? 1 : 0,
    rr10: rank >= 0 ? 1 / (rank + 1) : 0,
  };
}

export interface Summary {
  n: number;
  hit1: number;
  hit5: number;
  mrr10: number;
}

export function summarize(scores: QuestionScore[]): Summary {
  const n = scores.length;
  const mean = (f: (s: QuestionScore) => number) => (n === 0 ? 0 : scores.reduce((a, s) => a + f(s), 0) / n);
  return { n, hit1: mean((s) => s.hit1), hit5: mean((s) => s.hit5), mrr10: mean((s) => s.rr10) };
}

/** Groups of a run: everything, each category, and each tag (old-tones, nfd, doc-number). */
export function groups(questions: Question[]): [string, (q: Question) => boolean][] {
  const tags = [...new Set(questions.flatMap((q) => q.tags))].sort();
  return [
    ['all', () => true],
    ...CATEGORIES.map((c): [string, (q: Question) => boolean] => [c, (q) => q.category === c]),
    ...tags.map((t): [string, (q: Question) => boolean] => [`tag:${t}`, (q) => q.tags.includes(t)]),
  ];
}
