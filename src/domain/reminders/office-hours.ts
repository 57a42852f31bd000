import { addDays, chinaDateOf, chinaInstant, chinaTimeOfDay } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { hhmmOf, minutesOfDay, type OfficeHours } from './reminder-policy.ts';

/** Longest believable run of rest days (春节 is 9); more means broken calendar data. */
const MAX_REST_RUN = 60;
const MINUTE = 60_000;

export function isWorkingDate(calendar: WorkCalendar, date: string): boolean {
  return calendar.dayInfo(date).working;
}

/** First working day strictly after `date`. */
export function nextWorkingDate(calendar: WorkCalendar, date: string): string {
  for (let d = addDays(date, 1), i = 0; i <= MAX_REST_RUN; d = addDays(d, 1), i++) if (isWorkingDate(calendar, d)) return d;
  throw new Error(`No working day within ${MAX_REST_RUN} days after ${date}`);
}

/** Last working day strictly before `date`. */
export function previousWorkingDate(calendar: WorkCalendar, date: string): string {
  for (let d = addDays(date, -1), i = 0; i <= MAX_REST_RUN; d = addDays(d, -1), i++) if (isWorkingDate(calendar, d)) return d;
  throw new Error(`No working day within ${MAX_REST_RUN} days before ${date}`);
}

export function openingOn(date: string, hours: OfficeHours): Date {
  return chinaInstant(date, hours.open);
}

export function closingOn(date: string, hours: OfficeHours): Date {
  return chinaInstant(date, hours.close);
}

/** Whether routine messages may go out at `instant`: a working day, between opening and closing. */
export function isOfficeOpen(calendar: WorkCalendar, hours: OfficeHours, instant: Date): boolean {
  const date = chinaDateOf(instant);
  return isWorkingDate(calendar, date) && instant >= openingOn(date, hours) && instant < closingOn(date, hours);
}

/** `instant` itself when the office is open then, else the next opening. */
export function nextOpening(calendar: WorkCalendar, hours: OfficeHours, instant: Date): Date {
  if (isOfficeOpen(calendar, hours, instant)) return instant;
  const date = chinaDateOf(instant);
  if (isWorkingDate(calendar, date) && instant < openingOn(date, hours)) return openingOn(date, hours);
  return openingOn(nextWorkingDate(calendar, date), hours);
}

/**
 * The instant when `minutes` of office time have passed since `start` (only open hours of working
 * days count): a refusal filed at 16:00 waits "half a working day" until 11:30 the next working day.
 */
export function addOfficeMinutes(calendar: WorkCalendar, hours: OfficeHours, start: Date, minutes: number): Date {
  let at = nextOpening(calendar, hours, start);
  let left = minutes;
  for (let i = 0; i <= 366; i++) {
    const close = closingOn(chinaDateOf(at), hours);
    const available = Math.floor((close.getTime() - at.getTime()) / MINUTE);
    if (left <= available) return new Date(at.getTime() + left * MINUTE);
    left -= available;
    at = nextOpening(calendar, hours, close);
  }
  throw new Error(`addOfficeMinutes: ${minutes} minutes do not fit in a year`);
}

/** 'HH:MM' of `instant` in China, for logs and tests. */
export function chinaHhmm(instant: Date): string {
  const { hour, minute } = chinaTimeOfDay(instant);
  return hhmmOf(hour * 60 + minute);
}

/** The minute of the day `minutesBeforeClose` before closing, as 'HH:MM' (never before opening). */
export function beforeClosing(hours: OfficeHours, minutesBeforeClose: number): string {
  return hhmmOf(Math.max(minutesOfDay(hours.open), minutesOfDay(hours.close) - minutesBeforeClose));
}

/** The last minute at or before `instant` at which the office is open (the minute before a closing, if it was closed then). */
export function lastOpenMinuteAtOrBefore(calendar: WorkCalendar, hours: OfficeHours, instant: Date): Date {
  if (isOfficeOpen(calendar, hours, instant)) return instant;
  const date = chinaDateOf(instant);
  const day = isWorkingDate(calendar, date) && instant >= closingOn(date, hours) ? date : previousWorkingDate(calendar, date);
  return new Date(closingOn(day, hours).getTime() - MINUTE);
}
