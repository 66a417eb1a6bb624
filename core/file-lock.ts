/**
 * Cross-process lock files and pid liveness, shared by the local services the project provisions itself
 * (the Neo4j launcher build, the local embedding server's Python environment).
 */
import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True while a process with this pid exists (including one we may not signal). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FileLockOptions {
  /** Give up waiting for another holder after this long. */
  timeoutMs: number;
  /** Told once when the lock is held by another live process and we wait. */
  log: (line: string) => void;
  /** The error thrown on timeout (so each caller reports it with its own code and hint). */
  timeoutError: (holderPid: number, file: string) => Error;
}

const heldLocks = new Set<string>();

/**
 * Runs `fn` while holding `file`, a lock file holding our pid (created with `wx`). A lock held by a live
 * process is waited on; one left by a process that died (or by an earlier life of this pid) is taken over.
 */
export async function withFileLock<T>(file: string, opts: FileLockOptions, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
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
      if (Date.now() > deadline) throw opts.timeoutError(holder, file);
      if (!announced) opts.log(`Waiting for process ${holder} (${path.basename(file)})…`);
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
