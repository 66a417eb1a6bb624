/**
 * Runs `analyse` (parse, structure, extract) in a worker thread with a heap limit and a deadline, so that
 * no input can block the server's event loop or take its memory: a job past its deadline or over the
 * heap limit terminates the worker (`PARSE_TIMEOUT` / `TOO_LARGE`), and the next job starts a fresh one.
 * One job at a time per host; an idle worker is stopped after `idleMs`.
 */
import { Worker } from 'node:worker_threads';
import { AppError, FileError } from '../../core/errors.ts';
import type { ManifestEntry, SourceFile } from '../../core/types.ts';
import type { Analysis } from '../analyse.ts';
import type { ParseOptions } from '../parse/index.ts';
import type { Job, Reply } from './protocol.ts';

export interface IsolationLimits {
  /** Heap of the worker (V8 old generation), MB. */
  maxMemoryMb: number;
  /** A worker left idle this long is stopped (its memory returned). */
  idleMs: number;
}

export const DEFAULT_LIMITS: IsolationLimits = { maxMemoryMb: 1536, idleMs: 30_000 };

const WORKER_URL = new URL('./worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');
/** The worker loads TypeScript through tsx's API (workers do not inherit `--import` hooks on Node 20). */
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((m) => m.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}));`;

interface Pending {
  id: number;
  file: string;
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  log: ((line: string) => void) | undefined;
}

export class AnalysisHost {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly limits: IsolationLimits = DEFAULT_LIMITS) {}

  /** Analyses one file in the worker; jobs run one after another. Rejects with a FileError. */
  run(file: SourceFile, parse: ParseOptions, manifest?: ManifestEntry): Promise<Analysis> {
    const job = this.chain.then(() => this.start(file, parse, manifest));
    this.chain = job.catch(() => undefined);
    return job;
  }

  /** Stops the worker (a running job fails). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.kill(new AppError('INTERNAL', 'The analysis worker was closed'));
  }

  private start(file: SourceFile, parse: ParseOptions, manifest?: ManifestEntry): Promise<Analysis> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker ?? this.spawn();
    const { log, ...parseOpts } = parse;
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      const timer = setTimeout(() => {
        void this.kill(
          new FileError(
            'PARSE_TIMEOUT',
            `Analysis took longer than ${parse.timeoutMs} ms and was stopped`,
            file.name,
            {
              timeoutMs: parse.timeoutMs,
            },
          ),
        );
      }, parse.timeoutMs);
      this.pending = { id, file: file.name, resolve, reject, timer, log };
      const job: Job = {
        id,
        file: { path: file.path, name: file.name, bytes: new Uint8Array(file.bytes) },
        manifest,
        parse: parseOpts,
      };
      worker.postMessage(job);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.onReply(reply));
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const file = this.pending?.file ?? '';
      void this.kill(
        oom
          ? new FileError(
              'TOO_LARGE',
              `Analysis needed more than ${this.limits.maxMemoryMb} MB and was stopped`,
              file,
              {
                maxMemoryMb: this.limits.maxMemoryMb,
              },
            )
          : new FileError('CORRUPT_FILE', 'The analysis worker failed', file, { cause: err.message }),
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.settle((p) => p.reject(new FileError('CORRUPT_FILE', 'The analysis worker stopped', p.file)));
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: Reply): void {
    const p = this.pending;
    if (!p || reply.id !== p.id) return;
    if (reply.kind === 'log') return p.log?.(reply.line);
    this.settle((done) => {
      if (reply.kind === 'done') done.resolve(reply.analysis);
      else done.reject(new FileError(reply.code, reply.message, done.file, reply.details));
    });
    this.idleTimer = setTimeout(() => void this.kill(null), this.limits.idleMs);
    this.idleTimer.unref();
  }

  private settle(fn: (p: Pending) => void): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    fn(p);
  }

  private async kill(reason: Error | null): Promise<void> {
    if (reason) this.settle((p) => p.reject(reason));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
