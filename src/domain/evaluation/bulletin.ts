/**
 * 定期通报 (效能考评制 §1: 办公室负责督导检查，定期通报): what the month's bulletin says. Built from
 * the same facts as the evaluation; the delivery and the page are elsewhere.
 */
import type { AccountabilityKind, RecordDecision } from '../accountability/accountability-record.ts';
import type { OutcomeSums } from './evaluate.ts';
import { addDays, chinaDateOf, chinaInstant } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { isOfficeOpen } from '../reminders/office-hours.ts';
import type { OfficeHours } from '../reminders/reminder-policy.ts';
import { previousMonth, type Period } from './period.ts';

export interface BulletinFacts {
  period: Period;
  departments: readonly { key: string; name: string }[];
  outcomes: readonly OutcomeSums[];
  overdue: readonly { recordId: number; caseNo: number; person: string | null; department: string | null; dueAt: Date | null; closedAt: Date | null }[];
  decided: readonly { recordId: number; kind: AccountabilityKind; person: string | null; department: string | null; decision: RecordDecision; decidedAt: Date }[];
  complaints: { received: number; answered: number; upheld: number };
  keyTasks: readonly { id: number; title: string; owner: string; department: string; status: 'due_soon' | 'overdue'; next: Date | null }[];
}

export interface Bulletin {
  month: string;
  from: string;
  to: string;
  departments: { key: string; name: string; handled: number; onTime: number; onTimeRate: number | null; overdue: number }[];
  overdueCases: BulletinFacts['overdue'];
  decided: BulletinFacts['decided'];
  complaints: BulletinFacts['complaints'];
  keyTasks: { red: BulletinFacts['keyTasks']; yellow: BulletinFacts['keyTasks'] };
}

export function bulletinOf(f: BulletinFacts): Bulletin {
  const departments = f.departments.map((d) => {
    const mine = f.outcomes.filter((o) => o.department === d.key);
    const handled = mine.reduce((n, o) => n + o.handled, 0);
    const onTime = mine.reduce((n, o) => n + o.onTime, 0);
    return { key: d.key, name: d.name, handled, onTime, onTimeRate: handled === 0 ? null : onTime / handled, overdue: f.overdue.filter((x) => x.department === d.key).length };
  });
  // Worst first: the office reads the bulletin from the top.
  departments.sort((a, b) => (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) || b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    month: f.period.key,
    from: f.period.from.toISOString(),
    to: f.period.to.toISOString(),
    departments,
    overdueCases: f.overdue,
    decided: f.decided,
    complaints: f.complaints,
    keyTasks: { red: f.keyTasks.filter((t) => t.status === 'overdue'), yellow: f.keyTasks.filter((t) => t.status === 'due_soon') },
  };
}

/** The bulletin goes out at 09:30 on the first working day of the month (after the morning's reminders). */
export const BULLETIN_TIME = '09:30';

/**
 * The month whose bulletin is due at `now`: the previous one, from BULLETIN_TIME to closing on the
 * first working day of this month (a bot down all that day leaves it to the office's 通报 command:
 * a bulletin arriving days late would only confuse).
 */
export function bulletinDue(calendar: WorkCalendar, hours: OfficeHours, now: Date): Period | null {
  if (!isOfficeOpen(calendar, hours, now)) return null;
  const [y, m] = chinaDateOf(now).split('-').map(Number) as [number, number];
  let first = `${y}-${String(m).padStart(2, '0')}-01`;
  while (!calendar.dayInfo(first).working) first = addDays(first, 1);
  return chinaDateOf(now) === first && now >= chinaInstant(first, BULLETIN_TIME) ? previousMonth({ year: y, month: m }) : null;
}
