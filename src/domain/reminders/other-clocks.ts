import { chinaDateOf } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addOfficeMinutes, isOfficeOpen, isWorkingDate, openingOn, previousWorkingDate } from './office-hours.ts';
import { pickCurrent, reminderKey, type Candidate, type RecipientRole } from './pick-current.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

const MINUTE = 60_000;

/** A refusal filing (R6) as the clocks see it. */
export interface ReminderFiling {
  id: number;
  caseNo: number;
  /** 'pending' while the leader has not decided (FilingStatus of the lifecycle). */
  status: string;
  createdAt: Date;
  /** Set when the refusal was approved: the written notice is due by then (7 days). */
  noticeDueAt: Date | null;
  /** When the approval was given (no notice reminder from before that). */
  decidedAt: Date | null;
  /** True while the written notice is still to be given. */
  noticePending: boolean;
  /** The case's deadline: a filing still undecided after it is recorded against its leader (R6 §4). */
  caseDueAt?: Date | null;
  /** True once the missed notice (or the undecided filing) was alerted and recorded: its clock has stopped. */
  noticeLateRecorded?: boolean;
  undecidedRecorded?: boolean;
}

/** An efficiency complaint (R2 §6) waiting for the office's answer. */
export interface ReminderComplaint {
  id: number;
  status: string;
  at: Date;
  dueAt: Date;
}

export type OtherReminderKind =
  | 'refusal_leader'
  | 'refusal_principal'
  /** 否定报备 §4: still undecided when the case's deadline passed → the principal; recorded against the leader. */
  | 'refusal_undecided'
  | 'notice_day_before'
  | 'notice_due'
  /** 否定报备 §3: the 7 days passed without the written notice → handler, head and leader; recorded. */
  | 'notice_overdue'
  | 'complaint_day_before'
  | 'complaint_overdue'
  /** R3 §5: the written answer after a deemed approval is due today → the handler. */
  | 'deemed_notice_due';

export interface OtherReminder {
  key: string;
  kind: OtherReminderKind;
  dueInstant: Date;
  recipients: RecipientRole[];
  caseNo: number | null;
  filingId?: number;
  complaintId?: number;
  /** The deadline the message names (written notice or complaint answer); absent for refusal filings. */
  deadline?: Date;
}

function ladderBefore(calendar: WorkCalendar, policy: ReminderPolicy, due: Date, dayBefore: OtherReminderKind, onDay: OtherReminderKind | null, roles: readonly RecipientRole[]) {
  const date = chinaDateOf(due);
  const rungs: Candidate<OtherReminderKind>[] = [{ kind: dayBefore, instant: openingOn(previousWorkingDate(calendar, date), policy.officeHours), roles }];
  if (onDay && isWorkingDate(calendar, date)) rungs.push({ kind: onDay, instant: openingOn(date, policy.officeHours), roles });
  return rungs;
}

/**
 * Refusal filings: undecided after half a working day of office time → the leader; after one working
 * day → the principal; still undecided when the case's deadline has passed → the principal again, and
 * the filing is recorded against whoever should have decided. Approved: the written notice (7 days) →
 * the filer, the working day before and on the day; missed → handler, head and leader, recorded.
 * Routine: nothing goes out while the office is closed; the latest passed rung per role.
 */
export function dueFilingReminders(filings: readonly ReminderFiling[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): OtherReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const out: OtherReminder[] = [];
  for (const f of filings) {
    let rungs: Candidate<OtherReminderKind>[] = [];
    if (f.status === 'pending') {
      const h = policy.officeHours;
      // Whole minutes: the scheduler looks once a minute, so a filing made at 16:00:00.4 reminds at 11:30, not 11:31.
      const filed = new Date(Math.floor(f.createdAt.getTime() / MINUTE) * MINUTE);
      rungs = [
        { kind: 'refusal_leader', instant: addOfficeMinutes(calendar, h, filed, policy.refusalLeaderAfterOfficeMinutes), roles: ['leader'] },
        { kind: 'refusal_principal', instant: addOfficeMinutes(calendar, h, filed, policy.refusalPrincipalAfterOfficeMinutes), roles: ['principal'] },
      ];
    } else if (f.noticePending && f.noticeDueAt) {
      const since = f.decidedAt ?? f.createdAt;
      rungs = ladderBefore(calendar, policy, f.noticeDueAt, 'notice_day_before', 'notice_due', ['filer']).filter((r) => r.instant > since && r.instant < f.noticeDueAt!);
      if (!f.noticeLateRecorded) rungs.push({ kind: 'notice_overdue', instant: new Date(f.noticeDueAt.getTime() + 1), roles: ['handler', 'head', 'leader'] });
    }
    const undecided = f.status === 'pending' || f.status === 'escalated';
    if (undecided && f.caseDueAt && !f.undecidedRecorded && f.caseDueAt > f.createdAt) {
      rungs.push({ kind: 'refusal_undecided', instant: new Date(f.caseDueAt.getTime() + 1), roles: ['principal'] });
    }
    for (const r of pickCurrent(rungs, now)) {
      const subject = `${f.caseNo}.${f.id}`;
      const deadline = r.kind.startsWith('notice') ? f.noticeDueAt : r.kind === 'refusal_undecided' ? f.caseDueAt : null;
      out.push({ key: reminderKey(r.kind, subject, r.instant), kind: r.kind, dueInstant: r.instant, recipients: r.roles, caseNo: f.caseNo, filingId: f.id, ...(deadline ? { deadline } : {}) });
    }
  }
  return out;
}

/** Complaints the office must answer: its head is reminded the working day before and when overdue. */
export function dueComplaintReminders(complaints: readonly ReminderComplaint[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): OtherReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const out: OtherReminder[] = [];
  for (const c of complaints) {
    if (c.status !== 'OPEN') continue;
    const rungs = ladderBefore(calendar, policy, c.dueAt, 'complaint_day_before', null, ['office_head']).filter((r) => r.instant > c.at && r.instant < c.dueAt);
    rungs.push({ kind: 'complaint_overdue', instant: new Date(c.dueAt.getTime() + 1), roles: ['office_head'] });
    for (const r of pickCurrent(rungs, now)) {
      out.push({ key: reminderKey(r.kind, `complaint${c.id}`, r.instant), kind: r.kind, dueInstant: r.instant, recipients: r.roles, caseNo: null, complaintId: c.id, deadline: c.dueAt });
    }
  }
  return out;
}

/** A follow-up a closed case owes (the written answer after a deemed approval), as its clock sees it. */
export interface ReminderFollowUp {
  id: number;
  caseNo: number;
  createdAt: Date;
  dueAt: Date;
  doneAt: Date | null;
}

/** R3 §5: the handler is reminded of the written answer at opening on its due day, unless it was given. */
export function dueFollowUpReminders(followUps: readonly ReminderFollowUp[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): OtherReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const out: OtherReminder[] = [];
  for (const f of followUps) {
    if (f.doneAt !== null) continue;
    const date = chinaDateOf(f.dueAt);
    if (!isWorkingDate(calendar, date)) continue;
    const rungs: Candidate<OtherReminderKind>[] = [{ kind: 'deemed_notice_due', instant: openingOn(date, policy.officeHours), roles: ['handler'] }];
    for (const r of pickCurrent(rungs.filter((x) => x.instant > f.createdAt && x.instant < f.dueAt), now)) {
      out.push({ key: reminderKey(r.kind, `${f.caseNo}.f${f.id}`, r.instant), kind: r.kind, dueInstant: r.instant, recipients: r.roles, caseNo: f.caseNo, deadline: f.dueAt });
    }
  }
  return out;
}
