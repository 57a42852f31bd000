/** When an open rectification reminds: at opening on the working day before its deadline, and once it is late. */
import { chinaDateOf } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { isOfficeOpen, openingOn, previousWorkingDate } from '../reminders/office-hours.ts';
import type { ReminderPolicy } from '../reminders/reminder-policy.ts';
import type { RatingRecord } from './rating.ts';

export interface RectificationReminder {
  key: string;
  caseNo: number;
  kind: 'rectify_day_before' | 'rectify_late';
}

export function dueRectificationReminders(open: readonly RatingRecord[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): RectificationReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const out: RectificationReminder[] = [];
  for (const r of open) {
    if (!r.rectifyDueAt || r.rectifiedAt) continue;
    const due = r.rectifyDueAt.toISOString();
    if (now > r.rectifyDueAt) {
      out.push({ key: `rectify:${r.caseNo}:late:${due}`, caseNo: r.caseNo, kind: 'rectify_late' });
      continue;
    }
    const dayBefore = openingOn(previousWorkingDate(calendar, chinaDateOf(r.rectifyDueAt)), policy.officeHours);
    if (now >= dayBefore) out.push({ key: `rectify:${r.caseNo}:day_before:${due}`, caseNo: r.caseNo, kind: 'rectify_day_before' });
  }
  return out;
}
