import { chinaDateOf, chinaInstant, endOfChinaDay } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { TimeLimitClass } from '../time-limit-class.ts';
import { beforeClosing, isOfficeOpen, isWorkingDate, lastOpenMinuteAtOrBefore, nextOpening, nextWorkingDate, openingOn, previousWorkingDate } from './office-hours.ts';
import { pickCurrent, reminderKey, type Candidate, type RecipientRole } from './pick-current.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

/** What the ladder needs of a case. */
export interface ReminderCase {
  no: number;
  status: string;
  cls: TimeLimitClass;
  receivedAt: Date;
  dueAt: Date | null;
  pausedAt: Date | null;
  urgent: boolean;
}

/**
 * The ladder: (1) day_before at opening on the working day before the due day → handler + B;
 * (2) due_today at opening and (3) due_soon before closing on the due day → both; (4) overdue →
 * handler, B, head; (5) overdue_digest each later working day at opening → the same, one digest
 * message per person; (6) overdue_leader on the second overdue working day → supervising leader.
 */
export type CaseReminderKind = 'day_before' | 'due_today' | 'due_soon' | 'before_due' | 'overdue' | 'overdue_digest' | 'overdue_leader';

export interface DueReminder {
  key: string;
  caseNo: number;
  kind: CaseReminderKind;
  dueInstant: Date;
  /** The case's deadline, for the message. */
  dueAt: Date;
  recipients: RecipientRole[];
  urgent: boolean;
}

const BOTH: readonly RecipientRole[] = ['handler', 'b'];
const OVERDUE_ROLES: readonly RecipientRole[] = ['handler', 'b', 'head'];
/** 首问负责制 §4: the first responder of a referred case hears that it went overdue, once (not in the daily digests). */
const OVERDUE_ALERT_ROLES: readonly RecipientRole[] = [...OVERDUE_ROLES, 'first_responder'];

/** The first working day on which the case counts as overdue in office time (overdue working day 1). */
export function overdueDayOne(calendar: WorkCalendar, policy: ReminderPolicy, dueAt: Date): string {
  return chinaDateOf(nextOpening(calendar, policy.officeHours, new Date(dueAt.getTime() + 1)));
}

/** Every rung of the case's ladder that can be current at `now` (digests only for today). */
export function caseLadder(c: ReminderCase, now: Date, calendar: WorkCalendar, policy: ReminderPolicy): Candidate<CaseReminderKind>[] {
  if (c.dueAt === null) return [];
  const hours = policy.officeHours;
  const dueAt = c.dueAt;
  const dueDate = chinaDateOf(dueAt);
  const before: Candidate<CaseReminderKind>[] = [{ kind: 'day_before', instant: openingOn(previousWorkingDate(calendar, dueDate), hours), roles: BOTH }];
  if (isWorkingDate(calendar, dueDate)) {
    before.push({ kind: 'due_today', instant: openingOn(dueDate, hours), roles: BOTH });
    before.push({ kind: 'due_soon', instant: chinaInstant(dueDate, beforeClosing(hours, policy.dueSoonMinutesBeforeClose)), roles: BOTH });
  }
  // A rung before the case existed, or at/after its deadline, says nothing true.
  const ladder = before.filter((x) => x.instant > c.receivedAt && x.instant < dueAt);
  // 限时办结制: every deadline gets a reminder before it passes, also one the rungs above all miss.
  if (ladder.length === 0) {
    const extra = beforeDueInstant(c, dueAt, calendar, policy);
    if (extra) ladder.push({ kind: 'before_due', instant: extra, roles: BOTH });
  }
  // A request for instructions is deemed approved at its deadline (R3 §5) instead of going overdue.
  if (c.cls === 'instruction') return ladder;

  ladder.push({ kind: 'overdue', instant: new Date(dueAt.getTime() + 1), roles: OVERDUE_ALERT_ROLES });
  const dayOne = overdueDayOne(calendar, policy, dueAt);
  let leaderDay = dayOne;
  for (let day = 1; day < policy.leaderOnOverdueWorkingDay; day++) leaderDay = nextWorkingDate(calendar, leaderDay);
  ladder.push({ kind: 'overdue_leader', instant: openingOn(leaderDay, hours), roles: ['leader'] });
  const today = chinaDateOf(now);
  if (today > dayOne && isWorkingDate(calendar, today)) ladder.push({ kind: 'overdue_digest', instant: openingOn(today, hours), roles: OVERDUE_ROLES });
  return ladder;
}

const MINUTE = 60_000;

/**
 * The one reminder of a deadline that no rung of the ladder falls before (an internal matter due later
 * the same day, or early next morning): `beforeDueMinutes` before it, or half-way when it is closer,
 * moved back to the last open office minute unless the case is urgent (or forward to the next opening
 * if that would be before the registration). Null when the deadline is too close to remind or no office
 * time lies between registration and deadline.
 */
function beforeDueInstant(c: ReminderCase, dueAt: Date, calendar: WorkCalendar, policy: ReminderPolicy): Date | null {
  const span = dueAt.getTime() - c.receivedAt.getTime();
  if (span < policy.beforeDueMinimumMinutes * MINUTE) return null;
  const wanted = span > policy.beforeDueMinutes * MINUTE ? dueAt.getTime() - policy.beforeDueMinutes * MINUTE : c.receivedAt.getTime() + span / 2;
  // Whole minutes: the scheduler looks once a minute.
  let at = new Date(Math.floor(wanted / MINUTE) * MINUTE);
  if (!c.urgent && !isOfficeOpen(calendar, policy.officeHours, at)) {
    const back = lastOpenMinuteAtOrBefore(calendar, policy.officeHours, at);
    at = back > c.receivedAt ? back : nextOpening(calendar, policy.officeHours, at);
  }
  return at > c.receivedAt && at < dueAt ? at : null;
}

/**
 * What is due at `now`: a pure function of the cases, the instant, the calendar and the policy.
 * Only OPEN cases with a running clock remind (AWAITING_MATERIALS is paused; a pending refusal waits
 * on the leader, who has a clock of their own). Routine reminders go out only while the office is
 * open; a rung that passed while it was closed waits for the next opening. Urgent cases do not wait.
 * For each case and role only the latest passed rung is returned (see pickCurrent).
 */
export function dueReminders(cases: readonly ReminderCase[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): DueReminder[] {
  const open = isOfficeOpen(calendar, policy.officeHours, now);
  const out: DueReminder[] = [];
  for (const c of cases) {
    if (c.status !== 'OPEN' || c.dueAt === null || c.pausedAt !== null) continue;
    if (!open && !c.urgent) continue;
    const ladder = caseLadder(c, now, calendar, policy);
    for (const r of pickCurrent(ladder, now)) {
      // Digests are routine by nature: they wait for the office even for urgent cases.
      if (r.kind === 'overdue_digest' && !open) continue;
      // The first responder's one overdue alert is not caught up once later rungs have passed.
      if (r.roles.every((x) => x === 'first_responder') && ladder.some((x) => x.instant > r.instant && x.instant <= now)) continue;
      out.push({ key: reminderKey(r.kind, c.no, r.instant), caseNo: c.no, kind: r.kind, dueInstant: r.instant, dueAt: c.dueAt, recipients: r.roles, urgent: c.urgent });
    }
  }
  return out;
}

/**
 * The latest dueAt a case may have and still have a rung due by the end of today. A case due on date D
 * has its earliest rung (day_before) at opening on the last working day before D; if D is after the
 * next working day N, that day is N or later, so nothing of it can be due today. (Checked against
 * dueReminders on random cases in the tests.) The scheduler reads only OPEN cases with dueAt up to
 * here, a range on the index [status, dueAt]: the cost of a tick follows the number of cases due by
 * tomorrow plus the overdue ones (which the digests must list anyway), not the number of open cases,
 * and with 100,000 open cases none of them due it is one empty index range scan.
 */
export function reminderHorizon(calendar: WorkCalendar, now: Date): Date {
  return endOfChinaDay(nextWorkingDate(calendar, chinaDateOf(now)));
}
