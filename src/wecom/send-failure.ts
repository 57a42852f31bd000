import { WeComApiError, WeComNetworkError } from './errors.ts';

/**
 * What a failed WeCom call means for the outbox (docs/PROTOCOL.md §10):
 * - `setup`: the app's configuration or permission is wrong; every message would fail the same way,
 *   so sending pauses until a probe works (nothing is given up).
 * - `rate_limited`: 45009, wait out the window.
 * - `concurrency`: 45033, too many calls at once; fewer in parallel.
 * - `transient`: busy, network, timeout, HTTP 5xx: the same row again later, with back-off.
 * - `permanent`: this message can never go (bad recipient, empty or oversized content, broken card).
 */
export type SendFailure =
  | { kind: 'setup'; errcode: number; path: string }
  | { kind: 'rate_limited'; errcode: 45009 }
  | { kind: 'concurrency'; errcode: 45033 }
  | { kind: 'transient'; errcode?: number }
  | { kind: 'permanent'; errcode?: number };

/** Errors of how the app is set up in the admin console (90313), not of one message. */
export const SETUP_ERRCODES: ReadonlySet<number> = new Set([60020, 40001, 40013, 40091, 48002, 40056, 41001]);
/** Token errors that survived the client's one refresh: a later try gets another token. */
const TOKEN_ERRCODES = new Set([40014, 42001, 40082, 42009]);
const GETTOKEN_PATH = '/cgi-bin/gettoken';

export function classifySendFailure(err: unknown): SendFailure {
  if (err instanceof WeComApiError) {
    if (SETUP_ERRCODES.has(err.errcode)) return { kind: 'setup', errcode: err.errcode, path: err.path };
    if (err.errcode === 45009) return { kind: 'rate_limited', errcode: 45009 };
    if (err.errcode === 45033) return { kind: 'concurrency', errcode: 45033 };
    if (err.errcode === -1 || TOKEN_ERRCODES.has(err.errcode)) return { kind: 'transient', errcode: err.errcode };
    // gettoken refusing for any other reason is still the app's setup, never one message's fault.
    if (err.path === GETTOKEN_PATH) return { kind: 'setup', errcode: err.errcode, path: err.path };
    return { kind: 'permanent', errcode: err.errcode };
  }
  if (err instanceof WeComNetworkError) {
    if (err.retryable) return { kind: 'transient' };
    // A 4xx from the API host (a wrong WECOM_API_BASE) or a gettoken answer without a token: setup.
    return { kind: 'setup', errcode: err.httpStatus ?? 0, path: err.path };
  }
  return { kind: 'permanent' };
}

