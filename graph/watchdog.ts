/**
 * Watches the database: a probe every `intervalMs` (bounded by `timeoutMs`, on its own connection). A
 * probe that fails (connection refused or lost) marks the connection down at once; probes that time out
 * mark it down only when `slowProbes` in a row do (a database busy answering a load is not a dead one).
 * Down, reads and writes fail fast with GRAPH_UNAVAILABLE, it is logged, and `recover` (e.g. restart the
 * local Neo4j) is called with bounded attempts; a probe that answers again marks it up.
 */
import { ProbeTimeoutError, type GraphConnection } from './connection.ts';

export interface WatchdogOptions {
  intervalMs: number;
  timeoutMs: number;
  log: { (line: string): void; warn: (line: string) => void; error: (line: string) => void };
  /**
   * Called while the database stays down, at most `maxAttempts` times per outage with growing pauses;
   * returns when it tried (the next probe tells whether it worked).
   */
  recover?: (attempt: number) => Promise<void>;
  maxAttempts?: number;
  /** Consecutive timed-out probes that mark the database down (default 3). */
  slowProbes?: number;
}

export const DEFAULT_WATCHDOG = {
  intervalMs: 1_000,
  timeoutMs: 2_000,
  maxAttempts: 3,
  slowProbes: 3,
} as const;

export class GraphWatchdog {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private attempts = 0;
  private timeouts = 0;
  private nextAttemptAt = 0;
  private stopped = false;
  /** The state last logged (transitions may also come from failed queries). */
  private loggedUp = true;

  constructor(
    private readonly conn: GraphConnection,
    private readonly opts: WatchdogOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One probe now (also used by the timer). */
  check(): Promise<void> {
    this.running ??= this.probeOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.check().then(() => this.schedule());
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  private async probeOnce(): Promise<void> {
    try {
      await this.conn.probe(this.opts.timeoutMs);
      this.conn.setState(true, null);
      this.attempts = 0;
      this.timeouts = 0;
    } catch (err) {
      const slow = err instanceof ProbeTimeoutError;
      this.timeouts = slow ? this.timeouts + 1 : 0;
      const limit = this.opts.slowProbes ?? DEFAULT_WATCHDOG.slowProbes;
      if (!slow || this.timeouts >= limit) this.conn.setState(false, (err as Error).message);
    }
    this.logTransition();
    if (!this.conn.state.up) await this.recover();
  }

  private logTransition(): void {
    const { up, reason } = this.conn.state;
    if (up === this.loggedUp) return;
    this.loggedUp = up;
    if (up) this.opts.log(`Neo4j at ${this.conn.uri} answers again`);
    else {
      this.opts.log.error(`Neo4j at ${this.conn.uri} does not answer: ${reason}`);
      this.nextAttemptAt = 0;
    }
  }

  private async recover(): Promise<void> {
    const { recover } = this.opts;
    const max = this.opts.maxAttempts ?? DEFAULT_WATCHDOG.maxAttempts;
    if (!recover || this.stopped || Date.now() < this.nextAttemptAt) return;
    if (this.attempts >= max) {
      if (this.attempts === max) this.opts.log.error(`Neo4j recovery gave up after ${max} attempts`);
      this.attempts = max + 1;
      return;
    }
    this.attempts++;
    this.opts.log.warn(`Neo4j recovery, attempt ${this.attempts}/${max}`);
    try {
      await recover(this.attempts);
    } catch (err) {
      this.opts.log.error(`Neo4j recovery attempt ${this.attempts} failed: ${(err as Error).message}`);
    }
    this.nextAttemptAt = Date.now() + 2_000 * 2 ** this.attempts;
  }
}
