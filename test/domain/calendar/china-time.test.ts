import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDateOf,
  chinaInstant,
  chinaTimeOfDay,
  endOfChinaDay,
  weekdayOf,
} from '../../../src/domain/calendar/china-time.ts';

describe('china-time', () => {
  it('takes the calendar date in UTC+8, not in the process TZ', () => {
    expect(chinaDateOf(new Date('2026-12-02T22:15:00+08:00'))).toBe('2026-12-02');
    expect(chinaDateOf(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
    expect(chinaDateOf(new Date('2026-12-02T15:59:59.999Z'))).toBe('2026-12-02');
  });

  it('ends a China day at 23:59:59.999+08:00', () => {
    expect(endOfChinaDay('2026-12-02').toISOString()).toBe('2026-12-02T15:59:59.999Z');
  });

  it('builds an instant from China wall-clock time', () => {
    expect(chinaInstant('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaInstant('2026-11-30', '17:30').toISOString()).toBe('2026-11-30T09:30:00.000Z');
    expect(() => chinaInstant('2026-11-30', '24:00')).toThrow(/Invalid time/);
    expect(() => chinaInstant('2026-11-30', '9:30')).toThrow(/Invalid time/);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
  });

  it('gives the weekday with 0 = Sunday', () => {
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });

  it('gives the China time of day', () => {
    expect(chinaTimeOfDay(new Date('2026-12-02T09:30:00Z'))).toEqual({ hour: 17, minute: 30 });
  });

  it('rejects malformed or non-existent dates and invalid instants', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(/Invalid date/);
    expect(() => addDays('2026-1-5', 1)).toThrow(/Invalid date/);
    expect(() => chinaDateOf(new Date('nope'))).toThrow(/Invalid Date/);
  });
});
