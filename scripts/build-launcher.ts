/**
 * Builds the local Neo4j launcher (graph/launcher, Maven) when it is out of date: `npm run neo4j:build`.
 * `--force` rebuilds even when target/launcher.jar is newer than the sources.
 */
import { buildLauncher, LAUNCHER_JAR } from '../graph/local-neo4j.ts';
import { isAppError } from '../core/errors.ts';

const force = process.argv.includes('--force');
try {
  const { built, ms } = await buildLauncher({ force, log: (line) => console.log(line) });
  console.log(
    built ? `Built ${LAUNCHER_JAR} in ${(ms / 1000).toFixed(1)} s` : `${LAUNCHER_JAR} is up to date`,
  );
} catch (err) {
  console.error(isAppError(err) ? `${err.code}: ${err.message}` : err);
  if (isAppError(err) && typeof err.details.output === 'string') console.error(err.details.output);
  process.exitCode = 1;
}
