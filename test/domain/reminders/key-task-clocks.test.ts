import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { dueKeyTaskReminders, dueReportReminders, keyTaskLateKey, reportDateOf, type ReminderKeyTask } from '../../../src/domain/reminders/key-task-clocks.ts';
import { DEFAULT_REMINDER_POLICY as policy } from '../../../src/domain/reminders/reminder-policy.ts';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

const TASK: ReminderKeyTask = {
  id: 4,
  owner: 'lihua',
  department: 'kpb',
  leadLeader: 'wangqiang',
  deadline: endOf('2026-11-30'),
  doneAt: null,
  milestones: [{ due: endOf('2026-06-30'), target: '完成创建方案', doneAt: null }],
  createdAt: at('2026-06-01T10:00:00'),
  lastReportAt: null,
};

describe('the key-task clocks (pure)', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });
  const due = (tasks: ReminderKeyTask[], now: string) => dueKeyTaskReminders(tasks, at(now), calendar, policy).map((r) => `${r.kind}:${r.checkpoint.kind}:${r.recipients.join('+')}`);

  it('reminds the owner the working day before a milestone and on its morning, then everyone when it passes undone', () => {
    expect(due([TASK], '2026-06-26T16:00:00')).toEqual([]);
    expect(due([TASK], '2026-06-29T08:59:00')).toEqual([]);
    expect(due([TASK], '2026-06-29T09:00:00')).toEqual(['key_task_day_before:milestone:handler']);
    expect(due([TASK], '2026-06-30T09:00:00')).toEqual(['key_task_due_today:milestone:handler']);
    // The night after: the office is closed, so it waits for the morning.
    expect(due([TASK], '2026-07-01T00:00:01')).toEqual([]);
    expect(due([TASK], '2026-07-01T09:00:00')).toEqual(['key_task_late:milestone:handler+head+leader']);
  });

  it('keys each reminder by task, checkpoint date and rung, and the late record once per checkpoint', () => {
    const [late] = dueKeyTaskReminders([TASK], at('2026-07-01T09:00:00'), calendar, policy);
    expect(late?.key).toBe(`key_task_late:kt4.m2026-06-30:${at('2026-07-01T00:00:00').toISOString()}`);
    expect(keyTaskLateKey(4, late!.checkpoint)).toBe('key_task_late:kt4.m2026-06-30:2026-06-30');
    expect(keyTaskLateKey(4, { kind: 'deadline', due: TASK.deadline })).toBe('key_task_late:kt4.deadline:2026-11-30');
  });

  it('stops for a milestone done, and for a task done', () => {
    const staged = { ...TASK, milestones: [{ ...TASK.milestones[0]!, doneAt: at('2026-06-29T10:00:00') }] };
    expect(due([staged], '2026-07-01T09:00:00')).toEqual([]);
    expect(due([{ ...TASK, doneAt: at('2026-06-29T10:00:00') }], '2026-06-30T09:00:00')).toEqual([]);
  });

  it('lets the deadline stand for a milestone on its own day, and holds nothing against a task imported after its date', () => {
    const final = { ...TASK, milestones: [{ due: endOf('2026-11-30'), target: '全面完成', doneAt: null }] };
    expect(due([final], '2026-12-01T09:00:00')).toEqual(['key_task_late:deadline:handler+head+leader']);
    const lateImport = { ...TASK, createdAt: at('2026-07-02T10:00:00') };
    expect(due([lateImport], '2026-07-02T11:00:00')).toEqual([]);
  });

  it('reminds each owner once on the report day (the next opening when it is a rest day) of the tasks not reported this month', () => {
    const other = { ...TASK, id: 5, lastReportAt: at('2026-07-10T10:00:00') };
    const third = { ...TASK, id: 6 };
    const report = (now: string) => dueReportReminders([TASK, other, third], at(now), calendar, policy, 25);
    // 2026-07-25 is a Saturday.
    expect(report('2026-07-24T16:00:00')).toEqual([]);
    expect(report('2026-07-27T08:59:00')).toEqual([]);
    const [r] = report('2026-07-27T09:00:00');
    expect(r).toMatchObject({ owner: 'lihua', month: '2026-07', reportDate: '2026-07-25', taskIds: [4, 6], dueInstant: at('2026-07-27T09:00:00') });
    expect(report('2026-07-30T10:00:00').map((x) => x.key)).toEqual([r!.key]);
    expect(report('2026-08-03T10:00:00')).toEqual([]);
    expect(reportDateOf('2026-06', 31)).toBe('2026-06-30');
    expect(reportDateOf('2026-02', 30)).toBe('2026-02-28');
  });
});
