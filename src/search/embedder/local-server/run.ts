/** Runs a command to completion (no shell), keeping the tail of its output for error messages. */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export interface RunResult {
  /** Exit code; null when the command could not start, was killed, or timed out. */
  code: number | null;
  /** The spawn error (e.g. ENOENT), if the command could not start. */
  error: Error | null;
  timedOut: boolean;
  /** The last lines of stdout and stderr together. */
  tail: string[];
}

const TAIL_LINES = 30;

export function runCommand(
  cmd: string,
  args: string[],
  opts: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env });
    const tail: string[] = [];
    const onLine = (line: string) => {
      if (!line.trim()) return;
      tail.push(line.trimEnd());
      if (tail.length > TAIL_LINES) tail.shift();
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    let error: Error | null = null;
    child.once('error', (err) => {
      error = err;
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? null : code, error, timedOut, tail });
    });
  });
}

/** One line saying how a command failed, for error messages. */
export function describeFailure(r: RunResult, timeoutMs: number): string {
  if (r.error) return r.error.message;
  if (r.timedOut) return `no result after ${Math.round(timeoutMs / 1000)} s`;
  return `exit ${r.code}${r.tail.length ? `: ${r.tail[r.tail.length - 1]}` : ''}`;
}
