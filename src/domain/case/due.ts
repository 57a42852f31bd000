import { chinaDateOf, endOfChinaDay } from '../calendar/china-time.ts';
import { addWorkingDays, computeDueAt, type DueAt } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { TimeLimitClass } from '../time-limit-class.ts';
import type { CaseRecord } from './case.ts';

/**
 * Whether the case was still within its time when the clock last ran: a paused case (R5) stopped
 * at `pausedAt`, so waiting for the applicant never makes the unit late.
 */
export function wasOnTime(c: Pick<CaseRecord, 'dueAt' | 'pausedAt'>, now: Date): boolean {
  if (c.dueAt === null) return true;
  const stoppedAt = c.pausedAt !== null && c.pausedAt < now ? c.pausedAt : now;
  return stoppedAt.getTime() <= c.dueAt.getTime();
}

/**
 * The due time counted afresh from `from` (R5: once materials are complete the clock starts again).
 * A service's promised limit may only be shorter than its class's (R3 §3). An internal matter keeps
 * the leader's deadline, moved on by the time the clock stood still.
 */
export function restartedDueAt(
  c: Pick<CaseRecord, 'cls' | 'dueAt' | 'pausedAt'>,
  promisedDays: number | null,
  from: Date,
  calendar: WorkCalendar,
): DueAt {
  if (c.cls === 'internal') {
    if (c.dueAt === null) return { dueAt: null, provisional: false };
    const paused = c.pausedAt !== null ? Math.max(0, from.getTime() - c.pausedAt.getTime()) : 0;
    return { dueAt: new Date(c.dueAt.getTime() + paused), provisional: false };
  }
  return dueFrom(c.cls, promisedDays, from, calendar);
}

/**
 * The due time of a case received at `from`: by its class, or by the service's promised limit when
 * that is shorter (R3 §3: a promised limit can only be shorter). Internal matters carry the leader's deadline.
 */
export function dueFrom(cls: TimeLimitClass, promisedDays: number | null, from: Date, calendar: WorkCalendar, internalDueAt?: Date): DueAt {
  if (cls === 'internal') return { dueAt: internalDueAt ?? null, provisional: false };
  const byClass = computeDueAt({ receivedAt: from, cls, calendar });
  if (promisedDays === null) return byClass;
  const last = addWorkingDays(calendar, chinaDateOf(from), promisedDays);
  const promised = endOfChinaDay(last.date);
  if (byClass.dueAt === null || promised < byClass.dueAt) return { dueAt: promised, provisional: last.provisional };
  return byClass;
}
