import type Router from '@koa/router';
import { periodOf } from '../../domain/evaluation/period.ts';
import type { Db } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { renderBulletinHtml } from '../../messages/pages/bulletin-page-html.ts';
import { bulletinView } from '../../use-cases/monthly-bulletin.ts';
import { badRequest } from './query-params.ts';

/** GET /api/bulletins/:yyyy-mm (bearer ADMIN_TOKEN): the month's 效能通报 as JSON; `.html` the printable page. */
export function registerBulletinsApi(router: Router, deps: { db: Db; clock: Clock; calendar: WorkCalendar }): void {
  router.get('/api/bulletins/:month', async (ctx) => {
    const raw = ctx.params.month ?? '';
    const asPage = raw.endsWith('.html');
    const period = periodOf(asPage ? raw.slice(0, -'.html'.length) : raw);
    if (!period || period.kind !== 'month') return badRequest(ctx, ['month must be written 2026-12']);
    const view = await bulletinView(deps.db, period, deps.clock.now(), deps.calendar);
    if (!asPage) {
      ctx.body = view.bulletin;
      return;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderBulletinHtml(view.bulletin, view.unit, view.names, view.departments, deps.clock.now());
  });
}
