import type Router from '@koa/router';
import { periodOf } from '../../domain/evaluation/period.ts';
import { departmentNames } from '../../db/org-repository.ts';
import type { Db } from '../../db/transaction.ts';
import { buildEvaluationWorkbook } from '../../messages/reports/evaluation-workbook.ts';
import { evaluationOf } from '../../use-cases/run-evaluation.ts';
import { badRequest } from './query-params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /api/evaluations/:period (bearer ADMIN_TOKEN; period 2026, 2026-H1, 2026-H2, 2026-12): the
 * evaluation as JSON; with `.xlsx` the same as a workbook (sheets 部室, 个人, 扣分明细).
 */
export function registerEvaluationsApi(router: Router, deps: { db: Db }): void {
  router.get('/api/evaluations/:period', async (ctx) => {
    const raw = ctx.params.period ?? '';
    const asWorkbook = raw.endsWith('.xlsx');
    const period = periodOf(asWorkbook ? raw.slice(0, -'.xlsx'.length) : raw);
    if (!period) return badRequest(ctx, ['period must be a year (2026), a half year (2026-H1, 2026-H2) or a month (2026-12)']);
    const view = await evaluationOf(deps.db, period);
    if (!asWorkbook) {
      ctx.body = view;
      return;
    }
    ctx.type = XLSX;
    ctx.set('content-disposition', `attachment; filename="evaluation-${period.key}.xlsx"`);
    ctx.body = await buildEvaluationWorkbook(view, await departmentNames(deps.db));
  });
}
