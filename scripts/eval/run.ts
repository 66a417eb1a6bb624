/**
 * Runs the questions through a SearchService and prints the tables: per mode Hit@1 / Hit@5 / MRR@10,
 * the per-category (and per-tag) breakdown, and the fusion-weight sweep.
 */
import type { SearchMode, SearchService } from '../../src/search/service.ts';
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
): Promise<Scores> {
  const out: Scores = new Map();
  for (const q of questions) {
    const res = await svc.search(queryText(q), K, {}, mode);
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
export function printModeTables(title: string, questions: Question[], runs: [SearchMode, Scores][]): void {
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
  weights: { bm25: number; vector: number; graph: number; rrfK: number };
  mrr10: number;
  hit1: number;
  hit5: number;
  /** MRR@10 per question category, in CATEGORIES order. */
  byCategory: number[];
}

export const SWEEP_GRID = {
  bm25: [1],
  vector: [0.15, 0.3, 0.6, 1.0],
  graph: [0, 0.15, 0.3, 0.6],
  rrfK: [20, 60],
};

/** Every weight combination of the grid, as SEARCH_WEIGHTS strings. */
export function sweepSpecs(): string[] {
  const out: string[] = [];
  for (const b of SWEEP_GRID.bm25)
    for (const v of SWEEP_GRID.vector)
      for (const g of SWEEP_GRID.graph) for (const k of SWEEP_GRID.rrfK) out.push(`${b},${v},${g},${k}`);
  return out;
}

export function sweepPoint(spec: string, questions: Question[], scores: Scores): SweepPoint {
  const [bm25 = 1, vector = 0, graph = 0, rrfK = 60] = spec.split(',').map(Number);
  const s = summarize(pick(questions, scores, () => true));
  const byCategory = CATEGORIES.map((c) => summarize(pick(questions, scores, (q) => q.category === c)).mrr10);
  return { weights: { bm25, vector, graph, rrfK }, mrr10: s.mrr10, hit1: s.hit1, hit5: s.hit5, byCategory };
}

export function printSweep(title: string, points: SweepPoint[]): void {
  console.log(`\n${title}`);
  const cats = CATEGORIES.map((c) => c.slice(0, 6).padEnd(6)).join(' ');
  console.log(`bm25  vector  graph  rrfK   MRR@10  Hit@1  Hit@5   MRR@10 by category: ${cats}`);
  for (const p of points) {
    const w = p.weights;
    console.log(
      `${String(w.bm25).padEnd(5)} ${String(w.vector).padEnd(7)} ${String(w.graph).padEnd(6)} ${String(w.rrfK).padEnd(5)}  ` +
        `${f3(p.mrr10)}   ${f3(p.hit1)}  ${f3(p.hit5)}   ${' '.repeat(20)}${p.byCategory.map((x) => f3(x).padEnd(6)).join(' ')}`,
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
 * The defaults to ship: among points within SWEEP_TOLERANCE of the best MRR@10, the one with the most
 * vector weight (vectors are the only signal for paraphrases and English questions, and a neural
 * embedder makes them stronger than the offline one measured here), then the best MRR@10.
 */
export function choosePoint(points: SweepPoint[]): SweepPoint | undefined {
  const best = bestPoint(points);
  if (!best) return undefined;
  const near = points.filter((p) => p.mrr10 >= best.mrr10 - SWEEP_TOLERANCE);
  return near.reduce((a, p) =>
    p.weights.vector > a.weights.vector || (p.weights.vector === a.weights.vector && p.mrr10 > a.mrr10)
      ? p
      : a,
  );
}
