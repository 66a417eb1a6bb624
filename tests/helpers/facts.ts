import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGolden } from '../../scripts/eval-extraction/task-eval.ts';

const squash = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * What two copies of one document must agree on: each task's title start, lead and coordinating agency
 * keys and deadline, and each target's subject, metric, value, unit and year, in document order.
 */
export function facts(file: string) {
  const { tasks, targets } = runGolden(file);
  return {
    tasks: tasks.map((t) => [
      squash(t.title).slice(0, 40),
      t.lead.map((a) => a.key),
      t.coordinating.map((a) => a.key),
      t.deadline && squash(t.deadline),
    ]),
    targets: targets.map((t) => [t.subject, t.metric, t.value, t.unit, t.year]),
  };
}

/** The dev documents of ../shared/corpus-dev with a task golden (never a held-out one), by file name. */
export const ANNOTATED_DEV: readonly string[] = readdirSync('tests/golden/dev')
  .filter((f) => f.endsWith('.tasks.json'))
  .map((f) => f.replace(/\.tasks\.json$/u, ''));

/**
 * A writer of document copies for a variant suite: `written(file, variant, text)` saves `text` as a copy of
 * `file` named after the variant, in a temporary folder of the suite's own, and returns its path.
 */
export function copyWriter(suite: string): (file: string, variant: string, text: string) => string {
  const dir = mkdtempSync(path.join(tmpdir(), `${suite}-`));
  return (file, variant, text) => {
    const copy = path.join(dir, `${variant.replace(/\W+/gu, '-')}-${file}`);
    writeFileSync(copy, text);
    return copy;
  };
}
