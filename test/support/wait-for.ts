/**
 * Polls `check` every `intervalMs` until it returns a truthy value, and returns that value. A check that
 * throws counts as "not yet" (a server that is not listening yet). After `timeoutMs` it fails, naming
 * what it waited for (`what`, or what it returns then) and the last error, if any. For conditions that will come true; a test that must
 * prove that something does NOT happen cannot use it.
 *
 * No vitest import: child-process scripts under test/support use it too.
 */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
