import { addDays, chinaDateOf, chinaInstant } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { KeyTaskRecord } from '../key-tasks/key-task.ts';
import { doneBy, openCheckpoints, type Checkpoint } from '../key-tasks/key-task-status.ts';
import { isOfficeOpen, isWorkingDate, nextOpening, openingOn, previousWorkingDate } from './office-hours.ts';
import { pickCurrent, reminderKey, type Candidate, type RecipientRole } from './pick-current.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

/** What the key-task clocks need of a task. */
export type ReminderKeyTask = Pick<KeyTaskRecord, 'id' | 'owner' | 'department' | 'leadLeader' | 'deadline' | 'doneAt' | 'milestones' | 'createdAt' | 'lastReportAt'>;

/**
 * Each milestone and the deadline of an open task, like a case's deadline: the owner the working
 * day before and on the morning of the day; once it passes undone, the owner, the head of the
 * 责任部室 and the 牵头领导 (RecipientRole 'handler' is the owner, 'leader' the 牵头领导).
 */
export type KeyTaskReminderKind = 'key_task_day_before' | 'key_task_due_today' | 'key_task_late';

export interface KeyTaskReminder {
  key: string;
  kind: KeyTaskReminderKind;
  taskId: number;
  checkpoint: Checkpoint;
  dueInstant: Date;
  recipients: RecipientRole[];
}

const OWNER: readonly RecipientRole[] = ['handler'];
const LATE: readonly RecipientRole[] = ['handler', 'head', 'leader'];

/** The subject of a checkpoint's reminder keys: its task and its date, so a moved milestone is a new one. */
function checkpointSubject(taskId: number, c: Pick<Checkpoint, 'kind' | 'due'>): string {
  return `kt${taskId}.${c.kind === 'deadline' ? 'deadline' : `m${chinaDateOf(c.due)}`}`;
}

/** The accountability key of a missed checkpoint: one `key_task_late` record per milestone or deadline (and date). */
export function keyTaskLateKey(taskId: number, c: Pick<Checkpoint, 'kind' | 'due'>): string {
  return `key_task_late:${checkpointSubject(taskId, c)}:${chinaDateOf(c.due)}`;
}

/**
 * The checkpoints that remind: the open ones, less a milestone on the deadline's own day, which the
 * deadline's reminders and record stand for (one message and one record, not two).
 */
export function remindedCheckpoints(task: ReminderKeyTask, now: Date): Checkpoint[] {
  const deadlineDate = chinaDateOf(task.deadline);
  return openCheckpoints(task, now).filter((c) => c.kind === 'deadline' || chinaDateOf(c.due) !== deadlineDate);
}

/**
 * Whether a missed checkpoint is held against the owner: only one that fell due after the task was
 * imported (a table loaded late cannot make anyone late for what the bot never reminded them of).
 */
export function countsAsLate(task: Pick<ReminderKeyTask, 'createdAt'>, c: Pick<Checkpoint, 'due'>): boolean {
  return c.due.getTime() >= task.createdAt.getTime();
}

/**
 * What is due at `now`: routine, so nothing while the office is closed (a rung that passed then
 * waits for the next opening). Per checkpoint and role only the latest passed rung (pickCurrent),
 * so a bot that was down sends one message about how things stand now.
 */
export function dueKeyTaskReminders(tasks: readonly ReminderKeyTask[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy): KeyTaskReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const hours = policy.officeHours;
  const out: KeyTaskReminder[] = [];
  for (const task of tasks) {
    for (const c of remindedCheckpoints(task, now)) {
      const date = chinaDateOf(c.due);
      const before: Candidate<KeyTaskReminderKind>[] = [{ kind: 'key_task_day_before', instant: openingOn(previousWorkingDate(calendar, date), hours), roles: OWNER }];
      if (isWorkingDate(calendar, date)) before.push({ kind: 'key_task_due_today', instant: openingOn(date, hours), roles: OWNER });
      const rungs = before.filter((r) => r.instant > task.createdAt && r.instant < c.due);
      if (countsAsLate(task, c)) rungs.push({ kind: 'key_task_late', instant: new Date(c.due.getTime() + 1), roles: LATE });
      for (const r of pickCurrent(rungs, now)) {
        out.push({ key: reminderKey(r.kind, checkpointSubject(task.id, c), r.instant), kind: r.kind, taskId: task.id, checkpoint: c, dueInstant: r.instant, recipients: r.roles });
      }
    }
  }
  return out;
}

/** The monthly progress-report day (进展报告日) when the organization file sets none. */
export const DEFAULT_KEY_TASK_REPORT_DAY = 25;

/** One owner's reminder on the report day: their open tasks without a report this month. */
export interface ReportDayReminder {
  key: string;
  owner: string;
  /** 'YYYY-MM' (China time): the month the reports are for. */
  month: string;
  /** The report day's date, 'YYYY-MM-DD'. */
  reportDate: string;
  dueInstant: Date;
  taskIds: number[];
}

/** 'YYYY-MM' of the month before. */
function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The report day of `month` (a day the month lacks is its last day: 31 → 30 April). */
export function reportDateOf(month: string, reportDay: number): string {
  return `${month}-${String(Math.min(reportDay, daysInMonth(month))).padStart(2, '0')}`;
}

/**
 * On the report day, at opening (the next opening when the day is not a working day), each owner of
 * open tasks who has not reported progress on one of them since the month began is reminded once,
 * with those tasks. A report day whose opening fell into the next month (a long holiday) is still
 * that month's; a month whose window has gone is not caught up later.
 */
export function dueReportReminders(tasks: readonly ReminderKeyTask[], now: Date, calendar: WorkCalendar, policy: ReminderPolicy, reportDay: number): ReportDayReminder[] {
  if (!isOfficeOpen(calendar, policy.officeHours, now)) return [];
  const thisMonth = chinaDateOf(now).slice(0, 7);
  const out: ReportDayReminder[] = [];
  for (const month of [previousMonth(thisMonth), thisMonth]) {
    const reportDate = reportDateOf(month, reportDay);
    const instant = nextOpening(calendar, policy.officeHours, chinaInstant(reportDate, '00:00'));
    if (instant > now || chinaDateOf(instant).slice(0, 7) !== thisMonth) continue;
    const monthStart = chinaInstant(`${month}-01`, '00:00');
    const byOwner = new Map<string, number[]>();
    for (const t of tasks) {
      if (doneBy(t.doneAt, now) || t.createdAt >= instant) continue;
      if (t.lastReportAt !== null && t.lastReportAt >= monthStart) continue;
      byOwner.set(t.owner, [...(byOwner.get(t.owner) ?? []), t.id]);
    }
    for (const [owner, taskIds] of byOwner) {
      out.push({ key: reminderKey('key_task_report', `${owner}.${month}`, instant), owner, month, reportDate, dueInstant: instant, taskIds: taskIds.sort((a, b) => a - b) });
    }
  }
  return out;
}
