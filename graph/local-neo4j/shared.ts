/** Helpers shared by the local Neo4j modules: the launch error, and small utilities. */
import { AppError } from '../../core/errors.ts';

export const STDERR_TAIL_LINES = 40;

const FIX_HINT =
  'Install Java 17+ and Maven (e.g. `apt-get install openjdk-17-jdk-headless maven`), ' +
  'or set NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to an existing Neo4j 5 server.';

export const noop = (): void => {};
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function launchFailed(
  problem: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): AppError {
  return new AppError(
    'NEO4J_LAUNCH_FAILED',
    `Cannot start the local Neo4j: ${problem}. ${FIX_HINT}`,
    details,
    cause === undefined ? undefined : { cause },
  );
}
