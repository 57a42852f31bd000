import { databaseAnswers, type Db } from '../../db/transaction.ts';
import type Router from '@koa/router';
import type { WeComHealth } from '../../workers/outbox-dispatcher.ts';

/**
 * 200 whenever the database answers, also while WeCom refuses sends: callbacks are still accepted and
 * stored, and `wecom` says why nothing goes out (docs/CONTRACT.md §1).
 */
export function registerHealth(router: Router, db: Db, wecom: () => WeComHealth = () => ({ ok: true })): void {
  router.get('/healthz', async (ctx) => {
    if (await databaseAnswers(db)) {
      ctx.body = { ok: true, wecom: wecom() };
    } else {
      ctx.status = 503;
      ctx.body = { ok: false, wecom: wecom() };
    }
  });
}
