import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/api/result-cache.ts';

/** The answer cache of /api/search and /api/ask: what it keeps, shares and forgets. */
describe('ResultCache', () => {
  const counting = () => {
    let calls = 0;
    return {
      compute: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return { calls };
      },
      calls: () => calls,
    };
  };

  it('answers a repeated query from the cache and shares one computation between a burst of them', async () => {
    const cache = new ResultCache();
    const c = counting();
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => cache.get('search', { q: 'biển' }, c.compute)),
    );
    expect(c.calls()).toBe(1);
    expect(new Set(burst).size).toBe(1);
    await cache.get('search', { q: 'biển' }, c.compute);
    expect(c.calls()).toBe(1);
    await cache.get('search', { q: 'biển', k: 5 }, c.compute);
    expect(c.calls()).toBe(2);
  });

  it('forgets every answer when the documents change (invalidate): the next request recomputes', async () => {
    const cache = new ResultCache();
    const c = counting();
    await cache.get('ask', { q: 'x' }, c.compute);
    cache.invalidate();
    expect(await cache.get('ask', { q: 'x' }, c.compute)).toEqual({ calls: 2 });
  });

  it('after new vectors, serves the older answer once while one background refresh computes the new one', async () => {
    let vectors = 100;
    const cache = new ResultCache(undefined, () => vectors);
    const c = counting();
    expect(await cache.get('ask', { q: 'x' }, c.compute)).toEqual({ calls: 1 });
    vectors = 164;
    const during = await Promise.all(
      Array.from({ length: 5 }, () => cache.get('ask', { q: 'x' }, c.compute)),
    );
    expect(during).toEqual(Array.from({ length: 5 }, () => ({ calls: 1 })));
    expect(cache.stale).toBe(5);
    await new Promise((r) => setTimeout(r, 60));
    expect(c.calls()).toBe(2);
    expect(await cache.get('ask', { q: 'x' }, c.compute)).toEqual({ calls: 2 });
    expect(c.calls()).toBe(2);
  });

  it('refresh: keeps serving the answers from before while it recomputes them, then only the new ones', async () => {
    let graph = 'old';
    const cache = new ResultCache({ warm: 2, warmConcurrency: 1 });
    const calls: string[] = [];
    const answer = (q: string) => async () => {
      calls.push(q);
      await new Promise((r) => setTimeout(r, 20));
      return `${q}@${graph}`;
    };
    for (const q of ['a', 'b', 'c']) await cache.get('search', { q }, answer(q));
    graph = 'new';
    const refreshing = cache.refresh();
    // during the refresh: the answers from before, nothing computed by the request itself
    expect(await cache.get('search', { q: 'c' }, answer('c'))).toBe('c@old');
    await refreshing;
    expect(cache.warmed).toBe(2);
    // the two most recently used were recomputed on the new graph, the third is computed on request
    expect(await cache.get('search', { q: 'c' }, answer('c'))).toBe('c@new');
    expect(await cache.get('search', { q: 'b' }, answer('b'))).toBe('b@new');
    expect(await cache.get('search', { q: 'a' }, answer('a'))).toBe('a@new');
    expect(calls).toEqual(['a', 'b', 'c', 'c', 'b', 'a']);
  });

  it('a refresh asked for during one runs once more after it', async () => {
    let version = 1;
    const cache = new ResultCache();
    await cache.get('ask', { q: 'x' }, () => Promise.resolve(version));
    version = 2;
    const first = cache.refresh();
    version = 3;
    const second = cache.refresh();
    await Promise.all([first, second]);
    expect(await cache.get('ask', { q: 'x' }, () => Promise.resolve(-1))).toBe(3);
  });

  it('does not keep failures', async () => {
    const cache = new ResultCache();
    await expect(cache.get('search', { q: 'y' }, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.get('search', { q: 'y' }, () => Promise.resolve('ok'))).toBe('ok');
  });
});
