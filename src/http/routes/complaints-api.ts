import type { Db } from '../../db/transaction.ts';
import type { ComplaintStatus } from '../../domain/complaint/complaint.ts';
import type Router from '@koa/router';
import type { Clock } from '../../shared/clock.ts';
import { listComplaints } from '../../db/complaint-repository.ts';
import { badRequest, pageParams, queryParam } from './query-params.ts';

const STATUSES = ['open', 'answered', 'overdue'] as const;

/** GET /api/complaints?status=open|answered|overdue (bearer ADMIN_TOKEN): efficiency complaints (R2 §6, R8 §4). */
export function registerComplaintsApi(router: Router, deps: { db: Db; clock: Clock }): void {
  router.get('/api/complaints', async (ctx) => {
    const statusText = queryParam(ctx.query, 'status')?.toLowerCase();
    const status = STATUSES.find((s) => s === statusText);
    const problems: string[] = [];
    if (statusText !== undefined && !status) problems.push(`status must be one of ${STATUSES.join(', ')}`);
    const page = pageParams(ctx.query, problems);
    if (problems.length > 0) return badRequest(ctx, problems);
    const now = deps.clock.now();
    const filter =
      status === 'overdue' ? { overdueAt: now } : status ? { status: status.toUpperCase() as ComplaintStatus } : {};
    const { complaints, next } = await listComplaints(deps.db, filter, page);
    ctx.body = {
      next,
      complaints: complaints.map((c) => ({
        id: c.id,
        complainant: c.complainant,
        content: c.content,
        caseNo: c.caseNo,
        at: c.at.toISOString(),
        dueAt: c.dueAt.toISOString(),
        status: c.status,
        overdue: c.status === 'OPEN' && now > c.dueAt,
        answer: c.answer,
        answeredBy: c.answeredBy,
        answeredAt: c.answeredAt?.toISOString() ?? null,
        upheld: c.upheld,
        // Additive: where it came from; from the public page, whom it is about and how to reach the complainant.
        channel: c.channel,
        aboutDepartment: c.aboutDepartment,
        aboutPerson: c.aboutPerson,
        contactName: c.contactName,
        contactPhone: c.contactPhone,
      })),
    };
  });
}
