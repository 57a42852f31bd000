import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { keyTaskStatus } from '../../../src/domain/key-tasks/key-task-status.ts';
import type { KeyTaskFact } from '../../../src/domain/key-tasks/key-task.ts';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

// A milestone on Tue 2026-06-30 and the deadline on Mon 2026-11-30.
const TASK: KeyTaskFact = {
  id: 1,
  title: '创建全国科普示范县',
  owner: 'lihua',
  department: 'kpb',
  leadLeader: 'wangqiang',
  deadline: endOf('2026-11-30'),
  doneAt: null,
  milestones: [{ due: endOf('2026-06-30'), target: '完成创建方案', doneAt: null }],
};

describe('the status of a key task (正常, 临期, 逾期, 已完成), a pure function of the task, the instant and the calendar', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });
  const status = (task: KeyTaskFact, now: string) => keyTaskStatus(task, at(now), calendar);

  it('is green six working days before a milestone, yellow from five, through the day itself', () => {
    expect(status(TASK, '2026-06-22T10:00:00')).toMatchObject({ status: 'normal', color: 'green', next: { kind: 'milestone', milestone: 1, target: '完成创建方案' } });
    expect(status(TASK, '2026-06-23T10:00:00')).toMatchObject({ status: 'due_soon', color: 'yellow' });
    expect(status(TASK, '2026-06-30T23:59:59')).toMatchObject({ status: 'due_soon', color: 'yellow' });
  });

  it('counts working days, not calendar days: a week of holiday does not make a date seem far', () => {
    const autumn = { ...TASK, milestones: [{ due: endOf('2026-10-09'), target: '提交中期报告', doneAt: null }] };
    // 09-25…27 and 10-01…07 are holidays: 09-28, 29, 30, 10-08, 09 are the five working days left.
    expect(status(autumn, '2026-09-24T10:00:00').status).toBe('due_soon');
    expect(status(autumn, '2026-09-23T10:00:00').status).toBe('normal');
  });

  it('is red once a milestone passes undone, naming it, and green again when it is done', () => {
    expect(status(TASK, '2026-07-01T00:00:00')).toMatchObject({ status: 'overdue', color: 'red', next: { kind: 'milestone', milestone: 1 }, late: [{ kind: 'milestone', milestone: 1 }] });
    const staged = { ...TASK, milestones: [{ ...TASK.milestones[0]!, doneAt: at('2026-06-29T16:00:00') }] };
    expect(status(staged, '2026-07-01T10:00:00')).toMatchObject({ status: 'normal', next: { kind: 'deadline', milestone: null, target: null } });
  });

  it('is red after the deadline, and done once done, but only from the instant it was done', () => {
    const doneLate = { ...TASK, milestones: [], doneAt: at('2026-12-05T10:00:00') };
    expect(status(doneLate, '2026-12-01T10:00:00')).toMatchObject({ status: 'overdue', late: [{ kind: 'deadline' }] });
    expect(status(doneLate, '2026-12-05T10:00:00')).toEqual({ status: 'done', color: null, next: null, late: [] });
  });
});
