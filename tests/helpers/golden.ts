import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Golden } from '../../scripts/eval-extraction/task-eval.ts';

/** Expected tasks and targets of a seed, annotated by reading it (corpus/golden/<file>.tasks.json). */
export function seedGolden(file: string): Golden {
  const raw = readFileSync(path.resolve('corpus/golden', `${file}.tasks.json`), 'utf8');
  return JSON.parse(raw) as Golden;
}
