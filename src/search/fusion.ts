/**
 * Pure rank/score fusion of several result lists (e.g. BM25 and vector search). Every input list is
 * `{ id, score }[]` ordered best first; outputs are ordered best first with ties broken by id.
 */

/** A scored id. */
export interface Scored {
  id: string;
  score: number;
}

/** The RRF constant from Cormack, Clarke & Büttcher (2009): damps the weight of the top ranks. */
export const DEFAULT_RRF_K = 60;
/** Weight of a list when `weights` is not given. */
export const DEFAULT_LIST_WEIGHT = 1;
/** Score normalisation used by `weightedScoreFusion` when none is given. */
export const DEFAULT_SCORE_NORMALIZATION: ScoreNormalization = 'minmax';

/** How `weightedScoreFusion` puts each list's scores on a common scale. */
export type ScoreNormalization = 'minmax' | 'zscore';

/** Options of `reciprocalRankFusion`. */
export interface RrfOptions {
  /** Rank constant, > 0 (default `DEFAULT_RRF_K`). */
  k?: number;
  /** One non-negative weight per list (default `DEFAULT_LIST_WEIGHT` each). */
  weights?: readonly number[];
}

/** Options of `weightedScoreFusion`. */
export interface ScoreFusionOptions {
  /** One non-negative weight per list (default `DEFAULT_LIST_WEIGHT` each). */
  weights?: readonly number[];
  /** Default `DEFAULT_SCORE_NORMALIZATION`. */
  normalize?: ScoreNormalization;
}

function resolveWeights(lists: readonly unknown[], weights: readonly number[] | undefined): number[] {
  if (weights === undefined) return lists.map(() => DEFAULT_LIST_WEIGHT);
  if (weights.length !== lists.length) {
    throw new RangeError(`fusion: ${weights.length} weights for ${lists.length} lists`);
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('fusion: weights must be finite and non-negative');
  }
  return [...weights];
}

/**
 * Sum of an id's contributions in ascending order: floating-point addition is not associative, so
 * summing in list order would let the same contributions give scores a last bit apart when the lists
 * come in another order. Summed this way the fused scores, and so the order, ignore list order.
 */
const canonicalSum = (parts: readonly number[]): number =>
  [...parts].sort((a, b) => a - b).reduce((a, b) => a + b, 0);

function sortFused(contributions: Map<string, number[]>): Scored[] {
  return [...contributions]
    .map(([id, parts]) => ({ id, score: canonicalSum(parts) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addTo(contributions: Map<string, number[]>, id: string, part: number): void {
  const parts = contributions.get(id);
  if (parts) parts.push(part);
  else contributions.set(id, [part]);
}

/** First (best) occurrence of each id in a list. */
function dedupe(list: readonly Scored[]): Scored[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && seen.add(r.id) !== undefined);
}

/**
 * Reciprocal rank fusion: `score(id) = Σ_i weights[i] / (k + rank_i(id))`, rank 1-based by position
 * in list i (input scores are ignored); an id missing from a list gets nothing from it. Only the first
 * occurrence of a repeated id in a list counts.
 */
export function reciprocalRankFusion(
  lists: readonly (readonly Scored[])[],
  options: RrfOptions = {},
): Scored[] {
  const k = options.k ?? DEFAULT_RRF_K;
  if (!(k > 0) || !Number.isFinite(k)) throw new RangeError('reciprocalRankFusion: k must be positive');
  const weights = resolveWeights(lists, options.weights);
  const contributions = new Map<string, number[]>();
  lists.forEach((list, i) => {
    const w = weights[i] ?? DEFAULT_LIST_WEIGHT;
    dedupe(list).forEach((r, rank) => addTo(contributions, r.id, w / (k + rank + 1)));
  });
  return sortFused(contributions);
}

/**
 * Normalised scores of one list. minmax: `(s − min)/(max − min)`, all 1 when max = min. zscore:
 * `(s − mean)/std` (population std), all 0 when std = 0.
 */
export function normalizeScores(list: readonly Scored[], method: ScoreNormalization): Map<string, number> {
  const out = new Map<string, number>();
  if (list.length === 0) return out;
  const values = list.map((r) => r.score);
  if (method === 'minmax') {
    const min = values.reduce((a, b) => Math.min(a, b));
    const range = values.reduce((a, b) => Math.max(a, b)) - min;
    for (const r of list) out.set(r.id, range > 0 ? (r.score - min) / range : 1);
    return out;
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  for (const r of list) out.set(r.id, std > 0 ? (r.score - mean) / std : 0);
  return out;
}

/**
 * Weighted sum of per-list normalised scores (`normalizeScores`). An id missing from a list gets that
 * list's lowest normalised score (0 for minmax), so being absent is never better than being last.
 * Only the first occurrence of a repeated id in a list counts.
 */
export function weightedScoreFusion(
  lists: readonly (readonly Scored[])[],
  options: ScoreFusionOptions = {},
): Scored[] {
  const weights = resolveWeights(lists, options.weights);
  const method = options.normalize ?? DEFAULT_SCORE_NORMALIZATION;
  const normalized = lists.map((list) => normalizeScores(dedupe(list), method));
  const floors = normalized.map((n) => [...n.values()].reduce((a, b) => Math.min(a, b), Infinity));
  const ids = new Set<string>();
  for (const n of normalized) for (const id of n.keys()) ids.add(id);
  const contributions = new Map<string, number[]>();
  for (const id of ids) {
    normalized.forEach((n, i) => {
      const value = n.get(id) ?? (n.size > 0 ? (floors[i] ?? 0) : 0);
      addTo(contributions, id, (weights[i] ?? DEFAULT_LIST_WEIGHT) * value);
    });
  }
  return sortFused(contributions);
}
