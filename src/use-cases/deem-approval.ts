import { SYSTEM_ACTOR, resolveRoles } from '../domain/case/authorization.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';
import { DEEMED_NOTICE, decideDeemApproval } from '../domain/case/deemed-approval.ts';
import { insertFollowUp } from '../db/follow-up-repository.ts';
import { recordAccountability } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { findActiveStaff, findDepartment, loadOffice, readOrgSettings, staffNames } from '../db/org-repository.ts';
import { findCurrentFiling, markFilingLapse, updateFiling } from '../db/refusal-filing-repository.ts';
import { renderRefusalUndecided } from '../messages/clock-replies.ts';
import { renderDeemedApprovalNotice } from '../messages/deemed-replies.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { recordOutcome, responsibleAt } from './record-outcome.ts';

export type DeemResult = { kind: 'deemed'; case: CaseRecord } | { kind: 'not_found'; caseNo: number } | { kind: 'skipped'; case: CaseRecord; reasons: Reason[] };

/**
 * R3 §5: a request for instructions (请示) not answered by its deadline is deemed approved, recorded as
 * such (never as an approval), and the handling department is accountable. For the scheduler: safe to
 * call for any case at any time, as often as it likes; only a due, running, open 请示 case changes.
 */
export async function deemApproveIfDue(ctx: Pick<UseCaseContext, 'tx' | 'send' | 'calendar'>, caseNo: number, now: Date): Promise<DeemResult> {
  const c = await findCase(ctx.tx, caseNo);
  if (!c) return { kind: 'not_found', caseNo };
  const roles = resolveRoles({ actor: SYSTEM_ACTOR, handler: c.handler, firstResponder: c.firstResponder, coveringFor: null, isStaff: false });
  const d = decideDeemApproval(c, { actor: SYSTEM_ACTOR, roles, now, calendar: ctx.calendar });
  if (!d.ok) return { kind: 'skipped', case: c, reasons: d.reasons };
  const after = await commitTransition(ctx.tx, c, d);
  // R3 §5: the applicant is still owed a written answer; the handler gets it as a follow-up with a reminder.
  await insertFollowUp(ctx.tx, { caseNo: c.no, kind: DEEMED_NOTICE, dueAt: d.noticeDueAt, at: now });

  // A refusal still waiting for a leader is overtaken by the deadline: the unit did not answer in time.
  const filing = await findCurrentFiling(ctx.tx, c.no);
  if (filing && (filing.status === 'pending' || filing.status === 'escalated')) {
    await updateFiling(ctx.tx, filing, { status: 'lapsed', decidedBy: SYSTEM_ACTOR, decidedAt: now });
    // 否定报备 §4: whoever was to decide let the deadline pass; recorded against them, and the principal hears of it.
    const decider = filing.status === 'escalated' ? (filing.escalatedTo ?? filing.leader) : filing.leader;
    const recorded = await recordAccountability(ctx.tx, {
      key: `refusal_undecided:${filing.id}`,
      at: now,
      kind: 'refusal_undecided',
      subject: decider,
      department: c.department,
      person: decider,
      caseNo: c.no,
      detail: { filingId: filing.id, filedAt: filing.createdAt.toISOString(), filer: filing.filer, caseDueAt: c.dueAt?.toISOString() ?? null, status: filing.status, deemedApproved: true },
    });
    await markFilingLapse(ctx.tx, filing.id, { undecidedAt: now });
    const { principal } = await readOrgSettings(ctx.tx);
    if (recorded && principal && c.dueAt) {
      const who = await staffNames(ctx.tx, [filing.filer, decider]);
      const info = { caseNo: c.no, filer: filing.filer, leader: filing.leader, reason: filing.reason, createdAt: filing.createdAt, applicant: c.applicant };
      ctx.send({ key: `refusal-undecided:${filing.id}:${principal}`, toUser: principal, kind: 'text', payload: { content: renderRefusalUndecided(info, decider, c.dueAt, who, now, true) } });
    }
  }
  // The unit is accountable (R3 §5); whoever was to act at the deadline is the person concerned.
  const responsible = await responsibleAt(ctx.tx, c.handler, c.dueAt ?? now);
  await recordAccountability(ctx.tx, {
    key: `deemed_approval:${c.no}`,
    at: now,
    kind: 'deemed_approval',
    subject: d.accountable,
    department: d.accountable,
    person: responsible.person,
    caseNo: c.no,
    detail: { dueAt: c.dueAt?.toISOString() ?? null, handler: c.handler, coveredFor: responsible.coveredFor },
  });
  const acted = { userid: responsible.person, department: (await findActiveStaff(ctx.tx, responsible.person))?.department ?? c.department, coveredFor: responsible.coveredFor };
  await recordOutcome({ tx: ctx.tx, now, calendar: ctx.calendar }, after, { kind: 'deemed_approved', acted });

  const dept = await findDepartment(ctx.tx, c.department);
  const office = await loadOffice(ctx.tx);
  const people = [...new Set([c.handler, dept?.head, office?.head].filter((u): u is string => typeof u === 'string'))];
  const names = await staffNames(ctx.tx, [c.handler]);
  const text = renderDeemedApprovalNotice(after, dept?.name ?? c.department, names, now);
  const toHandler = renderDeemedApprovalNotice(after, dept?.name ?? c.department, names, now, d.noticeDueAt);
  for (const u of people) ctx.send({ key: `deemed:${c.no}:${u}`, toUser: u, kind: 'text', payload: { content: u === c.handler ? toHandler : text } });
  return { kind: 'deemed', case: after };
}
