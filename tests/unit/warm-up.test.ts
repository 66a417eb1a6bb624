import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { warmUp } from '../../src/warm-up.ts';
import { recordingLogger } from '../helpers/runtime.ts';

/** A runtime whose searches each take `ms` (only the search service is reached before the budget runs out). */
function slowRuntime(ms: number, calls: string[]): Runtime {
  const search = async (q: string) => {
    calls.push(q);
    await new Promise((r) => setTimeout(r, ms));
    return { hits: [] };
  };
  return { search: { search } } as unknown as Runtime;
}

describe('warm-up before listening', () => {
  it('stops when its budget is spent and says how far it got', async () => {
    const calls: string[] = [];
    const log = recordingLogger();
    const took = await warmUp(slowRuntime(40, calls), log, 100);
    // steps of 40 ms: the third starts at ~80 ms, the fourth would start after the 100 ms budget
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(took).toBeLessThan(400);
    expect(log.lines.some((l) => /budget of 100 ms spent after \d+ of 12 steps/u.test(l))).toBe(true);
  });

  it('ends at its budget even while a slow step is still running', async () => {
    const calls: string[] = [];
    const took = await warmUp(slowRuntime(2_000, calls), recordingLogger(), 100);
    expect(calls).toHaveLength(1);
    expect(took).toBeLessThan(1_000);
  });
});
