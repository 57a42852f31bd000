import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { addOfficeMinutes, isOfficeOpen, nextOpening, previousWorkingDate } from '../../../src/domain/reminders/office-hours.ts';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../../../src/domain/reminders/reminder-policy.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const hours = DEFAULT_OFFICE_HOURS;

describe('office hours (China time, working days)', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });

  it('is open 09:00 up to (not including) 17:30 on a working day', () => {
    expect(isOfficeOpen(calendar, hours, at('2026-09-21T08:59:59'))).toBe(false);
    expect(isOfficeOpen(calendar, hours, at('2026-09-21T09:00:00'))).toBe(true);
    expect(isOfficeOpen(calendar, hours, at('2026-09-21T17:29:59'))).toBe(true);
    expect(isOfficeOpen(calendar, hours, at('2026-09-21T17:30:00'))).toBe(false);
  });

  it('is open on the make-up Sunday 2026-09-20 and closed on 中秋 (Fri 09-25)', () => {
    expect(isOfficeOpen(calendar, hours, at('2026-09-20T10:00:00'))).toBe(true);
    expect(isOfficeOpen(calendar, hours, at('2026-09-25T10:00:00'))).toBe(false);
    expect(isOfficeOpen(calendar, hours, at('2026-09-19T10:00:00'))).toBe(false); // ordinary Saturday
  });

  it('finds the next opening across a holiday', () => {
    expect(nextOpening(calendar, hours, at('2026-09-24T18:00:00'))).toEqual(at('2026-09-28T09:00:00'));
    expect(nextOpening(calendar, hours, at('2026-09-24T07:00:00'))).toEqual(at('2026-09-24T09:00:00'));
    expect(nextOpening(calendar, hours, at('2026-09-24T11:11:00'))).toEqual(at('2026-09-24T11:11:00'));
    expect(nextOpening(calendar, hours, at('2026-09-30T17:30:00'))).toEqual(at('2026-10-08T09:00:00')); // 国庆
  });

  it('counts office minutes only: half a working day from 16:00 ends 11:30 the next working day', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-09-22T16:00:00'), 240)).toEqual(at('2026-09-23T11:30:00'));
    expect(addOfficeMinutes(calendar, hours, at('2026-09-24T16:00:00'), 240)).toEqual(at('2026-09-28T11:30:00'));
    expect(addOfficeMinutes(calendar, hours, at('2026-09-26T10:00:00'), 480)).toEqual(at('2026-09-28T17:00:00'));
    expect(addOfficeMinutes(calendar, hours, at('2026-09-22T10:00:00'), 240)).toEqual(at('2026-09-22T14:00:00'));
  });

  it('knows the working day before: the make-up Sunday before Monday 09-21', () => {
    expect(previousWorkingDate(calendar, '2026-09-21')).toBe('2026-09-20');
    expect(previousWorkingDate(calendar, '2026-09-28')).toBe('2026-09-24');
    expect(previousWorkingDate(calendar, '2026-10-08')).toBe('2026-09-30');
  });

  it('parses OFFICE_HOURS and rejects nonsense', () => {
    expect(parseOfficeHours('09:00-17:30')).toEqual({ open: '09:00', close: '17:30' });
    expect(parseOfficeHours(' 08:30 - 18:00 ')).toEqual({ open: '08:30', close: '18:00' });
    for (const bad of ['9:00-17:30', '17:30-09:00', '09:00-09:00', '09:00-24:00', '09:00', 'office']) expect(parseOfficeHours(bad)).toBeNull();
  });
});
