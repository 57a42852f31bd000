import { resolveRoles } from '../../../src/domain/case/authorization.ts';
import type { CaseRecord } from '../../../src/domain/case/case.ts';
import type { TransitionContext } from '../../../src/domain/case/decision.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';

/** A review case logged by lihua on Tuesday 2026-12-01 09:30, due end of Wednesday. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    no: 12,
    status: 'OPEN',
    cls: 'review',
    channel: 'in_person',
    applicant: '张三',
    phone: null,
    matter: '科普项目申报',
    serviceCode: 'KP-01',
    department: 'kpb',
    firstResponder: 'lihua',
    handler: 'lihua',
    receivedAt: new Date('2026-12-01T09:30:00+08:00'),
    dueAt: new Date('2026-12-02T23:59:59.999+08:00'),
    dueProvisional: false,
    pausedAt: null,
    closedAt: null,
    result: null,
    urgent: false,
    version: 0,
    ...overrides,
  };
}

export function ctxFor(
  c: CaseRecord,
  actor: string,
  now: Date,
  calendar: WorkCalendar,
  facts: { coveringFor?: string | null; leader?: string | null; principal?: string | null } = {},
): TransitionContext {
  const roles = resolveRoles({
    actor,
    handler: c.handler,
    firstResponder: c.firstResponder,
    coveringFor: facts.coveringFor ?? null,
    isStaff: true,
    leader: facts.leader ?? null,
    principal: facts.principal ?? 'zhangwei',
  });
  return { actor, roles, now, calendar };
}
