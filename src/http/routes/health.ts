import type { Db } from '../../db/transaction.ts';
import type Router from '@koa/router';

export function registerHealth(router: Router, db: Db): void {
  router.get('/healthz', async (ctx) => {
    try {
      await db.$queryRaw`SELECT 1`;
      ctx.body = { ok: true };
    } catch {
      ctx.status = 503;
      ctx.body = { ok: false };
    }
  });
}
