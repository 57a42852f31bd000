import { describe, expect, it } from 'vitest';
import type { HolidayFile } from '../../../src/domain/calendar/holiday-file.ts';
import { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';

const file2026: HolidayFile = {
  year: 2026,
  papers: ['https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'],
  days: [
    { name: '元旦', date: '2026-01-01', isOffDay: true },
    { name: '元旦', date: '2026-01-04', isOffDay: false },
    { name: '国庆节', date: '2026-10-07', isOffDay: true },
  ],
};
const placeholder2027: HolidayFile = { year: 2027, papers: [], days: [] };

describe('WorkCalendar', () => {
  const calendar = new WorkCalendar([file2026, placeholder2027]);

  it('uses the notice for a published year: rest days, make-up days, then Mon–Fri', () => {
    expect(calendar.dayInfo('2026-01-01')).toEqual({ working: false, provisional: false, name: '元旦' });
    expect(calendar.dayInfo('2026-01-04')).toEqual({ working: true, provisional: false, name: '元旦' }); // Sunday
    expect(calendar.dayInfo('2026-10-07')).toEqual({ working: false, provisional: false, name: '国庆节' }); // Wednesday
    expect(calendar.dayInfo('2026-12-01')).toEqual({ working: true, provisional: false }); // Tuesday
    expect(calendar.dayInfo('2026-11-28')).toEqual({ working: false, provisional: false }); // Saturday
  });

  it('treats an unpublished year as provisional: fixed statutory holidays plus weekends only', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({ working: false, provisional: true, name: '元旦' });
    expect(calendar.dayInfo('2027-05-03')).toEqual({ working: true, provisional: true }); // Monday
    expect(calendar.dayInfo('2027-10-01')).toEqual({ working: false, provisional: true, name: '国庆节' });
    expect(calendar.dayInfo('2027-01-04')).toEqual({ working: true, provisional: true });
    expect(calendar.dayInfo('2027-01-02')).toEqual({ working: false, provisional: true });
    expect(calendar.dayInfo('2023-05-02')).toEqual({ working: false, provisional: true, name: '劳动节' }); // no file at all
  });

  it('marks Dec 29–31 provisional while next year is unpublished', () => {
    expect(calendar.dayInfo('2026-12-28').provisional).toBe(false);
    expect(calendar.dayInfo('2026-12-29')).toEqual({ working: true, provisional: true });
    expect(calendar.dayInfo('2026-12-31')).toEqual({ working: true, provisional: true });
  });

  it('keys by date, so a later file (even of another year) wins', () => {
    const file2027: HolidayFile = {
      year: 2027,
      papers: ['https://example.gov.cn/2027'],
      days: [{ name: '元旦', date: '2026-12-31', isOffDay: true }],
    };
    const updated = new WorkCalendar([file2026, placeholder2027, file2027]);
    expect(updated.dayInfo('2026-12-31')).toEqual({ working: false, provisional: false, name: '元旦' });
    expect(updated.dayInfo('2027-01-01')).toEqual({ working: true, provisional: false }); // the notice is the authority now
    expect(updated.publishedYears()).toEqual([2026, 2027]);
  });

  it('lists published years and a content version', () => {
    expect(calendar.publishedYears()).toEqual([2026]);
    expect(calendar.version).toMatch(/^[0-9a-f]{12}$/);
    expect(new WorkCalendar([file2026, placeholder2027]).version).toBe(calendar.version);
    expect(new WorkCalendar([placeholder2027, file2026]).version).not.toBe(calendar.version);
  });
});
