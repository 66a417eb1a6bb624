/** Reusing a running local Neo4j, and starting and stopping a new launcher JVM. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { CDS_ARCHIVE, javaBinary, LAUNCHER_JAR, removeCdsArchives } from './build.ts';
import { installExitHandlers, owned, type OwnedLauncher } from './exit.ts';
import { isLauncherProcess, pidAlive, readRecord, removeRecordIfPid, writeJsonAtomic } from './files.ts';
import { launchFailed, noop, sleep, STDERR_TAIL_LINES } from './shared.ts';
import type { LauncherRecord, LocalNeo4j, StartLocalNeo4jOptions } from './types.ts';

const READY_PREFIX = 'NEO4J_READY ';
export const DEFAULT_READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------------------------
// Bolt checks

async function boltAnswers(uri: string, timeoutMs: number): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function waitForBolt(uri: string, deadline: number): Promise<void> {
  while (!(await boltAnswers(uri, 5_000))) {
    if (Date.now() > deadline)
      throw launchFailed(`Neo4j printed READY but Bolt at ${uri} does not answer`, { uri });
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reuse and launch

export async function tryReuse(
  recordFile: string,
  home: string,
  log: (line: string) => void,
): Promise<LocalNeo4j | null> {
  const rec = readRecord(recordFile);
  if (!rec) return null;
  if (!isLauncherProcess(rec.pid, home)) {
    log(`Local Neo4j record is stale (process ${rec.pid} is gone); starting a new one`);
    removeRecordIfPid(recordFile, rec.pid);
    return null;
  }
  if (await boltAnswers(rec.uri, 5_000)) {
    log(`Reusing the local Neo4j at ${rec.uri} (process ${rec.pid})`);
    return { uri: rec.uri, owned: false, stop: () => Promise.resolve() };
  }
  // Our launcher on this folder, but Bolt is dead: it holds the store lock, so stop it before starting anew.
  log(`Local Neo4j process ${rec.pid} does not answer on ${rec.uri}; stopping it`);
  await terminatePid(rec.pid);
  removeRecordIfPid(recordFile, rec.pid);
  return null;
}

async function terminatePid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(200);
  if (pidAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    while (pidAlive(pid)) await sleep(100);
  }
}

/** Lets the child's streams keep node alive (`ref`) or not. */
function refStreams(child: ChildProcess, ref: boolean): void {
  for (const s of [child.stdin, child.stdout, child.stderr]) {
    if (s instanceof net.Socket) {
      if (ref) s.ref();
      else s.unref();
    }
  }
  if (ref) child.ref();
  else child.unref();
}

/**
 * Class-data sharing: a start without an archive records the loaded classes into `cdsTmp` at JVM exit (renamed
 * to launcher.jsa after a clean stop); later starts map that archive, which makes start-up faster. A rebuilt jar
 * deletes the archive; an archive the JVM rejects only costs the speed-up.
 */
function jvmArgs(opts: StartLocalNeo4jOptions, home: string, cdsTmp: string | null): string[] {
  const args = [`-Xmx${opts.heap ?? '1g'}`, '-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8'];
  if (cdsTmp) args.push(`-XX:ArchiveClassesAtExit=${cdsTmp}`);
  else args.push(`-XX:SharedArchiveFile=${CDS_ARCHIVE}`);
  args.push('-Xlog:cds=off', '-Xlog:cds+dynamic=off');
  args.push('-jar', LAUNCHER_JAR, '--data', home, '--port', String(opts.port ?? 0));
  return args;
}

export async function launch(
  opts: StartLocalNeo4jOptions,
  home: string,
  recordFile: string,
  log: (line: string) => void,
): Promise<LocalNeo4j> {
  const started = Date.now();
  const deadline = started + (opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
  let cdsTmp: string | null = null;
  if (!fs.existsSync(CDS_ARCHIVE)) {
    removeCdsArchives(60 * 60_000);
    cdsTmp = `${CDS_ARCHIVE}.${process.pid}.${started}.tmp`;
  }
  log(`Starting the local Neo4j in ${home}…`);
  const child = spawn(javaBinary(), jvmArgs(opts, home, cdsTmp), {
    cwd: home,
    // stdin stays an open pipe: the launcher exits when it reaches EOF (we closed it, or we died).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    if (line.trim()) log(`neo4j: ${line}`);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  child.stdin.on('error', noop); // EPIPE when the JVM is already gone

  let spawnError: Error | null = null;
  child.once('error', (err) => {
    spawnError = err;
  });

  const ready = new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) resolve(line.slice(READY_PREFIX.length).trim());
      else if (line.trim()) log(`neo4j: ${line}`);
    });
    void exited.then(({ code, signal }) => {
      const why = spawnError ? spawnError.message : `exit code ${code ?? signal}`;
      reject(
        launchFailed(`the Neo4j launcher exited before it was ready (${why})`, {
          stderr: stderrTail.join('\n'),
          logs: path.join(home, 'logs', 'debug.log'),
        }),
      );
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          launchFailed(`Neo4j was not ready after ${Math.round((deadline - started) / 1000)} s`, {
            stderr: stderrTail.join('\n'),
            logs: path.join(home, 'logs', 'debug.log'),
          }),
        ),
      Math.max(0, deadline - Date.now()),
    );
  });

  let stopping: Promise<void> | null = null;
  const entry: OwnedLauncher = {
    child,
    recordFile,
    stop: () => {
      stopping ??= (async () => {
        owned.delete(entry);
        refStreams(child, true); // keep node alive until the JVM has exited
        child.stdin?.end();
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        const { signal } = await exited;
        clearTimeout(killTimer);
        removeRecordIfPid(recordFile, child.pid);
        // The class-data archive is complete only when the JVM exited on its own (not SIGKILL).
        if (cdsTmp && fs.existsSync(cdsTmp)) {
          if (signal !== 'SIGKILL' && !fs.existsSync(CDS_ARCHIVE)) fs.renameSync(cdsTmp, CDS_ARCHIVE);
          else fs.rmSync(cdsTmp, { force: true });
        }
        log('Local Neo4j stopped');
      })();
      return stopping;
    },
  };
  owned.add(entry);
  installExitHandlers();

  try {
    const uri = await Promise.race([ready, timeout]);
    await Promise.race([waitForBolt(uri, deadline), timeout]);
    const record: LauncherRecord = {
      pid: child.pid!,
      uri,
      dataDir: home,
      startedAt: new Date().toISOString(),
      ownerPid: process.pid,
    };
    writeJsonAtomic(recordFile, record);
    log(`Local Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);
    // Do not keep node alive just for the JVM: when node exits, the exit handler / stdin EOF stops it.
    refStreams(child, false);
    return { uri, owned: true, stop: entry.stop, pid: child.pid! };
  } catch (err) {
    await entry.stop();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
