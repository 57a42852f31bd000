import { WORKING_DAYS_BY_CLASS, type TimeLimitClass } from '../time-limit-class.ts';
import { addDays, chinaDateOf, endOfChinaDay } from './china-time.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** A computed last day; `provisional` is true if any day consulted lies in an unpublished period. */
export interface DeadlineDate {
  date: string;
  provisional: boolean;
}

export interface DueAt {
  dueAt: Date | null;
  provisional: boolean;
}

/** Longest believable run of rest days (春节 is 9); more means broken calendar data, not a real schedule. */
const MAX_REST_RUN = 60;

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Day count must be a non-negative integer, got ${n}`);
}

/** First working day on or after `date`. */
function rollToWorkingDay(calendar: WorkCalendar, date: string): DeadlineDate {
  let current = date;
  let provisional = false;
  for (let run = 0; run <= MAX_REST_RUN; run++) {
    const info = calendar.dayInfo(current);
    provisional ||= info.provisional;
    if (info.working) return { date: current, provisional };
    current = addDays(current, 1);
  }
  throw new Error(`No working day within ${MAX_REST_RUN} days of ${date}: calendar data looks broken`);
}

/**
 * The Nth working day after the receipt date. The receipt day itself is not counted
 * (民法典 art. 201; 民事诉讼法 art. 85); make-up working days (调休上班) count.
 */
export function addWorkingDays(calendar: WorkCalendar, receiptDate: string, n: number): DeadlineDate {
  assertCount(n);
  let date = receiptDate;
  let provisional = false;
  for (let i = 0; i < n; i++) {
    const next = rollToWorkingDay(calendar, addDays(date, 1));
    date = next.date;
    provisional ||= next.provisional;
  }
  return { date, provisional };
}

/**
 * Receipt date + N natural days; if that is a rest day, the first working day after the rest period
 * (民法典 art. 203(1)). A make-up working day is not a rest day, so it does not roll.
 */
export function addNaturalDaysRolled(calendar: WorkCalendar, receiptDate: string, n: number): DeadlineDate {
  assertCount(n);
  return rollToWorkingDay(calendar, addDays(receiptDate, n));
}

/**
 * Deadline of a 限时办结 item: end (24:00 China time) of the Nth working day after the receipt date.
 * `internal` items carry the leader's own deadline, so it is returned as given (null when absent).
 */
export function computeDueAt(input: {
  receivedAt: Date;
  cls: TimeLimitClass;
  calendar: WorkCalendar;
  internalDueAt?: Date;
}): DueAt {
  const { receivedAt, cls, calendar, internalDueAt } = input;
  if (cls === 'internal') return { dueAt: internalDueAt ?? null, provisional: false };
  const last = addWorkingDays(calendar, chinaDateOf(receivedAt), WORKING_DAYS_BY_CLASS[cls]);
  return { dueAt: endOfChinaDay(last.date), provisional: last.provisional };
}

/** End (24:00 China time) of a natural-day period, e.g. the 7-day written notice of a refusal. */
export function naturalDaysDueAt(
  receivedAt: Date,
  n: number,
  calendar: WorkCalendar,
): { dueAt: Date; provisional: boolean } {
  const last = addNaturalDaysRolled(calendar, chinaDateOf(receivedAt), n);
  return { dueAt: endOfChinaDay(last.date), provisional: last.provisional };
}

/** Number of working days d with fromDate < d <= toDate (0 when toDate <= fromDate). */
export function workingDaysBetween(
  calendar: WorkCalendar,
  fromDate: string,
  toDate: string,
): { count: number; provisional: boolean } {
  const end = addDays(toDate, 0); // validates toDate, which the string comparison below relies on
  let count = 0;
  let provisional = false;
  for (let date = addDays(fromDate, 1); date <= end; date = addDays(date, 1)) {
    const info = calendar.dayInfo(date);
    provisional ||= info.provisional;
    if (info.working) count++;
  }
  return { count, provisional };
}

/** Whether the China calendar date of `instant` is a working day. */
export function isWorkingInstant(calendar: WorkCalendar, instant: Date): boolean {
  return calendar.dayInfo(chinaDateOf(instant)).working;
}
