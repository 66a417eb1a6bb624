import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GoldenTask {
  row: string | null;
  title: string;
  lead: string[];
  coordinating: string[];
  deadline: string | null;
}

export interface GoldenTarget {
  indicator: string;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  unit: string | null;
  year: number | null;
}

/** Expected tasks and targets of a seed, annotated by reading it (corpus/golden/<file>.tasks.json). */
export function seedGolden(file: string): { tasks: GoldenTask[]; targets: GoldenTarget[] } {
  const raw = readFileSync(path.resolve('corpus/golden', `${file}.tasks.json`), 'utf8');
  return JSON.parse(raw) as { tasks: GoldenTask[]; targets: GoldenTarget[] };
}
