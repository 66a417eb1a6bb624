import type { Target, Task } from '../../core/types.ts';
import { agencyKey, expandAbbreviations, resolveAgency } from '../../ingest/extract/agencies/index.ts';
import { normalizeDeadline } from '../../ingest/extract/tasks/deadline.ts';
import type { Golden, GoldenTask } from './goldens.ts';
import { sameTarget } from './target-match.ts';

export {
  CORPUS_DEV,
  devGoldens,
  goldenFiles,
  heldoutGoldens,
  localityOf,
  openedGoldens,
  metaFor,
  runGolden,
  SEED_LOCALITY,
  type Golden,
  type GoldenCase,
  type GoldenTarget,
  type GoldenTask,
} from './goldens.ts';

/**
 * Scoring of task and target extraction against one golden file. A task is found when an extracted task
 * has the golden table row label or title (normalised prefix, see `sameTitle`) and exactly the golden lead agencies (same
 * resolved agency keys); lead, coordinating and deadline are scored over title-matched pairs (a golden
 * task without a title match counts as missed for each of its fields). Extracted tasks outside a golden's
 * `scope` are not counted.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Kind = 'tasks' | 'lead' | 'coordinating' | 'deadlines' | 'targets';
export const KINDS: readonly Kind[] = ['tasks', 'lead', 'coordinating', 'deadlines', 'targets'];

export function emptyCounts(): Record<Kind, Counts> {
  return Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Counts>;
}

const MARKER = /^\s*(?:[-–+•·]|[a-zđ][).]|\(?[ivx]+\)|\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+/u;

/** Matching form of a title: abbreviations expanded, leading marker dropped, folded, no punctuation. */
export function titleKey(s: string): string {
  return agencyKey(expandAbbreviations(s.replace(MARKER, '')));
}

/**
 * Same duty text: the keys agree on their first 40 characters (at least 12), or the first 40 characters
 * of one occur inside the other (an extracted title that kept a leading "Giao Sở X" or opening clause).
 */
export function sameTitle(golden: string, extracted: string): boolean {
  const a = titleKey(golden);
  const b = titleKey(extracted);
  const n = Math.min(a.length, b.length, 40);
  if (n >= 12 && a.slice(0, n) === b.slice(0, n)) return true;
  const inside = (x: string, y: string): boolean => x.length >= 20 && y.includes(x.slice(0, 40));
  return inside(a, b) || inside(b, a);
}

/** Resolved agency keys of a list of names, sorted. */
export function agencyKeys(names: readonly string[], locality: string | null): string[] {
  return [...new Set(names.map((n) => resolveAgency(n, locality).key))].sort();
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.join('|') === b.join('|');

/** Pairs golden tasks with extracted ones: the same table row label first, else the same title (with the same lead first). */
export function matchTasks(
  gold: readonly GoldenTask[],
  got: readonly Task[],
  locality: string | null = null,
): [GoldenTask, Task | null][] {
  const used = new Set<number>();
  return gold.map((g) => {
    const want = agencyKeys(g.lead, locality);
    let pick = -1;
    let best = 0;
    for (let k = 0; k < got.length && best < 3; k++) {
      const t = got[k]!;
      if (used.has(k)) continue;
      const score =
        g.row !== null && g.row === t.row
          ? 3
          : sameTitle(g.title, t.title)
            ? sameList(want, keysOf(t.lead))
              ? 2
              : 1
            : 0;
      if (score > best) [pick, best] = [k, score];
    }
    if (pick < 0) return [g, null];
    used.add(pick);
    return [g, got[pick]!];
  });
}

const keysOf = (list: readonly { key: string }[]): string[] => [...new Set(list.map((a) => a.key))].sort();

/** True when a matched pair also has exactly the golden lead agencies. */
export function sameLead(g: GoldenTask, t: Task, locality: string | null = null): boolean {
  return sameList(agencyKeys(g.lead, locality), keysOf(t.lead));
}

function setCounts(gold: readonly string[], got: readonly string[]): Counts {
  const g = new Set(gold);
  const x = new Set(got);
  let tp = 0;
  for (const k of x) if (g.has(k)) tp++;
  return { tp, fp: x.size - tp, fn: g.size - tp };
}

function add(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

/** Same deadline: the same words, or the same normalised period (year, range, quarter, date). */
export function sameDeadline(g: string, t: string): boolean {
  if (agencyKey(g) === agencyKey(t)) return true;
  const a = normalizeDeadline(g);
  const b = normalizeDeadline(t);
  if (!a || !b || a.kind === 'other' || b.kind === 'other') return false;
  return a.kind === b.kind && a.from === b.from && a.to === b.to && a.quarter === b.quarter;
}

function deadlineCounts(g: string | null, t: string | null): Counts {
  if (g && t) return sameDeadline(g, t) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
  return { tp: 0, fp: t ? 1 : 0, fn: g ? 1 : 0 };
}

/** Counts per kind for one document. */
export function evaluate(
  golden: Golden,
  tasks: readonly Task[],
  targets: readonly Target[],
  locality: string | null = null,
): Record<Kind, Counts> {
  const c = emptyCounts();
  const [from, to] = golden.range ?? [0, Infinity];
  const inScope = tasks.filter((t) => t.start >= from && t.start < to);
  const pairs = matchTasks(golden.tasks, tasks, locality);
  const found = pairs.filter(([g, t]) => t !== null && sameLead(g, t, locality));
  const foundSet = new Set(found.map(([, t]) => t));
  const spurious = inScope.filter((t) => !foundSet.has(t)).length;
  add(c.tasks, { tp: found.length, fp: spurious, fn: golden.tasks.length - found.length });
  for (const [g, t] of pairs) {
    add(c.lead, setCounts(agencyKeys(g.lead, locality), t ? keysOf(t.lead) : []));
    add(c.coordinating, setCounts(agencyKeys(g.coordinating, locality), t ? keysOf(t.coordinating) : []));
    add(c.deadlines, deadlineCounts(g.deadline, t ? t.deadline : null));
  }
  const usedT = new Set<number>();
  let tp = 0;
  for (const g of golden.targets) {
    const i = targets.findIndex((t, k) => !usedT.has(k) && sameTarget(g, t));
    if (i >= 0) {
      usedT.add(i);
      tp++;
    }
  }
  add(c.targets, { tp, fp: targets.length - tp, fn: golden.targets.length - tp });
  return c;
}

/** Sums per-document counts. */
export function addAll(total: Record<Kind, Counts>, c: Record<Kind, Counts>): void {
  for (const k of KINDS) add(total[k], c[k]);
}

export function prf(c: Counts): { precision: number; recall: number } {
  return {
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  };
}
