/**
 * Back-pressure and ordering for ingest: a bounded queue of files (full → `BUSY`, 429 with Retry-After)
 * that runs one job at a time, and a keyed lock so that writes of one document identity never overlap.
 */
import { AppError } from '../core/errors.ts';

/** Runs `fn` while holding every key (taken in sorted order, so two holders never deadlock). */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async with<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: (() => void)[] = [];
    try {
      for (const key of sorted) releases.push(await this.acquire(key));
      return await fn();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

export interface QueueLimits {
  /** Files waiting or running at most; more are refused with BUSY. */
  maxFiles: number;
  /** Seconds a client is told to wait (Retry-After) when the queue is full. */
  retryAfterSeconds: number;
}

/** One ingest job at a time; at most `maxFiles` files admitted (queued or running). */
export class IngestQueue {
  private files = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly limits: QueueLimits) {}

  /** Files queued or running. */
  get depth(): number {
    return this.files;
  }

  /** Throws BUSY when `count` more files would not fit. */
  admit(count = 1): void {
    if (this.files + count <= this.limits.maxFiles) return;
    throw new AppError('BUSY', 'The ingest queue is full; try again later', {
      retryAfter: this.limits.retryAfterSeconds,
      queued: this.files,
      maxFiles: this.limits.maxFiles,
    });
  }

  /** Admits `count` files and runs `job` after the jobs before it. */
  run<T>(count: number, job: () => Promise<T>): Promise<T> {
    this.admit(count);
    this.files += count;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.files -= count;
    });
  }
}
