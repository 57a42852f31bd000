import type { Db } from '../../db/transaction.ts';
import { timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { Clock } from '../../shared/clock.ts';
import { isOverdue } from '../../domain/case/case.ts';
import { findCase, loadHistory } from '../../db/case-repository.ts';
import { caseLifecycleJson } from './case-lifecycle-json.ts';

/** Bearer ADMIN_TOKEN for /api/*; with no token configured every call is 401 (docs/CONTRACT.md). */
export function requireAdmin(adminToken: string | undefined) {
  const expected = adminToken ? Buffer.from(adminToken) : null;
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer');
      ctx.body = { error: 'unauthorized' };
      return;
    }
    await next();
  };
}

export function registerCasesApi(router: Router, deps: { db: Db; clock: Clock }): void {
  router.get('/api/cases/:no', async (ctx) => {
    const no = /^\d{1,10}$/.test(ctx.params.no ?? '') ? Number(ctx.params.no) : NaN;
    const c = Number.isNaN(no) ? null : await findCase(deps.db, no);
    if (!c) {
      ctx.status = 404;
      ctx.body = { error: 'not_found' };
      return;
    }
    const history = await loadHistory(deps.db, c.no);
    ctx.body = {
      no: c.no,
      status: c.status,
      overdue: isOverdue(c, deps.clock.now()),
      class: c.cls,
      channel: c.channel,
      applicant: c.applicant,
      phone: c.phone,
      matter: c.matter,
      service: c.serviceCode,
      department: c.department,
      handler: c.handler,
      firstResponder: c.firstResponder,
      receivedAt: c.receivedAt.toISOString(),
      dueAt: c.dueAt?.toISOString() ?? null,
      dueProvisional: c.dueProvisional,
      pausedAt: c.pausedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      result: c.result,
      urgent: c.urgent,
      ...(await caseLifecycleJson(deps.db, c.no)),
      history: history.map((e) => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, detail: e.detail })),
    };
  });
}
