import { createHash } from 'node:crypto';
import { weekdayOf } from './china-time.ts';
import type { HolidayDay, HolidayFile } from './holiday-file.ts';
import fixedStatutoryHolidays from './fixed-statutory-holidays.json' with { type: 'json' };

export interface DayInfo {
  working: boolean;
  /** True when the year's notice (or, for Dec 29–31, next year's notice) is not loaded: the answer may change. */
  provisional: boolean;
  name?: string;
}

/**
 * Statutory holidays fixed by 全国年节及纪念日放假办法 (2024 rev.) art. 2, used only for unpublished
 * years. Lunar holidays (春节, 清明, 端午, 中秋) and 调休 are unknowable without the notice, which is
 * why such days are flagged provisional instead of silently using a Mon–Fri calendar.
 * The table (month-day → holiday name) is data: fixed-statutory-holidays.json.
 */
const FIXED_STATUTORY_HOLIDAYS: ReadonlyMap<string, string> = new Map(Object.entries(fixedStatutoryHolidays.days));

/**
 * Working-day calendar of mainland China built from holiday-cn files. Entries are keyed by date,
 * not by file year, because a year's notice may re-designate late-December days of the year before;
 * a later file wins for the same date.
 */
export class WorkCalendar {
  /** Short hash of the loaded content (order included, since later files win), stored with each deadline for audit. */
  readonly version: string;
  private readonly days = new Map<string, HolidayDay>();
  private readonly published = new Set<number>();

  constructor(files: readonly HolidayFile[]) {
    for (const file of files) {
      if (file.papers.length > 0) this.published.add(file.year);
      for (const day of file.days) this.days.set(day.date, day);
    }
    this.version = hashFiles(files);
  }

  dayInfo(date: string): DayInfo {
    const weekday = weekdayOf(date); // also validates the date
    const year = Number(date.slice(0, 4));
    const monthDay = date.slice(5);
    const provisional =
      !this.published.has(year) || (monthDay >= '12-29' && !this.published.has(year + 1));

    const listed = this.days.get(date);
    if (listed) return { working: !listed.isOffDay, provisional, name: listed.name };

    const fixedName = this.published.has(year) ? undefined : FIXED_STATUTORY_HOLIDAYS.get(monthDay);
    if (fixedName) return { working: false, provisional, name: fixedName };

    return { working: weekday >= 1 && weekday <= 5, provisional };
  }

  /** Years whose notice is loaded (some file for the year has non-empty `papers`), ascending. */
  publishedYears(): number[] {
    return [...this.published].sort((a, b) => a - b);
  }
}

function hashFiles(files: readonly HolidayFile[]): string {
  // Only schema fields, in a fixed key order, so formatting and `$schema` keys don't change the version.
  const canonical = files.map((file) => ({
    year: file.year,
    papers: file.papers,
    days: file.days.map((day) => [day.date, day.isOffDay, day.name]),
  }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}
