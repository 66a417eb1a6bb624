/** The launcher record (`${dataDir}/neo4j/launcher.json`), pid liveness, and cross-process lock files. */
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive, withFileLock as withSharedFileLock } from '../../core/file-lock.ts';
import { launchFailed } from './shared.ts';
import type { LauncherRecord } from './types.ts';

export { pidAlive };

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: pids, files, locks

/** On Linux, checks that `pid` really is a launcher for `home` (pids get reused); elsewhere trusts the pid. */
export function isLauncherProcess(pid: number, home: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.endsWith('launcher.jar')) && cmdline.includes(home);
  } catch {
    return process.platform !== 'linux';
  }
}

export function readRecord(file: string): LauncherRecord | null {
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

export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Removes launcher.json only while it still describes `pid` (a newer launcher may have replaced it). */
export function removeRecordIfPid(file: string, pid: number | undefined): void {
  if (readRecord(file)?.pid === pid) fs.rmSync(file, { force: true });
}

/** The shared lock file (core/file-lock.ts), timing out with NEO4J_LAUNCH_FAILED. */
export function withFileLock<T>(
  file: string,
  timeoutMs: number,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  const timeoutError = (holder: number) =>
    launchFailed(`timed out waiting for ${path.basename(file)} held by process ${holder}`, { file });
  return withSharedFileLock(file, { timeoutMs, log, timeoutError }, fn);
}
