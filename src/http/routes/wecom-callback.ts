import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Logger } from '../../shared/logger.ts';
import type { CallbackCryptoConfig } from '../../wecom/callback-crypto.ts';
import { verifyAndDecrypt } from '../../wecom/callback-crypto.ts';
import { parseEnvelopeXml, parseMessageXml } from '../../wecom/callback-xml.ts';
import { WeComCallbackError } from '../../wecom/errors.ts';
import { dedupeKeyOf, type InboundMessage } from '../../wecom/inbound-schema.ts';
import { BodyTooLargeError, readRawBody } from '../read-raw-body.ts';

export interface UnparsedCallback {
  key: string;
  fromUser: string;
  /** The decrypted XML, control characters shown as \u escapes (PostgreSQL refuses a NUL). */
  raw: string;
  reason: string;
}

export interface CallbackRouteDeps {
  /** Default /wecom/callback; the 通讯录 callback has its own URL, token and key. */
  path?: string;
  crypto: CallbackCryptoConfig;
  /**
   * The app's AgentID: a message that names another app is answered (so WeCom does not retry it) and
   * dropped. Omitted for the contacts callback, whose events carry no AgentID.
   */
  agentId?: number;
  /** Stores a message under its key; false when the key was there already (a WeCom retry). */
  store(row: { key: string; kind: string; fromUser: string; payload: unknown }): Promise<boolean>;
  /** Keeps a validly signed callback that could not be read, for the operator (never worked). */
  storeUnparsed(row: UnparsedCallback): Promise<boolean>;
  log: Logger;
  /** Told about each stored message (new or a redelivery), after WeCom has its answer. */
  onStored(key: string, fromUser: string): void;
  /** False while shutting down: new callbacks get 503 and WeCom delivers them again later. */
  isAccepting(): boolean;
}

/** Reads the query from the raw URL: cheaper than ctx.query on this hot path (docs/PERF-FLOORS.md). */
function signedQuery(url: string) {
  const q = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  return { msgSignature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '', echostr: q.get('echostr') ?? '' };
}

export function registerWeComCallback(router: Router, deps: CallbackRouteDeps): void {
  const path = deps.path ?? '/wecom/callback';
  router.get(path, (ctx) => {
    const q = signedQuery(ctx.url);
    try {
      ctx.body = verifyAndDecrypt(deps.crypto, { ...q, encrypted: q.echostr });
      ctx.type = 'text/plain';
      deps.log.info({ callback: 'verify', path }, 'callback url verified');
    } catch (err) {
      rejectCallback(ctx, deps.log, err);
    }
  });

  router.post(path, async (ctx) => {
    if (!deps.isAccepting()) {
      ctx.status = 503;
      ctx.body = '';
      return;
    }
    const q = signedQuery(ctx.url);
    let plain: string;
    try {
      const encrypted = parseEnvelopeXml(await readRawBody(ctx.req));
      plain = verifyAndDecrypt(deps.crypto, { ...q, encrypted });
    } catch (err) {
      rejectCallback(ctx, deps.log, err);
      return;
    }
    // From here on the callback is WeCom's (signed with our token): it is answered 200 whatever it
    // holds, since WeCom drops a callback after three failed deliveries and a retry reads no better.
    let msg: InboundMessage;
    try {
      msg = parseMessageXml(plain);
    } catch (err) {
      if (!(err instanceof WeComCallbackError)) throw err;
      const row = unparsedRow(plain, err.message);
      const inserted = await deps.storeUnparsed(row);
      deps.log.error({ callback: 'unparsed', inboxKey: row.key, from: row.fromUser, reason: row.reason, duplicate: !inserted }, 'a signed callback could not be read; stored raw for the operator (GET /api/inbox/unparsed)');
      ctx.status = 200;
      ctx.body = '';
      return;
    }
    // System events (sys_approval_change) carry the 审批 app's AgentID, not ours (91815).
    if (deps.agentId !== undefined && msg.fromUser !== 'sys' && 'agentId' in msg && msg.agentId !== undefined && msg.agentId !== deps.agentId) {
      deps.log.warn({ callback: msg.kind, agentId: msg.agentId, expected: deps.agentId, from: msg.fromUser }, 'callback for another app (AgentID); dropped');
      ctx.status = 200;
      ctx.body = '';
      return;
    }
    const key = dedupeKeyOf(msg);
    let inserted: boolean;
    try {
      inserted = await deps.store({ key, kind: msg.kind, fromUser: msg.fromUser, payload: msg });
    } catch (err) {
      // Not acknowledged: WeCom delivers it again, and the key makes that safe once the database is back.
      deps.log.error({ callback: msg.kind, inboxKey: key, err: (err as Error)?.message ?? String(err) }, 'callback could not be stored; WeCom will deliver it again');
      ctx.status = 503;
      ctx.body = '';
      return;
    }
    deps.log.info({ callback: msg.kind, inboxKey: key, from: msg.fromUser, duplicate: !inserted }, 'callback stored');
    // An empty 200 tells WeCom not to retry; the reply goes out later through message/send.
    ctx.status = 200;
    ctx.body = '';
    // A redelivery is worked too when its row is still unworked: the first store may have committed after
    // its answer was lost (the database went away), and nothing else would pick the row up before the
    // sweep. The worker's claim skips rows already worked, so a true duplicate costs one lookup.
    setImmediate(() => deps.onStored(key, msg.fromUser));
  });
}

const RAW_LIMIT = 64 * 1024;

function unparsedRow(plain: string, reason: string): UnparsedCallback {
  const from = /<FromUserName>\s*(?:<!\[CDATA\[)?([^<\]]{1,64})/u.exec(plain)?.[1] ?? '';
  return {
    key: `raw:${createHash('sha256').update(plain).digest('hex').slice(0, 32)}`,
    // eslint-disable-next-line no-control-regex -- showing control characters is the point
    fromUser: from.replace(/[\u0000-\u001f\u007f-\u009f]/gu, ''),
    // eslint-disable-next-line no-control-regex -- showing control characters is the point
    raw: plain.slice(0, RAW_LIMIT).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`),
    reason,
  };
}

function rejectCallback(ctx: { status: number; body: unknown }, log: Logger, err: unknown): void {
  if (err instanceof WeComCallbackError) {
    ctx.status = err.reason === 'bad_signature' ? 401 : 400;
    ctx.body = err.reason;
    log.warn({ callback: 'rejected', reason: err.reason }, 'callback rejected');
    return;
  }
  if (err instanceof BodyTooLargeError) {
    ctx.status = 413;
    ctx.body = 'too_large';
    return;
  }
  throw err;
}
