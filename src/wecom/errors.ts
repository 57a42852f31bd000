/** Why an inbound callback was rejected; the HTTP layer maps every reason to a 4xx. */
export type WeComCallbackReason = 'missing_param' | 'bad_signature' | 'undecryptable' | 'wrong_receiver' | 'malformed';

export class WeComCallbackError extends Error {
  override readonly name = 'WeComCallbackError';
  constructor(
    readonly reason: WeComCallbackReason,
    message: string = reason,
  ) {
    super(message);
  }
}

/** An answer from the WeCom API with errcode != 0. Branch on `errcode`, never on `errmsg` (its text is not stable). */
export class WeComApiError extends Error {
  override readonly name = 'WeComApiError';
  readonly errcode: number;
  readonly errmsg: string;
  /** Path without query string, so no token or secret ever lands in an error. */
  readonly path: string;
  readonly retryable: boolean;
  /** Set when the caller should wait at least this long before trying again (45009: a rate-limit window). */
  readonly retryAfterMs: number | undefined;

  constructor(init: { errcode: number; errmsg: string; path: string; retryable: boolean; retryAfterMs?: number }) {
    super(`WeCom ${init.path} failed: errcode ${init.errcode} (${init.errmsg})`);
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.path = init.path;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The request did not produce a WeCom JSON answer: connection failure, timeout, HTTP 5xx, or a non-JSON body. */
export class WeComNetworkError extends Error {
  override readonly name = 'WeComNetworkError';
  readonly path: string;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  /** System error code of the underlying failure (ECONNREFUSED, UND_ERR_SOCKET, TimeoutError ...), if any. */
  readonly code: string | undefined;

  constructor(init: { path: string; detail: string; retryable?: boolean; httpStatus?: number; code?: string }) {
    super(`WeCom ${init.path} unreachable: ${init.detail}`);
    this.path = init.path;
    this.retryable = init.retryable ?? true;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
  }
}

export function isRetryableWeComError(err: unknown): boolean {
  return (err instanceof WeComApiError || err instanceof WeComNetworkError) && err.retryable;
}

/** The caller aborted the request (the bot is stopping); whether WeCom got it is unknown. */
export class WeComAbortedError extends Error {
  override readonly name = 'WeComAbortedError';
  constructor(readonly path: string) {
    super(`WeCom ${path} aborted`);
  }
}
