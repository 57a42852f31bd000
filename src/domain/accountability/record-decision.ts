/**
 * 责任追究制 §3: the office decides each record; before it does, the person concerned may explain in
 * writing (申辩) within 3 working days of being told. Pure rules: the use cases load and store.
 */
import { endOfChinaDay, chinaDateOf } from '../calendar/china-time.ts';
import { addWorkingDays } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { AccountabilityRecordView, RecordDecision } from './accountability-record.ts';

/** Working days the person concerned has to explain, from the day they were told. */
export const STATEMENT_WORKING_DAYS = 3;

export function statementDueAt(notifiedAt: Date, calendar: WorkCalendar): Date {
  return endOfChinaDay(addWorkingDays(calendar, chinaDateOf(notifiedAt), STATEMENT_WORKING_DAYS).date);
}

export type RecordReason =
  | { code: 'already_decided'; decision: RecordDecision; by: string | null }
  | { code: 'not_person_concerned'; person: string | null }
  | { code: 'statement_given'; at: Date }
  | { code: 'statement_late'; dueAt: Date }
  /** Decided before the person concerned had their say: they were told, the window is open, nothing came yet. */
  | { code: 'statement_window_open'; dueAt: Date; person: string }
  /** Nobody is named yet (an upheld complaint about nobody in particular): the decision must name 责任人. */
  | { code: 'person_needed' };

export type RecordDecisionResult = { ok: true; person: string | null } | { ok: false; reasons: RecordReason[] };

/**
 * 处理: any decision may be taken once. 不予追究 may come at any time; the others wait until the
 * person concerned has explained, or their 3 working days are over (nobody is decided against
 * unheard). `named` is the 责任人 the office names; it is required when the record names nobody.
 */
export function decideRecord(r: AccountabilityRecordView, cmd: { decision: RecordDecision; named: string | null }, now: Date): RecordDecisionResult {
  const reasons: RecordReason[] = [];
  if (r.decision !== null) reasons.push({ code: 'already_decided', decision: r.decision, by: r.decidedBy });
  const person = cmd.named ?? r.person;
  if (person === null && cmd.decision !== 'no_action') reasons.push({ code: 'person_needed' });
  const waiting = r.person !== null && cmd.named === null && r.statement === null && r.statementDueAt !== null && now.getTime() <= r.statementDueAt.getTime();
  if (cmd.decision !== 'no_action' && waiting && r.person !== null && r.statementDueAt !== null) {
    reasons.push({ code: 'statement_window_open', dueAt: r.statementDueAt, person: r.person });
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, person };
}

/** 申辩: the person concerned, once, before the decision and within their 3 working days. */
export function decideStatement(r: AccountabilityRecordView, actor: string, now: Date): { ok: true } | { ok: false; reasons: RecordReason[] } {
  const reasons: RecordReason[] = [];
  if (r.person !== actor) reasons.push({ code: 'not_person_concerned', person: r.person });
  if (r.decision !== null) reasons.push({ code: 'already_decided', decision: r.decision, by: r.decidedBy });
  if (r.statementAt !== null) reasons.push({ code: 'statement_given', at: r.statementAt });
  else if (r.statementDueAt !== null && now.getTime() > r.statementDueAt.getTime()) reasons.push({ code: 'statement_late', dueAt: r.statementDueAt });
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true };
}
