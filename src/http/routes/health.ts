import { databaseAnswers, type Db } from '../../db/transaction.ts';
import type Router from '@koa/router';

export function registerHealth(router: Router, db: Db): void {
  router.get('/healthz', async (ctx) => {
    if (await databaseAnswers(db)) {
      ctx.body = { ok: true };
    } else {
      ctx.status = 503;
      ctx.body = { ok: false };
    }
  });
}
