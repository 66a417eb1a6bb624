/** Timing, latency percentiles and memory snapshots for the benchmark; everything is printed, never asserted. */

const MB = 1024 * 1024;

/** Runs the collector when node was started with --expose-gc, so heap figures are after collection. */
function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** "rss 812 MB, heap 640 MB" after an optional garbage collection. */
export function memory(): string {
  collect();
  const m = process.memoryUsage();
  return `rss ${Math.round(m.rss / MB)} MB, heap ${Math.round(m.heapUsed / MB)} MB`;
}

export function heapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / MB;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Latencies of `fn` over `inputs`, one at a time. */
export async function measureLatency<I>(inputs: I[], fn: (input: I) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    out.push(performance.now() - t0);
  }
  return out;
}

export function latencyLine(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  return `${label.padEnd(44)} p50 ${fmt(percentile(s, 50)).padStart(7)} ms   p95 ${fmt(percentile(s, 95)).padStart(7)} ms   (n=${s.length})`;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
