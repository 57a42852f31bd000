import type Router from '@koa/router';
import type { Db } from '../../db/transaction.ts';
import { listUnparsed } from '../../db/inbox.ts';

/**
 * GET /api/inbox/unparsed (bearer ADMIN_TOKEN): validly signed callbacks whose content could not be read,
 * newest first (up to 100), each with its raw decrypted XML and why it was not read. They were
 * answered 200 and are never worked; the operator decides what they were.
 */
export function registerInboxApi(router: Router, deps: { db: Db }): void {
  router.get('/api/inbox/unparsed', async (ctx) => {
    const rows = await listUnparsed(deps.db);
    ctx.body = { callbacks: rows.map((r) => ({ key: r.key, fromUser: r.fromUser, receivedAt: r.receivedAt.toISOString(), reason: r.reason, raw: r.raw })) };
  });
}
