export interface IssuedToken {
  token: string;
  expiresInSec: number;
}

export interface TokenCache {
  /** The cached token, or a fresh one; concurrent callers share a single refresh. */
  get(): Promise<string>;
  /** Forget `token` if it is still the cached one (a later token from another caller's refresh is kept). */
  invalidate(token: string): void;
}

export interface TokenCacheOptions {
  fetchToken: () => Promise<IssuedToken>;
  now: () => number;
  /** Refresh this long before expiry; WeCom may invalidate early and a request takes time. */
  refreshMarginMs?: number;
  /** After a failed fetch, callers get the same error for this long instead of another gettoken. Default none. */
  failureHoldMs?: (err: unknown) => number;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  let current: { token: string; refreshAt: number; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  let failed: { err: unknown; until: number } | undefined;

  async function refresh(): Promise<string> {
    const previous = current;
    try {
      const issued = await options.fetchToken();
      const lifetimeMs = issued.expiresInSec * 1000;
      const obtainedAt = options.now();
      // With a short lifetime the margin would exceed it and every call would refetch; keep at least half.
      const refreshIn = Math.max(lifetimeMs - margin, lifetimeMs / 2);
      current = { token: issued.token, refreshAt: obtainedAt + refreshIn, expiresAt: obtainedAt + lifetimeMs };
      failed = undefined;
      return issued.token;
    } catch (err) {
      // An early refresh that fails should not stop calls while the old token is still valid.
      if (previous !== undefined && current === previous && options.now() < previous.expiresAt) return previous.token;
      const hold = options.failureHoldMs?.(err) ?? 0;
      if (hold > 0) failed = { err, until: options.now() + hold };
      throw err;
    }
  }

  return {
    get() {
      if (current !== undefined && options.now() < current.refreshAt) return Promise.resolve(current.token);
      if (failed !== undefined && options.now() < failed.until && inflight === undefined) return Promise.reject(failed.err);
      inflight ??= refresh().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}
