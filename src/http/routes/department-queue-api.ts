import type { Db } from '../../db/transaction.ts';
import type Router from '@koa/router';
import type { Clock } from '../../shared/clock.ts';
import { isOverdue } from '../../domain/case/case.ts';
import { departmentAllAway, listUncoveredCases } from '../../db/coverage-repository.ts';
import { findDepartmentByKey } from '../../db/org-repository.ts';

/**
 * GET /api/departments/:key/queue (bearer ADMIN_TOKEN): the department's return (R7 §6), its active
 * cases whose handler is away with nobody covering, to be followed up when someone is back.
 */
export function registerDepartmentQueueApi(router: Router, deps: { db: Db; clock: Clock }): void {
  router.get('/api/departments/:key/queue', async (ctx) => {
    const key = ctx.params.key ?? '';
    const dept = await findDepartmentByKey(deps.db, key);
    if (!dept) {
      ctx.status = 404;
      ctx.body = { error: 'not_found' };
      return;
    }
    const now = deps.clock.now();
    const cases = await listUncoveredCases(deps.db, key, now);
    ctx.body = {
      department: { key: dept.key, name: dept.name, head: dept.head },
      at: now.toISOString(),
      allAway: await departmentAllAway(deps.db, key, now),
      cases: cases.map((c) => ({
        no: c.no,
        status: c.status,
        class: c.cls,
        handler: c.handler,
        applicant: c.applicant,
        matter: c.matter,
        receivedAt: c.receivedAt.toISOString(),
        dueAt: c.dueAt?.toISOString() ?? null,
        overdue: isOverdue(c, now),
      })),
    };
  });
}
