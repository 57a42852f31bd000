/** 限时办结制 §5 (R3): a request for instructions left unanswered past its time is deemed approved. */
import { chinaDateOf, endOfChinaDay } from '../calendar/china-time.ts';
import { addWorkingDays } from '../calendar/deadline.ts';
import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type TransitionContext } from './decision.ts';

/**
 * After a deemed approval the applicant is told in writing (the regulation sets no time; the unit
 * answers by the end of the second working day after the deadline, leaving a day for the reminder).
 */
export const DEEMED_NOTICE_WORKING_DAYS = 2;

/** The follow-up a deemed approval leaves: the written answer to the applicant. */
export const DEEMED_NOTICE = 'deemed_notice';

/** A follow-up a closed case still owes (CaseFollowUp). */
export interface FollowUpRecord {
  id: number;
  caseNo: number;
  kind: string;
  dueAt: Date;
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}

/**
 * Recorded as `deemed_approved`, never as an approval; the handling department is accountable.
 * Not due means: another class, no deadline, the clock paused, or the deadline not yet passed.
 */
export function decideDeemApproval(c: CaseRecord, t: TransitionContext): Decision<{ accountable: string; noticeDueAt: Date }> {
  const reasons = gate('deemApprove', c, t);
  if (c.cls !== 'instruction') reasons.push({ code: 'not_instruction' });
  const due = c.dueAt !== null && c.pausedAt === null && t.now.getTime() > c.dueAt.getTime();
  if (!due) reasons.push({ code: 'not_due' });
  if (reasons.length > 0) return { ok: false, reasons };
  // Counted from the deadline, the moment of the deemed approval, however late the sweep ran.
  const noticeDueAt = endOfChinaDay(addWorkingDays(t.calendar, chinaDateOf(c.dueAt ?? t.now), DEEMED_NOTICE_WORKING_DAYS).date);
  return {
    ok: true,
    accountable: c.department,
    noticeDueAt,
    patch: { status: 'DEEMED_APPROVED', closedAt: t.now },
    event: eventOf(t, 'deemed_approved', { dueAt: c.dueAt?.toISOString() ?? null, accountable: c.department, handler: c.handler, noticeDueAt: noticeDueAt.toISOString() }),
  };
}
