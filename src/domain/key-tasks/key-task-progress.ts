import { countsAsLate, remindedCheckpoints } from '../reminders/key-task-clocks.ts';
import type { KeyTaskRecord } from './key-task.ts';
import { doneBy, openCheckpoints, type Checkpoint } from './key-task-status.ts';

/** 进展 <编号> <百分比|阶段完成|完成>: what is reported. 100% is the same as 完成. */
export type ProgressReport = { kind: 'percent'; percent: number } | { kind: 'stage' } | { kind: 'done' };

export type ProgressRefusal = 'not_allowed' | 'already_done' | 'no_open_stage';

export type ProgressDecision =
  | {
      ok: true;
      action: 'progress' | 'stage_done' | 'done';
      progress: number;
      /** Milestone numbers (1-based, date order) done by this report. */
      milestonesDone: number[];
      /** The milestone this report completes (阶段完成), for the reply. */
      stage: Checkpoint | null;
      /** Checkpoints completed after they passed that count against the owner (one record each, shared with the scheduler's). */
      late: Checkpoint[];
    }
  | { ok: false; reasons: ProgressRefusal[] };

/**
 * Who may report, and what a report does (pure). The owner (责任人) or the head of the 责任部室 may
 * report; a done task takes no more reports. 阶段完成 completes the earliest open milestone; 完成 the
 * task and every milestone still open. Completing something after it passed is late, as the
 * scheduler would have recorded it.
 */
export function decideProgress(
  task: KeyTaskRecord,
  report: ProgressReport,
  by: { userid: string; departmentHead: string | null },
  now: Date,
): ProgressDecision {
  const reasons: ProgressRefusal[] = [];
  if (by.userid !== task.owner && by.userid !== by.departmentHead) reasons.push('not_allowed');
  if (doneBy(task.doneAt, now)) reasons.push('already_done');
  const openMilestones = openCheckpoints(task, now).filter((c) => c.kind === 'milestone');
  if (report.kind === 'stage' && openMilestones.length === 0 && !reasons.includes('already_done')) reasons.push('no_open_stage');
  if (reasons.length > 0) return { ok: false, reasons };

  const lateOf = (cs: Checkpoint[]) => {
    const counted = remindedCheckpoints(task, now);
    return cs.filter((c) => c.due < now && countsAsLate(task, c) && counted.some((x) => x.kind === c.kind && x.due.getTime() === c.due.getTime()));
  };
  if (report.kind === 'done' || (report.kind === 'percent' && report.percent === 100)) {
    const open = openCheckpoints(task, now);
    return { ok: true, action: 'done', progress: 100, milestonesDone: openMilestones.map((c) => c.milestone!), stage: null, late: lateOf(open) };
  }
  if (report.kind === 'stage') {
    const stage = openMilestones[0]!;
    return { ok: true, action: 'stage_done', progress: task.progress, milestonesDone: [stage.milestone!], stage, late: lateOf([stage]) };
  }
  return { ok: true, action: 'progress', progress: report.percent, milestonesDone: [], stage: null, late: [] };
}
