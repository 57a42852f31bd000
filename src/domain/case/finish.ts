import { isAllowed, type CaseRole } from './authorization.ts';
import { isActive, type CaseEventRecord, type CaseRecord } from './case.ts';

export type Refusal = { code: 'not_allowed'; action: string } | { code: 'wrong_status'; status: string } | { code: string; [k: string]: unknown };

export type Decision<P> = { ok: true; patch: P; event: CaseEventRecord } | { ok: false; reasons: Refusal[] };

/** 办结: the handler (or whoever covers the handler) finishes an active case with its result. */
export function decideFinish(c: CaseRecord, actor: string, roles: ReadonlySet<CaseRole>, result: string, now: Date): Decision<Partial<CaseRecord>> {
  const reasons: Refusal[] = [];
  if (!isAllowed('finish', roles)) reasons.push({ code: 'not_allowed', action: 'finish' });
  if (!isActive(c.status) || c.status === 'REFUSAL_PENDING' || c.status === 'ESCALATED') {
    reasons.push({ code: 'wrong_status', status: c.status });
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    patch: { status: 'DONE', closedAt: now, result, pausedAt: null },
    event: { at: now, actor, action: 'finished', detail: { result, onTime: c.dueAt === null || now <= c.dueAt } },
  };
}
