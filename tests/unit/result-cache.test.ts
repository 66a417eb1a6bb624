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

  it('forgets every answer on invalidate and when the vector state moves', async () => {
    let vectors = 100;
    const cache = new ResultCache(undefined, () => vectors);
    const c = counting();
    await cache.get('ask', { q: 'x' }, c.compute);
    cache.invalidate();
    await cache.get('ask', { q: 'x' }, c.compute);
    expect(c.calls()).toBe(2);
    vectors = 164;
    await cache.get('ask', { q: 'x' }, c.compute);
    expect(c.calls()).toBe(3);
  });

  it('does not keep failures', async () => {
    const cache = new ResultCache();
    await expect(cache.get('search', { q: 'y' }, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.get('search', { q: 'y' }, () => Promise.resolve('ok'))).toBe('ok');
  });
});
