import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive, withFileLock } from '../../core/file-lock.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function lockFile(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'lock-'));
  dirs.push(d);
  return join(d, 'x.lock');
}

const opts = (timeoutMs = 10_000) => ({
  timeoutMs,
  log: () => {},
  timeoutError: (holder: number) => new Error(`held by ${holder}`),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withFileLock', () => {
  it('runs holders one after the other and removes the lock file afterwards', async () => {
    const file = await lockFile();
    const events: string[] = [];
    const job = (name: string) =>
      withFileLock(file, opts(), async () => {
        events.push(`${name} in`);
        await sleep(300);
        events.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([job('a'), job('b')])).toEqual(['a', 'b']);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const file = await lockFile();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(dead.stdout);
    expect(pidAlive(pid)).toBe(false);
    await writeFile(file, String(pid));
    expect(await withFileLock(file, opts(), () => Promise.resolve('ran'))).toBe('ran');
  });

  it('times out with the caller’s error while a live process holds it', async () => {
    const file = await lockFile();
    await writeFile(file, String(process.ppid)); // a live process that is not us
    await expect(withFileLock(file, opts(600), () => Promise.resolve('ran'))).rejects.toThrow(
      `held by ${process.ppid}`,
    );
  });
});
