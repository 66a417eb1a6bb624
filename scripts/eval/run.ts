/**
 * Runs the questions through a SearchService and prints the tables: per mode Hit@1 / Hit@5 / MRR@10,
 * the per-category (and per-tag) breakdown, and the fusion-weight sweep.
 */
import type { FusionWeights, SearchMode, SearchService } from '../../src/search/service.ts';
import {
  CATEGORIES,
  groups,
  queryText,
  scoreRanking,
  summarize,
  type Question,
  type QuestionScore,
} from './judge.ts';

export const MODES: SearchMode[] = ['bm25', 'vector', 'hybrid'];
const K = 10;

export type Scores = Map<string, QuestionScore>;

export async function runQuestions(
  svc: SearchService,
  questions: Question[],
  relevant: Map<string, Set<string>>,
  mode: SearchMode,
  fusion?: FusionWeights,
  /** false: English queries without the glossary's Vietnamese words. */
  glossary = true,
): Promise<Scores> {
  const out: Scores = new Map();
  for (const q of questions) {
    const res = await svc.search(queryText(q), K, {}, mode, undefined, {
      ...(fusion ? { fusion } : {}),
      glossary,
    });
    out.set(
      q.id,
      scoreRanking(
        res.results.map((r) => r.id),
        relevant.get(q.id) ?? new Set(),
      ),
    );
  }
  return out;
}

const f3 = (x: number): string => x.toFixed(3);

function pick(questions: Question[], scores: Scores, keep: (q: Question) => boolean): QuestionScore[] {
  return questions.filter(keep).map((q) => scores.get(q.id) ?? { hit1: 0, hit5: 0, rr10: 0 });
}

/** Main table (all questions) and the MRR@10 breakdown by category and tag, one row per mode. */
export function printModeTables(title: string, questions: Question[], runs: [string, Scores][]): void {
  console.log(`\n${title}`);
  console.log(`${'mode'.padEnd(8)} ${'n'.padStart(3)}  Hit@1  Hit@5  MRR@10`);
  for (const [mode, scores] of runs) {
    const s = summarize(pick(questions, scores, () => true));
    console.log(`${mode.padEnd(8)} ${String(s.n).padStart(3)}  ${f3(s.hit1)}  ${f3(s.hit5)}  ${f3(s.mrr10)}`);
  }
  const gs = groups(questions).slice(1);
  const width = Math.max(...gs.map(([g]) => g.length)) + 1;
  console.log(`\nMRR@10 (Hit@5) by group${' '.repeat(2)}[n per group below]`);
  console.log(`${'group'.padEnd(width)} ${'n'.padStart(3)}  ${runs.map(([m]) => m.padEnd(13)).join(' ')}`);
  for (const [name, keep] of gs) {
    const n = questions.filter(keep).length;
    const cells = runs.map(([, scores]) => {
      const s = summarize(pick(questions, scores, keep));
      return `${f3(s.mrr10)} (${f3(s.hit5)})`.padEnd(13);
    });
    console.log(`${name.padEnd(width)} ${String(n).padStart(3)}  ${cells.join(' ')}`);
  }
}

/** Questions whose relevant passage is not in the top 10 of `scores`. */
export function printMisses(label: string, questions: Question[], scores: Scores): void {
  const missed = questions.filter((q) => (scores.get(q.id)?.rr10 ?? 0) === 0);
  console.log(`\n${label}: ${missed.length} questions without a relevant passage in the top 10`);
  for (const q of missed) console.log(`  ${q.id} [${q.category}] ${q.query}`);
}

export interface SweepPoint {
  weights: FusionWeights;
  mrr10: number;
  hit1: number;
  hit5: number;
  /** MRR@10 per question category, in CATEGORIES order. */
  byCategory: number[];
}

/** The fusion grid: RRF (rank constant 20 or 60) and the convex combination, lexical weight 1. */
export function sweepGrid(): FusionWeights[] {
  const out: FusionWeights[] = [];
  for (const vector of [0.15, 0.3, 0.6, 1.0])
    for (const rrfK of [20, 60]) out.push({ method: 'rrf', bm25: 1, vector, graph: 0, rrfK });
  for (const vector of [0.2, 0.4, 0.6, 0.8, 1.0, 1.5])
    out.push({ method: 'convex', bm25: 1, vector, graph: 0, rrfK: 60 });
  // English queries (looksEnglish) with a larger vector weight than the rest
  for (const vector of [0.2, 0.6, 0.8, 1.0]) {
    for (const english of [1.5, 3])
      out.push({ method: 'convex', bm25: 1, vector, graph: 0, rrfK: 60, english });
    // … or a smaller lexical weight for them (their terms rarely occur in Vietnamese passages)
    for (const englishBm25 of [0, 0.1, 0.3])
      out.push({ method: 'convex', bm25: 1, vector, graph: 0, rrfK: 60, english: 1, englishBm25 });
  }
  return out;
}

export function sweepPoint(weights: FusionWeights, questions: Question[], scores: Scores): SweepPoint {
  const s = summarize(pick(questions, scores, () => true));
  const byCategory = CATEGORIES.map((c) => summarize(pick(questions, scores, (q) => q.category === c)).mrr10);
  return { weights, mrr10: s.mrr10, hit1: s.hit1, hit5: s.hit5, byCategory };
}

export const describeWeights = (w: FusionWeights): string =>
  w.method === 'rrf'
    ? `rrf ${w.bm25},${w.vector},${w.graph},k${w.rrfK}`
    : `convex ${w.bm25},${w.vector},${w.graph}${w.english !== undefined ? ` en${w.englishBm25 ?? w.bm25},${w.english}` : ''}`;

export function printSweep(title: string, points: SweepPoint[]): void {
  console.log(`\n${title}`);
  const cats = CATEGORIES.map((c) => c.slice(0, 6).padEnd(6)).join(' ');
  console.log(`${'fusion'.padEnd(22)} MRR@10  Hit@1  Hit@5   MRR@10 by category: ${cats}`);
  for (const p of points) {
    console.log(
      `${describeWeights(p.weights).padEnd(22)} ${f3(p.mrr10)}   ${f3(p.hit1)}  ${f3(p.hit5)}   ${' '.repeat(20)}${p.byCategory.map((x) => f3(x).padEnd(6)).join(' ')}`,
    );
  }
}

/** Best point by MRR@10, then Hit@1, then Hit@5; earlier points win ties. */
export function bestPoint(points: SweepPoint[]): SweepPoint | undefined {
  let best: SweepPoint | undefined;
  for (const p of points) {
    if (
      !best ||
      p.mrr10 > best.mrr10 + 1e-9 ||
      (Math.abs(p.mrr10 - best.mrr10) <= 1e-9 &&
        (p.hit1 > best.hit1 + 1e-9 || (Math.abs(p.hit1 - best.hit1) <= 1e-9 && p.hit5 > best.hit5 + 1e-9)))
    )
      best = p;
  }
  return best;
}

/** MRR@10 differences below this are noise here: one question moving one rank changes MRR by ~0.008. */
export const SWEEP_TOLERANCE = 0.01;

/**
 * The fusion to ship, chosen on the tune half: among points that do no worse than lexical alone in any
 * category (within SWEEP_TOLERANCE), the best by MRR@10; if none qualifies, the best overall.
 */
export function choosePoint(points: SweepPoint[], lexicalByCategory: number[]): SweepPoint | undefined {
  const safe = points.filter((p) =>
    p.byCategory.every((m, i) => m >= (lexicalByCategory[i] ?? 0) - SWEEP_TOLERANCE),
  );
  return bestPoint(safe.length > 0 ? safe : points);
}
