import type { Db } from '../../db/transaction.ts';
import type { AccountabilityKind } from '../../domain/accountability/accountability-record.ts';
import type Router from '@koa/router';
import { ACCOUNTABILITY_KINDS, isAccountabilityKind, listAccountability } from '../../db/list-accountability.ts';
import { badRequest, pageParams, parseInstantParam, queryParam } from './query-params.ts';

/** GET /api/accountability?kind=&from=&to=&limit=&after= (bearer ADMIN_TOKEN): R8 records for the office, by number, in pages. */
export function registerAccountabilityApi(router: Router, deps: { db: Db }): void {
  router.get('/api/accountability', async (ctx) => {
    const problems: string[] = [];
    const kindText = queryParam(ctx.query, 'kind');
    const fromText = queryParam(ctx.query, 'from');
    const toText = queryParam(ctx.query, 'to');
    let kind: AccountabilityKind | undefined;
    if (kindText !== undefined) {
      if (isAccountabilityKind(kindText)) kind = kindText;
      else problems.push(`kind must be one of ${ACCOUNTABILITY_KINDS.join(', ')}`);
    }
    const from = fromText === undefined ? undefined : parseInstantParam(fromText, 'start');
    const to = toText === undefined ? undefined : parseInstantParam(toText, 'end');
    if (fromText !== undefined && !from) problems.push('from must be a date (2026-12-01) or an ISO 8601 instant');
    if (toText !== undefined && !to) problems.push('to must be a date (2026-12-01) or an ISO 8601 instant');
    if (from && to && from > to) problems.push('from must not be after to');
    const page = pageParams(ctx.query, problems);
    if (problems.length > 0) return badRequest(ctx, problems);

    const { records, next } = await listAccountability(deps.db, { kind, from, to }, page);
    ctx.body = {
      next,
      records: records.map((r) => ({
        id: r.id,
        key: r.key,
        at: r.at.toISOString(),
        kind: r.kind,
        subject: r.subject,
        department: r.department,
        caseNo: r.caseNo,
        complaintId: r.complaintId,
        detail: r.detail,
        decision: r.decision,
        decidedBy: r.decidedBy,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decisionNote: r.decisionNote,
        person: r.person,
        notifiedAt: r.notifiedAt?.toISOString() ?? null,
        statementDueAt: r.statementDueAt?.toISOString() ?? null,
        statement: r.statement,
        statementAt: r.statementAt?.toISOString() ?? null,
      })),
    };
  });
}
