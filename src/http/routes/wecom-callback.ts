import type Router from '@koa/router';
import type { Logger } from '../../shared/logger.ts';
import type { CallbackCryptoConfig } from '../../wecom/callback-crypto.ts';
import { verifyAndDecrypt } from '../../wecom/callback-crypto.ts';
import { parseEnvelopeXml, parseMessageXml } from '../../wecom/callback-xml.ts';
import { WeComCallbackError } from '../../wecom/errors.ts';
import { dedupeKeyOf } from '../../wecom/inbound-schema.ts';
import { BodyTooLargeError, readRawBody } from '../read-raw-body.ts';

export interface CallbackRouteDeps {
  crypto: CallbackCryptoConfig;
  /** Stores a message under its key; false when the key was there already (a WeCom retry). */
  store(row: { key: string; kind: string; fromUser: string; payload: unknown }): Promise<boolean>;
  log: Logger;
  /** Told about each newly stored message, after WeCom has its answer. */
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
  router.get('/wecom/callback', (ctx) => {
    const q = signedQuery(ctx.url);
    try {
      ctx.body = verifyAndDecrypt(deps.crypto, { ...q, encrypted: q.echostr });
      ctx.type = 'text/plain';
      deps.log.info({ callback: 'verify' }, 'callback url verified');
    } catch (err) {
      rejectCallback(ctx, deps.log, err);
    }
  });

  router.post('/wecom/callback', async (ctx) => {
    if (!deps.isAccepting()) {
      ctx.status = 503;
      ctx.body = '';
      return;
    }
    const q = signedQuery(ctx.url);
    let key: string;
    let fromUser: string;
    let inserted: boolean;
    try {
      const encrypted = parseEnvelopeXml(await readRawBody(ctx.req));
      const msg = parseMessageXml(verifyAndDecrypt(deps.crypto, { ...q, encrypted }));
      key = dedupeKeyOf(msg);
      fromUser = msg.fromUser;
      inserted = await deps.store({ key, kind: msg.kind, fromUser: msg.fromUser, payload: msg });
      deps.log.info({ callback: msg.kind, inboxKey: key, from: msg.fromUser, duplicate: !inserted }, 'callback stored');
    } catch (err) {
      rejectCallback(ctx, deps.log, err);
      return;
    }
    // An empty 200 tells WeCom not to retry; the reply goes out later through message/send.
    ctx.status = 200;
    ctx.body = '';
    if (inserted) setImmediate(() => deps.onStored(key, fromUser));
  });
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
