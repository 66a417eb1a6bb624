/** The launcher record (`${dataDir}/neo4j/launcher.json`), pid liveness, and cross-process lock files. */
import fs from 'node:fs';
import path from 'node:path';
import { launchFailed, sleep } from './shared.ts';
import type { LauncherRecord } from './types.ts';

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: pids, files, locks

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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

const heldLocks = new Set<string>();

/** A lock file holding our pid (`wx`), waited on while its owner is alive, taken over when the owner died. */
export async function withFileLock<T>(
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
