/**
 * The project's own local Neo4j, used when NEO4J_URI is unset.
 *
 * `graph/launcher/` is a small Maven project that runs Neo4j 5.26 Community embedded with a Bolt connector on
 * 127.0.0.1 (auth off, no HTTP). This module builds it once (`mvn package`, jars cached in ~/.m2), starts it as a
 * child JVM whose stdin is a pipe (when the pipe closes — this process exits or dies — the JVM shuts down), and
 * records `${dataDir}/neo4j/launcher.json` so another process on the same data folder reuses the running one.
 *
 * The implementation lives in `graph/local-neo4j/`: `build.ts` (Java/Maven checks, building the launcher),
 * `files.ts` (launcher.json, pids, lock files), `exit.ts` (stopping owned JVMs on exit) and `launch.ts`
 * (reusing or starting a JVM). This module is the public entry point.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildLauncher, checkJavaAndMaven, launcherIsUpToDate } from './local-neo4j/build.ts';
import { withFileLock } from './local-neo4j/files.ts';
import { DEFAULT_READY_TIMEOUT_MS, launch, tryReuse } from './local-neo4j/launch.ts';
import { noop } from './local-neo4j/shared.ts';
import type { LocalNeo4j, StartLocalNeo4jOptions } from './local-neo4j/types.ts';

export type { LauncherRecord, LocalNeo4j, StartLocalNeo4jOptions } from './local-neo4j/types.ts';
export {
  buildLauncher,
  checkJavaAndMaven,
  LAUNCHER_DIR,
  LAUNCHER_JAR,
  launcherIsUpToDate,
  parseJavaMajor,
} from './local-neo4j/build.ts';
export { setStopOnExit } from './local-neo4j/exit.ts';

/** Where the local Neo4j for `dataDir` keeps its store, logs and launcher.json. */
export function neo4jHome(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'neo4j');
}

// ---------------------------------------------------------------------------------------------------------------
// Start

/**
 * Returns a running local Neo4j for `dataDir`: reuses the one recorded in `${dataDir}/neo4j/launcher.json` when
 * its process is alive and Bolt answers (`owned: false`), otherwise builds the launcher if needed and starts a new
 * JVM (`owned: true`). Throws AppError NEO4J_LAUNCH_FAILED when Java 17+/Maven are missing or Neo4j fails to start.
 */
export async function startLocalNeo4j(opts: StartLocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? noop;
  const home = neo4jHome(opts.dataDir);
  const recordFile = path.join(home, 'launcher.json');
  fs.mkdirSync(home, { recursive: true });

  const reused = await tryReuse(recordFile, home, log);
  if (reused) return reused;

  // One starter per data folder at a time (e.g. the server and a script started together).
  const start = (port: number | undefined) =>
    withFileLock(
      path.join(home, 'start.lock'),
      (opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS) + 60_000,
      log,
      async () => {
        const again = await tryReuse(recordFile, home, log);
        if (again) return again;
        if (launcherIsUpToDate()) checkJavaAndMaven({ maven: false });
        else await buildLauncher({ log });
        return launch(port === undefined ? opts : { ...opts, port }, home, recordFile, log);
      },
    );
  const first = await start(opts.port);
  return first.owned ? restartable(first, start) : first;
}

/** An owned local Neo4j that its owner can restart (the watchdog does, when the JVM died). */
function restartable(
  first: LocalNeo4j,
  start: (port: number | undefined) => Promise<LocalNeo4j>,
): LocalNeo4j {
  let current = first;
  return {
    get uri() {
      return current.uri;
    },
    get pid() {
      return current.pid;
    },
    owned: true,
    stop: () => current.stop(),
    restart: async () => {
      await current.stop();
      const port = Number(new URL(current.uri.replace(/^bolt/u, 'http')).port);
      try {
        current = await start(port);
      } catch {
        current = await start(0); // the old port was taken meanwhile
      }
      return current.uri;
    },
  };
}
