import type Router from '@koa/router';
import { periodOf } from '../../domain/evaluation/period.ts';
import { reportLinkSecret } from '../../db/link-secret.ts';
import { departmentNames } from '../../db/org-repository.ts';
import type { Db } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { verifyLink } from '../../shared/signed-link.ts';
import { renderBulletinHtml } from '../../messages/pages/bulletin-page-html.ts';
import { REPORT_LINK_PAGES } from '../../messages/pages/report-link-pages.ts';
import { buildEvaluationWorkbook } from '../../messages/reports/evaluation-workbook.ts';
import { bulletinView } from '../../use-cases/monthly-bulletin.ts';
import { evaluationOf } from '../../use-cases/run-evaluation.ts';
import { queryParam } from './query-params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /reports/…: the reports that chat messages link to (考评, 通报), opened by the signed link
 * itself instead of the admin token. A link that was changed or made up is refused; an old one says
 * how to get a new one.
 */
export function registerReportPages(router: Router, deps: { db: Db; clock: Clock; calendar: WorkCalendar }): void {
  router.get('/reports/evaluations/:file', async (ctx) => {
    const file = ctx.params.file ?? '';
    const period = file.endsWith('.xlsx') ? periodOf(file.slice(0, -'.xlsx'.length)) : undefined;
    const check = verifyLink(await reportLinkSecret(deps.db), ctx.path, queryParam(ctx.query, 'exp'), queryParam(ctx.query, 'sig'), deps.clock.now());
    if (!period || check !== 'ok') {
      ctx.status = check === 'expired' ? 410 : 403;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = check === 'expired' ? REPORT_LINK_PAGES.expired : REPORT_LINK_PAGES.invalid;
      return;
    }
    const view = await evaluationOf(deps.db, period);
    ctx.type = XLSX;
    ctx.set('content-disposition', `attachment; filename="evaluation-${period.key}.xlsx"`);
    ctx.body = await buildEvaluationWorkbook(view, await departmentNames(deps.db));
  });

  router.get('/reports/bulletins/:file', async (ctx) => {
    const file = ctx.params.file ?? '';
    const period = file.endsWith('.html') ? periodOf(file.slice(0, -'.html'.length)) : undefined;
    const check = verifyLink(await reportLinkSecret(deps.db), ctx.path, queryParam(ctx.query, 'exp'), queryParam(ctx.query, 'sig'), deps.clock.now());
    ctx.type = 'text/html; charset=utf-8';
    if (!period || period.kind !== 'month' || check !== 'ok') {
      ctx.status = check === 'expired' ? 410 : 403;
      ctx.body = check === 'expired' ? REPORT_LINK_PAGES.expired : REPORT_LINK_PAGES.invalid;
      return;
    }
    const view = await bulletinView(deps.db, period, deps.clock.now(), deps.calendar);
    ctx.body = renderBulletinHtml(view.bulletin, view.unit, view.names, view.departments, deps.clock.now());
  });
}
