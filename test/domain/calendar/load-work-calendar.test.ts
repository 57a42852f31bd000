import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import { addWorkingDays } from '../../../src/domain/calendar/deadline.ts';

const tempDirs: string[] = [];
function overridesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-overrides-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

// A made-up 2027 notice, only for the test: 元旦 01-01..03 off, Sat 01-09 a make-up working day.
const notice2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/test/2027-notice.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '元旦', date: '2027-01-09', isOffDay: false },
  ],
};

describe('loadWorkCalendar', () => {
  afterEach(() => {
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the bundled holiday-cn files with 2027 unpublished', async () => {
    const calendar = await loadWorkCalendar();
    expect(calendar.publishedYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.dayInfo('2027-01-01')).toEqual({ working: false, provisional: true, name: '元旦' });
  });

  it('ignores a missing overrides folder', async () => {
    const base = await loadWorkCalendar();
    const calendar = await loadWorkCalendar(join(tmpdir(), 'no-such-calendar-overrides-folder'));
    expect(calendar.version).toBe(base.version);
  });

  it('uses an override notice, which ends the provisional state', async () => {
    const base = await loadWorkCalendar();
    const calendar = await loadWorkCalendar(overridesDir({ '2027.json': notice2027 }));
    expect(calendar.publishedYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(calendar.version).not.toBe(base.version);
    expect(calendar.dayInfo('2027-01-09')).toEqual({ working: true, provisional: false, name: '元旦' });
    expect(calendar.dayInfo('2026-12-31')).toEqual({ working: true, provisional: false });
    // 12-30 + 3 wd: Thu 12-31, Mon 01-04, Tue 01-05, now final.
    expect(addWorkingDays(calendar, '2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: false });
    // Fri 01-08 + 1 wd lands on the make-up Saturday.
    expect(addWorkingDays(calendar, '2027-01-08', 1)).toEqual({ date: '2027-01-09', provisional: false });
  });

  it('lets a later override file name win for the same date', async () => {
    const correction = { ...notice2027, days: [{ name: '元旦', date: '2027-01-09', isOffDay: true }] };
    const calendar = await loadWorkCalendar(overridesDir({ '10-2027.json': notice2027, '20-2027-fix.json': correction }));
    expect(calendar.dayInfo('2027-01-09')).toEqual({ working: false, provisional: false, name: '元旦' });
  });

  it('throws an error naming the bad file', async () => {
    const notJson = overridesDir({ '2027.json': '{ "year": 2027, ' });
    await expect(loadWorkCalendar(notJson)).rejects.toThrow(/Invalid holiday file .*2027\.json: not JSON/);

    const badShape = overridesDir({
      '2027.json': { ...notice2027, days: [{ name: '元旦', date: '2027-02-30', isOffDay: 'yes' }] },
    });
    await expect(loadWorkCalendar(badShape)).rejects.toThrow(
      /Invalid holiday file .*2027\.json: days\.0\.date: must be an existing YYYY-MM-DD date; days\.0\.isOffDay: /,
    );

    const noPapers = overridesDir({ '2027.json': { ...notice2027, papers: [] } });
    await expect(loadWorkCalendar(noPapers)).rejects.toThrow(/2027\.json: papers: lists days but no papers/);

    const wrongYear = overridesDir({
      '2027.json': { ...notice2027, days: [{ name: '元旦', date: '2072-01-01', isOffDay: true }] },
    });
    await expect(loadWorkCalendar(wrongYear)).rejects.toThrow(/2072-01-01 is outside year 2027/);
  });
});
