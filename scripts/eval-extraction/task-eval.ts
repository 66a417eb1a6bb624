import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentMeta, Target, Task } from '../../core/types.ts';
import { agencyKey, expandAbbreviations } from '../../ingest/extract/agencies.ts';
import { loadDoc } from './ref-eval.ts';
import { extractTasks } from '../../ingest/extract/tasks.ts';
import { evaluateTargets, type GoldenTarget, runTargets } from './target-eval.ts';

/**
 * Locality each seed's task golden was annotated for (dev documents name theirs in the text); the task
 * extractor scopes agencies by it.
 */
export const SEED_LOCALITY: Readonly<Record<string, string>> = {
  '000_953892a000611854.txt': 'Hải Phòng',
  '001_599f766e9ac447fa.txt': 'Bình Thuận',
  '002_a6809dc01d79a678.txt': 'Tam Điệp',
  '003_6bb3cc9c64edf399.txt': 'Lào Cai',
  '004_ad92fe254936541e.txt': 'Bình Phước',
};

/** Golden annotations of one document (written by reading the document). */
export interface GoldenTask {
  row: string | null;
  title: string;
  lead: string[];
  coordinating: string[];
  deadline: string | null;
}
export type { GoldenTarget };
export interface Golden {
  file: string;
  tasks: GoldenTask[];
  targets: GoldenTarget[];
  /**
   * Part of the document annotated completely, when not the whole of it: from the first occurrence of
   * `from` to the next occurrence of `to` (or the end). Extracted tasks outside it are not counted.
   */
  scope?: { from: string; to?: string };
  /** Character range of `scope` in the source text (set by goldenFiles). */
  range?: [number, number];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Kind = 'tasks' | 'lead' | 'coordinating' | 'deadlines' | 'targets';

export function metaFor(locality: string | null): DocumentMeta {
  return {
    type: null,
    number: null,
    issuer: null,
    locality,
    province: locality,
    date: null,
    signer: null,
    title: null,
  };
}

/** Golden files (`*.tasks.json`) of a folder with the path of their source document. */
export function goldenFiles(goldenDir: string, corpusDir: string): { golden: Golden; source: string }[] {
  if (!existsSync(goldenDir)) return [];
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.tasks.json'))
    .map((f) => JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden)
    .map((golden) => ({ golden, source: join(corpusDir, golden.file) }))
    .filter((g) => existsSync(g.source))
    .map((g) => ({ ...g, golden: withRange(g.golden, g.source) }));
}

function withRange(golden: Golden, source: string): Golden {
  if (!golden.scope) return golden;
  const text = readFileSync(source, 'utf8').normalize('NFC');
  const from = text.indexOf(golden.scope.from);
  if (from < 0) throw new Error(`${golden.file}: scope start "${golden.scope.from}" not in the text`);
  const to = golden.scope.to ? text.indexOf(golden.scope.to, from + 1) : text.length;
  return { ...golden, range: [from, to < 0 ? text.length : to] };
}

const titleKey = (s: string): string => agencyKey(expandAbbreviations(s)).slice(0, 40);

function sameTask(g: GoldenTask, t: Task): boolean {
  if (g.row !== null) return g.row === t.row;
  const a = titleKey(g.title);
  const b = titleKey(t.title);
  const n = Math.min(a.length, b.length, 40);
  return n >= 12 && a.slice(0, n) === b.slice(0, n);
}

/** Pairs golden tasks with extracted ones (first unused match in order). */
export function matchTasks(gold: readonly GoldenTask[], got: readonly Task[]): [GoldenTask, Task | null][] {
  const used = new Set<number>();
  return gold.map((g) => {
    const i = got.findIndex((t, k) => !used.has(k) && sameTask(g, t));
    if (i < 0) return [g, null];
    used.add(i);
    return [g, got[i]!];
  });
}

function setCounts(gold: readonly string[], got: readonly string[]): Counts {
  const g = new Set(gold.map(agencyKey));
  const x = new Set(got.map(agencyKey));
  let tp = 0;
  for (const k of x) if (g.has(k)) tp++;
  return { tp, fp: x.size - tp, fn: g.size - tp };
}

function add(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

/** Counts per entity kind for one document. */
export function evaluate(
  golden: Golden,
  tasks: readonly Task[],
  targets: readonly Target[],
): Record<Kind, Counts> {
  const c: Record<Kind, Counts> = {
    tasks: { tp: 0, fp: 0, fn: 0 },
    lead: { tp: 0, fp: 0, fn: 0 },
    coordinating: { tp: 0, fp: 0, fn: 0 },
    deadlines: { tp: 0, fp: 0, fn: 0 },
    targets: { tp: 0, fp: 0, fn: 0 },
  };
  const pairs = matchTasks(golden.tasks, tasks);
  const used = new Set(pairs.map(([, t]) => t));
  const matched = pairs.filter(([, t]) => t !== null).length;
  const [from, to] = golden.range ?? [0, Infinity];
  const spurious = tasks.filter((t) => !used.has(t) && t.start >= from && t.start < to).length;
  add(c.tasks, { tp: matched, fp: spurious, fn: golden.tasks.length - matched });
  for (const [g, t] of pairs) {
    add(c.lead, setCounts(g.lead, t ? t.lead.map((a) => a.name) : []));
    add(c.coordinating, setCounts(g.coordinating, t ? t.coordinating.map((a) => a.name) : []));
    add(c.deadlines, setCounts(g.deadline ? [g.deadline] : [], t?.deadline ? [t.deadline] : []));
  }
  add(c.targets, evaluateTargets(golden.targets, targets, golden.range).full);
  return c;
}

/** Runs the extractors on a golden file's source document. */
export function runGolden(source: string, locality: string | null): { tasks: Task[]; targets: Target[] } {
  const doc = loadDoc(source);
  const meta = metaFor(locality);
  return { tasks: extractTasks(doc, meta).tasks, targets: runTargets(source) };
}

export function prf(c: Counts): { precision: number; recall: number } {
  return {
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  };
}
