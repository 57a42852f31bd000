/** 限时办结制 §5 (R3): a request for instructions left unanswered past its time is deemed approved. */
import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type TransitionContext } from './decision.ts';

/**
 * Recorded as `deemed_approved`, never as an approval; the handling department is accountable.
 * Not due means: another class, no deadline, the clock paused, or the deadline not yet passed.
 */
export function decideDeemApproval(c: CaseRecord, t: TransitionContext): Decision<{ accountable: string }> {
  const reasons = gate('deemApprove', c, t);
  if (c.cls !== 'instruction') reasons.push({ code: 'not_instruction' });
  const due = c.dueAt !== null && c.pausedAt === null && t.now.getTime() > c.dueAt.getTime();
  if (!due) reasons.push({ code: 'not_due' });
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    accountable: c.department,
    patch: { status: 'DEEMED_APPROVED', closedAt: t.now },
    event: eventOf(t, 'deemed_approved', { dueAt: c.dueAt?.toISOString() ?? null, accountable: c.department, handler: c.handler }),
  };
}
