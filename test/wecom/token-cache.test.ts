import { describe, expect, it } from 'vitest';
import { createTokenCache, type IssuedToken } from '../../src/wecom/token-cache.ts';

function setup(expiresInSec = 7200) {
  let clock = 0;
  let n = 0;
  let failNext = false;
  const cache = createTokenCache({
    now: () => clock,
    fetchToken: async (): Promise<IssuedToken> => {
      // gettoken's latency, so that concurrent callers find the fetch still pending. It waits for
      // nothing to happen, so it stays a fixed delay.
      await new Promise((r) => setTimeout(r, 5));
      if (failNext) {
        failNext = false;
        throw new Error('gettoken down');
      }
      return { token: `t${++n}`, expiresInSec };
    },
  });
  return {
    cache,
    fetched: () => n,
    advance: (ms: number) => (clock += ms),
    failOnce: () => (failNext = true),
  };
}

describe('token cache', () => {
  it('shares one fetch among concurrent callers, success or failure', async () => {
    const s = setup();
    expect(await Promise.all([s.cache.get(), s.cache.get(), s.cache.get()])).toEqual(['t1', 't1', 't1']);
    expect(s.fetched()).toBe(1);

    const cold = setup();
    cold.failOnce();
    const results = await Promise.allSettled([cold.cache.get(), cold.cache.get()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await cold.cache.get()).toBe('t1');
  });

  it('refreshes 5 minutes before expiry', async () => {
    const s = setup(7200);
    await s.cache.get();
    s.advance(6899_000);
    expect(await s.cache.get()).toBe('t1');
    s.advance(2000);
    expect(await s.cache.get()).toBe('t2');
  });

  it('keeps at least half the lifetime of a short-lived token', async () => {
    const s = setup(120);
    await s.cache.get();
    s.advance(59_000);
    expect(await s.cache.get()).toBe('t1');
    s.advance(2000);
    expect(await s.cache.get()).toBe('t2');
  });

  it('keeps using the old token when an early refresh fails, but not after it expired', async () => {
    const s = setup(7200);
    await s.cache.get();
    s.advance(7000_000);
    s.failOnce();
    expect(await s.cache.get()).toBe('t1');
    s.advance(300_000);
    s.failOnce();
    await expect(s.cache.get()).rejects.toThrow('gettoken down');
  });

  it('invalidates only the token that failed, not a newer one', async () => {
    const s = setup();
    await s.cache.get();
    s.cache.invalidate('t1');
    expect(await s.cache.get()).toBe('t2');
    s.cache.invalidate('t1');
    expect(await s.cache.get()).toBe('t2');
    expect(s.fetched()).toBe(2);
  });
});
