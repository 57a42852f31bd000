import { chinaDateOf } from '../calendar/china-time.ts';
import { workingDaysBetween } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { KeyTaskFact } from './key-task.ts';

/**
 * 正常 (green), 临期 (yellow), 逾期 (red), 已完成: the colours the office's 督导检查 and 通报 use (R9 §1).
 * `due_soon` is 临期; done tasks have no colour.
 */
export type KeyTaskStatus = 'normal' | 'due_soon' | 'overdue' | 'done';
export type KeyTaskColor = 'green' | 'yellow' | 'red';

export const KEY_TASK_STATUS_COLOR: Readonly<Record<Exclude<KeyTaskStatus, 'done'>, KeyTaskColor>> = {
  normal: 'green',
  due_soon: 'yellow',
  overdue: 'red',
};

/** 临期: a milestone or the deadline within this many working days (today counts as 0) and not done. */
export const DUE_SOON_WORKING_DAYS = 5;

/** A milestone or the deadline of a task: what is due, and whether it was done. */
export interface Checkpoint {
  kind: 'milestone' | 'deadline';
  /** 1-based number of the milestone in date order; null for the deadline. */
  milestone: number | null;
  due: Date;
  /** The milestone's target; null for the deadline. */
  target: string | null;
  /** The milestone's doneAt, or the task's for the deadline. */
  doneAt: Date | null;
}

export interface KeyTaskStatusView {
  status: KeyTaskStatus;
  color: KeyTaskColor | null;
  /**
   * What the status is about: the earliest passed undone checkpoint when red, else the next one
   * (a milestone, or the deadline when none is left); null when done.
   */
  next: Checkpoint | null;
  /** Every passed checkpoint that is not done, earliest first. */
  late: Checkpoint[];
}

type StatusInput = Pick<KeyTaskFact, 'deadline' | 'doneAt' | 'milestones'>;

/** Done as of `now`: something done later did not count yet (so the status is a function of time). */
export function doneBy(doneAt: Date | null, now: Date): boolean {
  return doneAt !== null && doneAt.getTime() <= now.getTime();
}

/** The milestones (numbered in date order) and then the deadline, ordered by due instant. */
export function checkpointsOf(task: StatusInput): Checkpoint[] {
  const milestones = [...task.milestones]
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .map((m, i): Checkpoint => ({ kind: 'milestone', milestone: i + 1, due: m.due, target: m.target, doneAt: m.doneAt }));
  const deadline: Checkpoint = { kind: 'deadline', milestone: null, due: task.deadline, target: null, doneAt: task.doneAt };
  // Stable: a milestone on the deadline's day comes before the deadline itself.
  return [...milestones, deadline].sort((a, b) => a.due.getTime() - b.due.getTime());
}

/** The checkpoints still to be done at `now` (a done task has none). */
export function openCheckpoints(task: StatusInput, now: Date): Checkpoint[] {
  if (doneBy(task.doneAt, now)) return [];
  return checkpointsOf(task).filter((c) => !doneBy(c.doneAt, now));
}

/**
 * The status of a key task at `now`, a pure function of the task, the instant and the working-day
 * calendar: 已完成 once done; 逾期 when a milestone or the deadline has passed undone; 临期 when the
 * next one falls within DUE_SOON_WORKING_DAYS working days; else 正常.
 */
export function keyTaskStatus(task: StatusInput, now: Date, calendar: WorkCalendar): KeyTaskStatusView {
  const open = openCheckpoints(task, now);
  if (open.length === 0) return { status: 'done', color: null, next: null, late: [] };
  const late = open.filter((c) => c.due.getTime() < now.getTime());
  if (late.length > 0) return { status: 'overdue', color: 'red', next: late[0]!, late };
  const next = open[0]!;
  const days = workingDaysBetween(calendar, chinaDateOf(now), chinaDateOf(next.due)).count;
  const status = days <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'normal';
  return { status, color: KEY_TASK_STATUS_COLOR[status], next, late: [] };
}
