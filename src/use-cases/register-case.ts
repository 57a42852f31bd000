import { serviceLimitDays, type ServiceInfo } from '../domain/org/org-records.ts';
import type { Channel, CaseRecord } from '../domain/case/case.ts';
import { dueFrom } from '../domain/case/due.ts';
import { decideFinish } from '../domain/case/finish.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import { appendEvent, insertCase } from '../db/case-repository.ts';
import { listServices } from '../db/org-repository.ts';
import { matchService } from '../domain/services/match-service.ts';
import { isStaff } from '../domain/org/actor.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import { recordOutcome } from './record-outcome.ts';
import type { UseCaseContext } from './context.ts';

export interface RegisterInput {
  /** Absent when none was typed: 来人, or 内部交办 for an internal matter (it comes from within the unit). */
  channel?: Channel;
  category: { kind: 'class'; cls: TimeLimitClass } | { kind: 'service'; ref: string };
  applicant: string;
  phone?: string;
  matter: string;
  internalDueAt?: Date;
  /** Answered on the spot (即答): the case is finished with this answer in the same step. */
  answeredAtOnce?: string;
}

export type RegisterResult =
  | { kind: 'registered'; case: CaseRecord; service: ServiceInfo | null; repeated: boolean; answeredAtOnce: boolean }
  | { kind: 'unknown_service'; ref: string; suggestions: string[] };

/**
 * 登记: a new case; the sender is its first-responsible person (R4) and, by default, its handler.
 * With 即答 the case is also finished at once (限时办结制 §2: consultations are answered on the spot).
 */
export async function registerCase(ctx: UseCaseContext, input: RegisterInput): Promise<RegisterResult> {
  // The command is for staff only; the case belongs to the department of whoever takes it first (R4).
  if (!isStaff(ctx.actor)) throw new Error(`registerCase: ${ctx.actor.userid} is not active staff`);
  const department = ctx.actor.department;
  let service: ServiceInfo | null = null;
  let cls: TimeLimitClass;
  if (input.category.kind === 'service') {
    // As 指南 finds it (R2): by code, by name, or by the one name it is part of; never a guess.
    const all = await listServices(ctx.tx);
    const match = matchService(all, input.category.ref);
    if (match.kind !== 'one') {
      const suggestions = match.kind === 'none' ? suggestServices(all, input.category.ref) : match.services.map((x) => `${x.code} ${x.name}`);
      return { kind: 'unknown_service', ref: input.category.ref, suggestions };
    }
    service = match.service;
    cls = service.cls;
  } else {
    cls = input.category.cls;
  }

  const due = dueFrom(cls, serviceLimitDays(service), ctx.now, ctx.calendar, input.internalDueAt);
  const channel: Channel = input.channel ?? (cls === 'internal' ? 'internal' : 'in_person');
  const { record, created } = await insertCase(ctx.tx, {
    status: 'OPEN',
    cls,
    channel,
    applicant: input.applicant,
    phone: input.phone ?? null,
    matter: input.matter,
    serviceCode: service?.code ?? null,
    department,
    firstResponder: ctx.actor.userid,
    handler: ctx.actor.userid,
    receivedAt: ctx.now,
    dueAt: due.dueAt,
    dueProvisional: due.provisional,
    sourceKey: ctx.sourceKey,
  });
  if (created) {
    await appendEvent(ctx.tx, record.no, {
      at: ctx.now,
      actor: ctx.actor.userid,
      action: 'registered',
      detail: {
        class: cls,
        channel,
        service: service?.code ?? null,
        dueAt: due.dueAt?.toISOString() ?? null,
        provisional: due.provisional,
        calendar: ctx.calendar.version,
      },
    });
  }
  if (!created || input.answeredAtOnce === undefined) return { kind: 'registered', case: record, service, repeated: !created, answeredAtOnce: false };
  // 即答: finished at once by whoever took it, through the same rule as 办结.
  const finish = decideFinish(record, { result: input.answeredAtOnce, immediate: true }, await transitionContextFor(ctx, record));
  if (!finish.ok) throw new Error(`case #${record.no} was registered but could not be finished at once: ${finish.reasons.map((r) => r.code).join(', ')}`);
  const after = await commitTransition(ctx.tx, record, finish);
  await recordOutcome(ctx, after, { kind: 'done', acted: { userid: ctx.actor.userid, department, coveredFor: null }, immediate: true });
  return { kind: 'registered', case: after, service, repeated: false, answeredAtOnce: true };
}

function suggestServices(all: ServiceInfo[], ref: string): string[] {
  const chars = new Set(ref);
  return all
    .map((s) => ({ s, score: [...new Set(s.name)].filter((ch) => chars.has(ch)).length }))
    .filter((x) => x.score >= 2)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => `${x.s.code} ${x.s.name}`);
}
