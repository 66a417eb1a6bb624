/**
 * The project's own local Neo4j, used when NEO4J_URI is unset.
 *
 * `graph/launcher/` is a small Maven project that runs Neo4j 5.26 Community embedded with a Bolt connector on
 * 127.0.0.1 (auth off, no HTTP). This module builds it once (`mvn package`, jars cached in ~/.m2), starts it as a
 * child JVM whose stdin is a pipe (when the pipe closes — this process exits or dies — the JVM shuts down), and
 * records `${dataDir}/neo4j/launcher.json` so another process on the same data folder reuses the running one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { AppError } from '../src/errors.ts';

export interface LocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; auth is disabled (any credentials, or none, are accepted). */
  uri: string;
  /** True when this process started the JVM; false when it reuses one started elsewhere. */
  owned: boolean;
  /** Stops the JVM when owned (clean shutdown, kill -9 after a timeout); does nothing when reused. */
  stop(): Promise<void>;
}

export interface StartLocalNeo4jOptions {
  /** The project's data folder; Neo4j lives in `${dataDir}/neo4j`. */
  dataDir: string;
  /** Progress and JVM messages, one line per call. */
  log?: (line: string) => void;
  /** Bolt port; 0 (default) picks a free port. */
  port?: number;
  /** JVM max heap, default `1g`. */
  heap?: string;
  /** How long to wait for the READY line, default 180 s (the first start creates the store). */
  readyTimeoutMs?: number;
}

/** What `${dataDir}/neo4j/launcher.json` holds while a launcher runs. */
export interface LauncherRecord {
  pid: number;
  uri: string;
  dataDir: string;
  startedAt: string;
  ownerPid: number;
}

export const LAUNCHER_DIR = fileURLToPath(new URL('./launcher/', import.meta.url));
export const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'launcher.jar');
const CDS_ARCHIVE = path.join(LAUNCHER_DIR, 'target', 'launcher.jsa');
const BUILD_LOCK = path.join(LAUNCHER_DIR, 'target', 'build.lock');

const READY_PREFIX = 'NEO4J_READY ';
const DEFAULT_READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const STDERR_TAIL_LINES = 40;

const FIX_HINT =
  'Install Java 17+ and Maven (e.g. `apt-get install openjdk-17-jdk-headless maven`), ' +
  'or set NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to an existing Neo4j 5 server.';

const noop = (): void => {};
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where the local Neo4j for `dataDir` keeps its store, logs and launcher.json. */
export function neo4jHome(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'neo4j');
}

// ---------------------------------------------------------------------------------------------------------------
// Java and Maven

function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const bin = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(bin)) return bin;
  }
  return 'java';
}

function mavenBinary(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

/** Major Java version from `java -version` output (`"17.0.15"` → 17, `"1.8.0_392"` → 8). */
export function parseJavaMajor(versionOutput: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!m?.[1]) return null;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

function launchFailed(problem: string, details: Record<string, unknown> = {}, cause?: unknown): AppError {
  return new AppError(
    'NEO4J_LAUNCH_FAILED',
    `Cannot start the local Neo4j: ${problem}. ${FIX_HINT}`,
    details,
    cause === undefined ? undefined : { cause },
  );
}

/** Throws NEO4J_LAUNCH_FAILED unless Java 17+ (and, when `maven` is true, Maven) can be run. */
export function checkJavaAndMaven(opts: { maven: boolean }): { javaMajor: number } {
  const java = spawnSync(javaBinary(), ['-version'], { encoding: 'utf8', timeout: 30_000 });
  const javaOut = `${java.stderr ?? ''}${java.stdout ?? ''}`;
  const major = java.error ? null : parseJavaMajor(javaOut);
  const problems: string[] = [];
  if (java.error || java.status !== 0) problems.push('`java` was not found');
  else if (major === null) problems.push(`could not read the Java version from \`java -version\``);
  else if (major < 17) problems.push(`Java ${major} found, Java 17 or newer is needed`);
  if (opts.maven) {
    const mvn = spawnSync(mavenBinary(), ['-v'], { encoding: 'utf8', timeout: 60_000 });
    if (mvn.error || mvn.status !== 0) problems.push('`mvn` (Maven) was not found');
  }
  if (problems.length > 0 || major === null) {
    throw launchFailed(problems.join(' and '), { java: javaOut.split('\n')[0] ?? '' });
  }
  return { javaMajor: major };
}

// ---------------------------------------------------------------------------------------------------------------
// Building the launcher

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** True when target/launcher.jar (and its target/lib) is newer than pom.xml and every Java source. */
export function launcherIsUpToDate(): boolean {
  try {
    const jar = fs.statSync(LAUNCHER_JAR).mtimeMs;
    if (!fs.existsSync(path.join(LAUNCHER_DIR, 'target', 'lib'))) return false;
    const sources = Math.max(
      fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs,
      newestMtime(path.join(LAUNCHER_DIR, 'src')),
    );
    return jar > sources;
  } catch {
    return false;
  }
}

/**
 * Builds graph/launcher with Maven unless the jar is up to date (or `force`). Streams a condensed progress
 * through `log` (the first build downloads Neo4j's jars, ~120 MB, into ~/.m2). Cross-process safe.
 */
export async function buildLauncher(
  opts: { log?: (line: string) => void; force?: boolean } = {},
): Promise<{ built: boolean; ms: number }> {
  const log = opts.log ?? noop;
  if (!opts.force && launcherIsUpToDate()) return { built: false, ms: 0 };
  checkJavaAndMaven({ maven: true });
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  return withFileLock(BUILD_LOCK, 15 * 60_000, log, async () => {
    // Another process may have built it while we waited for the lock.
    if (!opts.force && launcherIsUpToDate()) return { built: false, ms: 0 };
    const started = Date.now();
    log('Building the local Neo4j launcher (mvn package; the first build downloads Neo4j jars)…');
    await runMaven(log);
    removeCdsArchives(0);
    if (!launcherIsUpToDate())
      throw launchFailed('the Maven build finished but target/launcher.jar is missing');
    const ms = Date.now() - started;
    log(`Local Neo4j launcher built in ${(ms / 1000).toFixed(1)} s`);
    return { built: true, ms };
  });
}

function runMaven(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mavenBinary(), ['-B', '-Dstyle.color=never', 'package'], {
      cwd: LAUNCHER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MAVEN_OPTS: process.env.MAVEN_OPTS ?? '-Xmx512m' },
    });
    const tail: string[] = [];
    let downloads = 0;
    const onLine = (raw: string) => {
      const line = raw.replace(ANSI_ESCAPE, '').trimEnd();
      if (!line || /^\[INFO\] -+$/.test(line)) return;
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
      if (/^(\[INFO\] )?Downloading from /.test(line)) return;
      if (/^(\[INFO\] )?Downloaded from /.test(line)) {
        downloads += 1;
        if (downloads % 50 === 0) log(`  mvn: downloaded ${downloads} artifacts…`);
        return;
      }
      if (
        /^\[(ERROR|WARNING)\]/.test(line) ||
        /^\[INFO\] (BUILD|Building|---|Total time|Copying)/.test(line)
      ) {
        if (!/^\[INFO\] Copying /.test(line)) log(`  mvn: ${line}`);
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', (err) => reject(launchFailed(`could not run Maven (${err.message})`, {}, err)));
    child.on('close', (code) => {
      if (downloads > 0) log(`  mvn: downloaded ${downloads} artifacts in total`);
      if (code === 0) resolve();
      else
        reject(
          launchFailed(`the Maven build of graph/launcher failed (exit ${code})`, {
            output: tail.join('\n'),
          }),
        );
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: pids, files, locks

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, checks that `pid` really is a launcher for `home` (pids get reused); elsewhere trusts the pid. */
function isLauncherProcess(pid: number, home: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.endsWith('launcher.jar')) && cmdline.includes(home);
  } catch {
    return process.platform !== 'linux';
  }
}

function readRecord(file: string): LauncherRecord | null {
  try {
    const rec = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LauncherRecord>;
    if (typeof rec.pid !== 'number' || typeof rec.uri !== 'string') return null;
    return {
      pid: rec.pid,
      uri: rec.uri,
      dataDir: String(rec.dataDir ?? ''),
      startedAt: String(rec.startedAt ?? ''),
      ownerPid: Number(rec.ownerPid ?? 0),
    };
  } catch {
    return null;
  }
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Removes launcher.json only while it still describes `pid` (a newer launcher may have replaced it). */
function removeRecordIfPid(file: string, pid: number | undefined): void {
  if (readRecord(file)?.pid === pid) fs.rmSync(file, { force: true });
}

const heldLocks = new Set<string>();

/** A lock file holding our pid (`wx`), waited on while its owner is alive, taken over when the owner died. */
async function withFileLock<T>(
  file: string,
  timeoutMs: number,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: number;
      try {
        holder = Number(fs.readFileSync(file, 'utf8').trim());
      } catch {
        continue; // released meanwhile
      }
      const ours = holder === process.pid;
      if ((ours && !heldLocks.has(file)) || (!ours && !pidAlive(holder))) {
        fs.rmSync(file, { force: true }); // left by a process that died (or by an earlier life of this pid)
        continue;
      }
      if (Date.now() > deadline) {
        throw launchFailed(`timed out waiting for ${path.basename(file)} held by process ${holder}`, {
          file,
        });
      }
      if (!announced) log(`Waiting for process ${holder} (${path.basename(file)})…`);
      announced = true;
      await sleep(250);
    }
  }
  heldLocks.add(file);
  try {
    return await fn();
  } finally {
    heldLocks.delete(file);
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  }
}

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
// Owned launchers and exit handling

interface OwnedLauncher {
  child: ChildProcess;
  recordFile: string;
  stop: () => Promise<void>;
}

const owned = new Set<OwnedLauncher>();
let exitHandlersEnabled = true;
let exitHandlersInstalled = false;

/**
 * Whether this module stops the JVMs it started when node exits (`exit`) or gets SIGINT/SIGTERM (default on).
 * Turn off when the application stops them itself; the JVM still exits when this process dies (stdin EOF).
 */
export function setStopOnExit(enabled: boolean): void {
  exitHandlersEnabled = enabled;
}

function killNowSync(l: OwnedLauncher): void {
  l.child.stdin?.destroy();
  if (l.child.exitCode === null && l.child.signalCode === null) l.child.kill('SIGTERM');
  removeRecordIfPid(l.recordFile, l.child.pid);
}

function onExit(): void {
  if (!exitHandlersEnabled) return;
  // Synchronous only: close stdin and SIGTERM; each JVM then checkpoints and exits on its own.
  for (const l of owned) killNowSync(l);
  owned.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  if (!exitHandlersEnabled || owned.size === 0) {
    reraise(signal);
    return;
  }
  const stops = [...owned].map((l) => l.stop());
  void Promise.allSettled(stops).then(() => reraise(signal));
}

/** Keeps node's default signal behaviour (exit) unless the application installed its own handlers. */
function reraise(signal: NodeJS.Signals): void {
  const others = process.listeners(signal).filter((l) => l !== onSigint && l !== onSigterm);
  if (others.length > 0) return;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.kill(process.pid, signal);
}

const onSigint = (): void => onSignal('SIGINT');
const onSigterm = (): void => onSignal('SIGTERM');

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
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
  return withFileLock(
    path.join(home, 'start.lock'),
    (opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS) + 60_000,
    log,
    async () => {
      const again = await tryReuse(recordFile, home, log);
      if (again) return again;
      if (launcherIsUpToDate()) checkJavaAndMaven({ maven: false });
      else await buildLauncher({ log });
      return launch(opts, home, recordFile, log);
    },
  );
}

async function tryReuse(
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

/** Deletes the class-data archive and its temporary files older than `minAgeMs` (0: all of them). */
function removeCdsArchives(minAgeMs: number): void {
  const dir = path.dirname(CDS_ARCHIVE);
  const base = path.basename(CDS_ARCHIVE);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n === base || (n.startsWith(`${base}.`) && n.endsWith('.tmp')));
  } catch {
    return;
  }
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      if (minAgeMs === 0 || (n !== base && Date.now() - fs.statSync(file).mtimeMs > minAgeMs))
        fs.rmSync(file);
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Class-data sharing: a start without an archive records the loaded classes into `cdsTmp` at JVM exit (renamed
 * to launcher.jsa after a clean stop); later starts map that archive, which makes start-up faster. A rebuilt jar
 * deletes the archive; an archive the JVM rejects only costs the speed-up.
 */
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

function jvmArgs(opts: StartLocalNeo4jOptions, home: string, cdsTmp: string | null): string[] {
  const args = [`-Xmx${opts.heap ?? '1g'}`, '-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8'];
  if (cdsTmp) args.push(`-XX:ArchiveClassesAtExit=${cdsTmp}`);
  else args.push(`-XX:SharedArchiveFile=${CDS_ARCHIVE}`);
  args.push('-Xlog:cds=off', '-Xlog:cds+dynamic=off');
  args.push('-jar', LAUNCHER_JAR, '--data', home, '--port', String(opts.port ?? 0));
  return args;
}

async function launch(
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
    return { uri, owned: true, stop: entry.stop };
  } catch (err) {
    await entry.stop();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
