import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import {
  addNaturalDaysRolled,
  addWorkingDays,
  computeDueAt,
  isWorkingInstant,
  naturalDaysDueAt,
  workingDaysBetween,
} from '../../../src/domain/calendar/deadline.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';

describe('deadline', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });

  it('counts working days from the day after receipt, skipping 春节', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false }); // make-up Sat
    expect(addWorkingDays(calendar, '2026-02-14', 1)).toEqual({ date: '2026-02-24', provisional: false });
    expect(addWorkingDays(calendar, '2026-02-14', 0)).toEqual({ date: '2026-02-14', provisional: false });
  });

  it('rolls a natural-day period off rest days but not off a make-up working day', () => {
    expect(addNaturalDaysRolled(calendar, '2026-09-30', 7)).toEqual({ date: '2026-10-08', provisional: false });
    expect(addNaturalDaysRolled(calendar, '2026-05-02', 7)).toEqual({ date: '2026-05-09', provisional: false });
  });

  it('computes 15 working days for a rights item across National Day', () => {
    const { dueAt, provisional } = computeDueAt({
      receivedAt: new Date('2026-09-28T10:00:00+08:00'),
      cls: 'rights',
      calendar,
    });
    // WD: 9-29, 9-30, 10-08, 10-09, 10-10 (Sat make-up), 10-12..16, 10-19..23 → 15th = Fri 10-23.
    expect(dueAt?.toISOString()).toBe('2026-10-23T15:59:59.999Z');
    expect(provisional).toBe(false);
  });

  it('returns the leader deadline for internal items', () => {
    const internalDueAt = new Date('2026-12-10T18:00:00+08:00');
    expect(computeDueAt({ receivedAt: new Date(), cls: 'internal', calendar, internalDueAt })).toEqual({
      dueAt: internalDueAt,
      provisional: false,
    });
    expect(computeDueAt({ receivedAt: new Date(), cls: 'internal', calendar })).toEqual({
      dueAt: null,
      provisional: false,
    });
  });

  it('gives the 7-natural-day written-notice clock', () => {
    const { dueAt } = naturalDaysDueAt(new Date('2026-11-28T10:00:00+08:00'), 7, calendar);
    expect(dueAt.toISOString()).toBe('2026-12-07T15:59:59.999Z');
  });

  it('counts working days between two dates and tells whether an instant is on a working day', () => {
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-10')).toEqual({ count: 3, provisional: false });
    expect(workingDaysBetween(calendar, '2026-12-30', '2027-01-05')).toEqual({ count: 3, provisional: true });
    expect(workingDaysBetween(calendar, '2026-10-10', '2026-10-01')).toEqual({ count: 0, provisional: false });
    expect(isWorkingInstant(calendar, new Date('2026-10-10T23:00:00+08:00'))).toBe(true);
    expect(isWorkingInstant(calendar, new Date('2026-10-10T16:00:00Z'))).toBe(false); // Sun 10-11 in China
  });

  it('rejects a bad day count', () => {
    expect(() => addWorkingDays(calendar, '2026-01-05', -1)).toThrow(/non-negative integer/);
    expect(() => addNaturalDaysRolled(calendar, '2026-01-05', 1.5)).toThrow(/non-negative integer/);
  });
});
