import { z } from 'zod';
import { WeComAbortedError, WeComApiError, WeComNetworkError } from './errors.ts';
import { createTokenCache } from './token-cache.ts';

/** The subset of a pino logger the client uses. */
export interface WeComApiLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface WeComApiClientOptions {
  baseUrl: string;
  corpId: string;
  secret: string;
  agentId: number;
  fetch?: typeof fetch;
  log?: WeComApiLogger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In-client retries of transient failures (-1, 45033, network, HTTP 5xx). Default 3. */
  maxRetries?: number;
  /** First back-off delay; doubles each retry. Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Jitter source in [0, 1), so concurrent callers do not retry in lockstep. Default Math.random. */
  random?: () => number;
  /** Per-request timeout. Default 10 s (WeCom answers in well under a second). */
  timeoutMs?: number;
}

export interface SendResult {
  msgid: string;
  /** Present for interactive template cards: one update_template_card call for all recipients. */
  responseCode?: string;
  /** Recipients WeCom rejected (lower-cased by WeCom); the others got the message. */
  invalidUsers: string[];
}

export interface UpdateTemplateCardInput {
  userids: string[];
  responseCode: string;
  /** Replace the whole card ... */
  card?: object;
  /** ... or turn its buttons into one disabled button with this text. Exactly one of the two. */
  replaceName?: string;
}

export interface SendOptions {
  /** Aborts the request (a stopping bot leaves the send to the next start). */
  signal?: AbortSignal;
  /**
   * A retry of a send whose answer may have been lost: WeCom drops the message if the same one went to
   * the same person within this many seconds (enable_duplicate_check, at most 4 hours; 90236).
   */
  duplicateCheckIntervalSec?: number;
}

export interface WeComApiClient {
  sendText(touser: string[], content: string, options?: SendOptions): Promise<SendResult>;
  sendMarkdown(touser: string[], content: string, options?: SendOptions): Promise<SendResult>;
  sendTemplateCard(touser: string[], card: object, options?: SendOptions): Promise<SendResult>;
  updateTemplateCard(input: UpdateTemplateCardInput, options?: SendOptions): Promise<{ invalidUsers: string[] }>;
  /** menu/create for this app (docs/PROTOCOL.md §8.1): replaces the whole menu. */
  createMenu(menu: object): Promise<void>;
  /** Any API call with the access token added; resolves with the JSON body when errcode is 0, else throws. */
  call<T extends object = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown, options?: SendOptions): Promise<T>;
}

/** enable_duplicate_check's interval is at most 4 hours (90236). */
export const MAX_DUPLICATE_CHECK_SEC = 4 * 3600;

const TOKEN_ERRCODES = new Set([40014, 42001, 40082, 42009]);
const TRANSIENT_ERRCODES = new Set([-1, 45033]);
const RATE_LIMITED = 45009;
/** Shorter than the outbox's probe interval, so a probe after the fix finds a fresh gettoken. */
const GETTOKEN_REFUSED_HOLD_MS = 50_000;
// Minute limits block for 60 s; the caller (outbox) reschedules rather than holding a worker that long.
const RATE_LIMIT_RETRY_AFTER_MS = 60_000;

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const sendResponse = z.object({
  msgid: z.union([z.string(), z.number()]).transform(String).optional(),
  response_code: z.string().optional(),
  // "a|b" in message/send's answer; the update answers are not documented and the older task-card
  // update listed them as an array (docs/PROTOCOL.md §7): both are read.
  invaliduser: z.union([z.string(), z.array(z.string())]).optional(),
});

export function createWeComApiClient(options: WeComApiClientOptions): WeComApiClient {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const baseDelay = options.retryBaseDelayMs ?? 200;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  /**
   * One request: returns the JSON body (any errcode), throws WeComNetworkError when there is none. A GET
   * changes nothing, so when a kept-alive connection the server had already closed is reset (ECONNRESET,
   * before any answer) it is asked once more at once: that spares the outbox a back-off (a reminder due
   * at 09:00 would otherwise wait for the next tick). A POST is never repeated here (it could send twice).
   */
  async function request(method: 'GET' | 'POST', path: string, query: Record<string, string>, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    try {
      return await exchange(method, path, query, body, signal);
    } catch (err) {
      if (method === 'GET' && err instanceof WeComNetworkError && err.code === 'ECONNRESET') return exchange(method, path, query, body, signal);
      throw err;
    }
  }

  /** One HTTP exchange. */
  async function exchange(method: 'GET' | 'POST', path: string, query: Record<string, string>, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const url = new URL(baseUrl + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const logPath = url.pathname;
    const started = now();
    const timeout = AbortSignal.timeout(timeoutMs);
    const init: RequestInit = { method, signal: signal ? AbortSignal.any([signal, timeout]) : timeout };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }

    let status: number;
    let text: string;
    try {
      const res = await fetchFn(url, init);
      status = res.status;
      text = await res.text();
    } catch (err) {
      if (signal?.aborted) throw new WeComAbortedError(logPath);
      const code = errorCode(err);
      options.log?.warn({ path: logPath, method, error: code, ms: now() - started }, 'wecom api call failed');
      throw new WeComNetworkError({ path: logPath, detail: code, code });
    }

    if (status < 200 || status >= 300) {
      options.log?.warn({ path: logPath, method, status, ms: now() - started }, 'wecom api http error');
      throw new WeComNetworkError({
        path: logPath,
        detail: `HTTP ${status}`,
        httpStatus: status,
        retryable: status >= 500 || status === 429,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      options.log?.warn({ path: logPath, method, status, ms: now() - started }, 'wecom api answered non-JSON');
      throw new WeComNetworkError({ path: logPath, detail: 'answer is not a JSON object', httpStatus: status });
    }
    const result = json as Record<string, unknown>;
    options.log?.info({ path: logPath, method, errcode: errcodeOf(result), ms: now() - started }, 'wecom api call');
    return result;
  }

  const tokens = createTokenCache({
    now,
    // A refused gettoken is not asked again at once: WeCom blocks an IP after repeated bad secrets (90313).
    failureHoldMs: (err) => (err instanceof WeComApiError && !TRANSIENT_ERRCODES.has(err.errcode) ? GETTOKEN_REFUSED_HOLD_MS : 0),
    async fetchToken() {
      const path = '/cgi-bin/gettoken';
      const query = { corpid: options.corpId, corpsecret: options.secret };
      const res = await request('GET', path, query, undefined);
      const errcode = errcodeOf(res);
      if (errcode !== 0) throw apiError(errcode, res, path);
      const parsed = tokenResponse.safeParse(res);
      if (!parsed.success) throw new WeComNetworkError({ path, detail: 'gettoken answer lacks access_token/expires_in', retryable: false });
      return { token: parsed.data.access_token, expiresInSec: parsed.data.expires_in };
    },
  });

  async function call<T extends object = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown, opts?: SendOptions): Promise<T> {
    const pathOnly = path.split('?')[0] ?? path;
    const [, search = ''] = path.split('?', 2);
    const extraQuery = Object.fromEntries(new URLSearchParams(search));
    let refreshedToken = false;
    for (let attempt = 0; ; attempt++) {
      try {
        // The token fetch is shared by every caller, so a stopping caller stops waiting for it rather than aborting it.
        const token = await abortable(tokens.get(), opts?.signal, pathOnly);
        const res = await request(method, pathOnly, { ...extraQuery, access_token: token }, body, opts?.signal);
        const errcode = errcodeOf(res);
        if (errcode === 0) return res as T;
        if (TOKEN_ERRCODES.has(errcode)) {
          tokens.invalidate(token);
          // WeCom may revoke a token early: one fresh token, one more try; this does not count as a retry.
          if (!refreshedToken) {
            refreshedToken = true;
            attempt--;
            continue;
          }
        }
        throw apiError(errcode, res, pathOnly);
      } catch (err) {
        if (!retryableInClient(err) || attempt >= maxRetries) throw err;
        await sleep(backoffMs(attempt));
      }
    }
  }

  function backoffMs(attempt: number): number {
    const exp = baseDelay * 2 ** attempt;
    return Math.round(exp / 2 + (exp / 2) * random());
  }

  async function send(touser: string[], message: Record<string, unknown>, opts?: SendOptions): Promise<SendResult> {
    if (touser.length === 0 || touser.length > 1000) throw new RangeError('touser must list 1..1000 userids');
    const body: Record<string, unknown> = { touser: touser.join('|'), agentid: options.agentId, ...message };
    if (opts?.duplicateCheckIntervalSec !== undefined) {
      body['enable_duplicate_check'] = 1;
      body['duplicate_check_interval'] = Math.max(1, Math.min(MAX_DUPLICATE_CHECK_SEC, Math.round(opts.duplicateCheckIntervalSec)));
    }
    const res = await call('POST', '/cgi-bin/message/send', body, opts);
    const parsed = sendResponse.parse(res);
    const result: SendResult = { msgid: parsed.msgid ?? '', invalidUsers: splitIds(parsed.invaliduser) };
    if (parsed.response_code) result.responseCode = parsed.response_code;
    return result;
  }

  return {
    call,
    sendText: (touser, content, opts) => send(touser, { msgtype: 'text', text: { content } }, opts),
    sendMarkdown: (touser, content, opts) => send(touser, { msgtype: 'markdown', markdown: { content } }, opts),
    sendTemplateCard: (touser, card, opts) => send(touser, { msgtype: 'template_card', template_card: card }, opts),
    async createMenu(menu) {
      await call('POST', `/cgi-bin/menu/create?agentid=${options.agentId}`, menu);
    },
    async updateTemplateCard(input, opts) {
      if ((input.card === undefined) === (input.replaceName === undefined)) {
        throw new TypeError('updateTemplateCard needs exactly one of card or replaceName');
      }
      const body: Record<string, unknown> = { userids: input.userids, agentid: options.agentId, response_code: input.responseCode };
      if (input.card !== undefined) body['template_card'] = input.card;
      else body['button'] = { replace_name: input.replaceName };
      const res = await call('POST', '/cgi-bin/message/update_template_card', body, opts);
      return { invalidUsers: splitIds(sendResponse.parse(res).invaliduser) };
    },
  };
}

/** docs/PROTOCOL.md §10: which errcodes are worth another try, and when. */
export function classifyErrcode(errcode: number): { retryable: boolean; retryAfterMs?: number } {
  if (TRANSIENT_ERRCODES.has(errcode)) return { retryable: true };
  if (errcode === RATE_LIMITED) return { retryable: true, retryAfterMs: RATE_LIMIT_RETRY_AFTER_MS };
  // A token error that survived a refresh: a later attempt gets another fresh token.
  if (TOKEN_ERRCODES.has(errcode)) return { retryable: true };
  // Config errors (40001, 40013, 40056, 40091, 41001, 48002, 60011, 60020), payload errors (44004, 45002,
  // 81013, 42014-42022) and unknown codes: retrying the same request would fail the same way or send twice.
  return { retryable: false };
}

function apiError(errcode: number, res: Record<string, unknown>, path: string): WeComApiError {
  const errmsg = typeof res['errmsg'] === 'string' ? res['errmsg'] : '';
  return new WeComApiError({ errcode, errmsg, path, ...classifyErrcode(errcode) });
}

function retryableInClient(err: unknown): boolean {
  if (err instanceof WeComAbortedError) return false;
  if (err instanceof WeComNetworkError) return err.retryable;
  // 45009 is retryable later, not now: its window is a minute or more.
  if (err instanceof WeComApiError) return TRANSIENT_ERRCODES.has(err.errcode);
  return false;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, path: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new WeComAbortedError(path));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new WeComAbortedError(path));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

function errcodeOf(res: Record<string, unknown>): number {
  return typeof res['errcode'] === 'number' ? res['errcode'] : 0;
}

function splitIds(list: string | string[] | undefined): string[] {
  const ids = Array.isArray(list) ? list : (list ?? '').split('|');
  return ids.filter((id) => id.length > 0);
}

// Only a code, never the error message: fetch errors can quote the URL, which carries the token.
function errorCode(err: unknown): string {
  const candidates = [err, err instanceof Error ? err.cause : undefined];
  for (const c of candidates) {
    if (typeof c === 'object' && c !== null) {
      const code = (c as { code?: unknown }).code;
      if (typeof code === 'string') return code;
    }
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return err.name;
  return err instanceof Error ? err.name : 'unknown';
}
