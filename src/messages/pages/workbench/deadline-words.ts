import { chinaDateOf, chinaTimeOfDay } from '../../../domain/calendar/china-time.ts';
import { workingDaysBetween } from '../../../domain/calendar/deadline.ts';
import type { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import { isActive, type CaseRecord } from '../../../domain/case/case.ts';

/** A deadline in words and how urgent it is: 今天 17:30 前, 还剩 2 个工作日, 已超期 1 天. */
export function deadlineWords(due: Date | null, now: Date, calendar: WorkCalendar): { text: string; level: 'late' | 'soon' | 'ok' } {
  if (due === null) return { text: '未设定期限', level: 'ok' };
  const dueDate = chinaDateOf(due);
  const today = chinaDateOf(now);
  if (now.getTime() > due.getTime()) {
    const days = Math.max(1, workingDaysBetween(calendar, dueDate, today).count);
    return { text: `已超期 ${days} 天`, level: 'late' };
  }
  if (dueDate === today) {
    const { hour, minute } = chinaTimeOfDay(due);
    const time = hour === 23 && minute === 59 ? '24:00' : `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return { text: `今天 ${time} 前`, level: 'soon' };
  }
  const left = workingDaysBetween(calendar, today, dueDate).count;
  return { text: left === 0 ? '下个工作日前' : `还剩 ${left} 个工作日`, level: left <= 1 ? 'soon' : 'ok' };
}

/** A case's deadline in words: paused cases wait for the applicant, closed ones have none left. */
export function caseDeadlineWords(c: Pick<CaseRecord, 'dueAt' | 'pausedAt' | 'status'>, now: Date, calendar: WorkCalendar): { text: string; level: 'late' | 'soon' | 'ok' } {
  if (!isActive(c.status)) return { text: '已结束', level: 'ok' };
  if (c.pausedAt !== null) return { text: '补齐材料后重新计算', level: 'ok' };
  return deadlineWords(c.dueAt, now, calendar);
}
