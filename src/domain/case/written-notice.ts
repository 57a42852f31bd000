import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type TransitionContext } from './decision.ts';

/**
 * 告知 #no: after an approved refusal the applicant must be told in writing within 7 days (R6 §3).
 * The handler records that it was done; the case stays REFUSED, and the notice clock stops.
 */
export function decideNoticeGiven(c: CaseRecord, cmd: { how: string; givenAt: Date | null }, t: TransitionContext): Decision {
  const reasons = gate('noticeGiven', c, t);
  if (cmd.givenAt !== null) reasons.push({ code: 'notice_already_given', at: cmd.givenAt });
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, patch: {}, event: eventOf(t, 'written_notice_given', { how: cmd.how }) };
}
