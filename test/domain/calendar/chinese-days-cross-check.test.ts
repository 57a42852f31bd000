import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import { addDays } from '../../../src/domain/calendar/china-time.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';

// chinese-days reads dates in the process TZ and is off by one at negative UTC offsets, so pin
// Asia/Shanghai before it is imported (it may build its tables at import time).
const previousTz = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
const { default: chineseDays } = await import('chinese-days');

describe('cross-check against chinese-days, every day of 2024–2026', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });
  afterAll(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  });

  it('runs with Shanghai time in force', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(-480);
  });

  it('agrees on every working day and flags only 2026-12-29..31 as provisional', () => {
    const mismatches: string[] = [];
    const provisional: string[] = [];
    let days = 0;
    for (let date = '2024-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      const info = calendar.dayInfo(date);
      if (info.working !== chineseDays.isWorkday(date)) mismatches.push(date);
      if (info.provisional) provisional.push(date);
      days++;
    }
    expect(days).toBe(1096);
    expect(mismatches).toEqual([]);
    expect(provisional).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
  });
});
