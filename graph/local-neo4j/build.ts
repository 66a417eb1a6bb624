/** Java and Maven checks, the launcher's paths, and building graph/launcher with Maven. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { withFileLock } from './files.ts';
import { launchFailed, noop, STDERR_TAIL_LINES } from './shared.ts';

export const LAUNCHER_DIR = fileURLToPath(new URL('../launcher/', import.meta.url));
export const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'launcher.jar');
export const CDS_ARCHIVE = path.join(LAUNCHER_DIR, 'target', 'launcher.jsa');
const BUILD_LOCK = path.join(LAUNCHER_DIR, 'target', 'build.lock');

const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

// ---------------------------------------------------------------------------------------------------------------
// Java and Maven

export function javaBinary(): string {
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

/** Deletes the class-data archive and its temporary files older than `minAgeMs` (0: all of them). */
export function removeCdsArchives(minAgeMs: number): void {
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
