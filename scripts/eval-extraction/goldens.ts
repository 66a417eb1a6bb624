import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path, { join } from 'node:path';
import { emptyMeta, type DocumentMeta, type Target, type Task } from '../../core/types.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { loadDoc } from './ref-eval.ts';

/**
 * Task/target golden files (`*.tasks.json`, tests/golden/GOLDEN-SPEC.md) and the extractor run on their
 * source documents. Dev goldens: corpus/golden (seeds) and tests/golden/dev; opened held-out: tests/golden/opened; sealed held-out: tests/golden/heldout.
 */

/** Folder of the shared corpus the dev and held-out goldens were annotated on. */
export const CORPUS_DEV = path.resolve('..', 'shared', 'corpus-dev');

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
export interface GoldenTarget {
  indicator: string;
  subject?: string;
  metric?: string;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  comparator?: string | null;
  unit: string | null;
  year: number | null;
  period?: string | null;
  responsibleAgency?: string | null;
  national?: boolean;
}
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

export interface GoldenCase {
  golden: Golden;
  source: string;
}

export function metaFor(locality: string | null): DocumentMeta {
  return { ...emptyMeta(), locality, province: locality };
}

/** Golden files (`*.tasks.json`) of a folder with the path of their source document. */
export function goldenFiles(goldenDir: string, corpusDir: string): GoldenCase[] {
  if (!existsSync(goldenDir)) return [];
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.tasks.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden)
    .map((golden) => ({ golden, source: join(corpusDir, golden.file) }))
    .filter((g) => existsSync(g.source))
    .map((g) => ({ ...g, golden: withRange(g.golden, g.source) }));
}

/** The documents rules may be tuned on: the seeds and tests/golden/dev. */
export function devGoldens(): GoldenCase[] {
  return [...goldenFiles('corpus/golden', 'corpus'), ...goldenFiles('tests/golden/dev', CORPUS_DEV)];
}

/** The sealed held-out documents: evaluated only, their errors never read (tests/golden/README.md). */
export function heldoutGoldens(): GoldenCase[] {
  return goldenFiles('tests/golden/heldout', CORPUS_DEV);
}

/**
 * The opened half of the held-out split: evaluated apart from dev, but their errors may be read to find
 * failure classes (tests/golden/README.md says when and why they were opened).
 */
export function openedGoldens(): GoldenCase[] {
  return goldenFiles('tests/golden/opened', CORPUS_DEV);
}

function withRange(golden: Golden, source: string): Golden {
  if (!golden.scope) return golden;
  const text = readFileSync(source, 'utf8').normalize('NFC');
  const from = text.indexOf(golden.scope.from);
  if (from < 0) throw new Error(`${golden.file}: scope start "${golden.scope.from}" not in the text`);
  const to = golden.scope.to ? text.indexOf(golden.scope.to, from + 1) : text.length;
  return { ...golden, range: [from, to < 0 ? text.length : to] };
}

/**
 * Runs the extractors on a golden file's source document, in `locality` when given, else in the locality
 * the metadata extractor reads from the text (as the pipeline does).
 */
export function runGolden(
  source: string,
  locality: string | null = null,
): { tasks: Task[]; targets: Target[]; locality: string | null } {
  const doc = loadDoc(source);
  const meta = locality ? metaFor(locality) : extractMeta(doc);
  return {
    tasks: extractTasks(doc, meta),
    // Targets read the document's own title, date and issuer (horizon, baselines, national), as in the pipeline.
    targets: extractTargets(doc, extractMeta(doc)),
    locality: meta.locality,
  };
}

/** Locality a seed's golden was annotated for; null for the dev and held-out documents (read from the text). */
export function localityOf(c: GoldenCase): string | null {
  return SEED_LOCALITY[c.golden.file] ?? null;
}
