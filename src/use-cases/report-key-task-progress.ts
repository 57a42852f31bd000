import { decideProgress, type ProgressReport, type ProgressRefusal } from '../domain/key-tasks/key-task-progress.ts';
import type { KeyTaskRecord } from '../domain/key-tasks/key-task.ts';
import type { Checkpoint } from '../domain/key-tasks/key-task-status.ts';
import { keyTaskLateKey } from '../domain/reminders/key-task-clocks.ts';
import { recordKeyTaskLate } from '../db/accountability.ts';
import { findKeyTask, recordKeyTaskProgress, withStatus, type KeyTaskWithStatus } from '../db/key-task-repository.ts';
import { findDepartmentByKey } from '../db/org-repository.ts';
import type { UseCaseContext } from './context.ts';

export type ReportProgressResult =
  | { kind: 'recorded'; task: KeyTaskWithStatus; action: 'progress' | 'stage_done' | 'done'; stage: Checkpoint | null; late: Checkpoint[] }
  | { kind: 'not_found'; taskId: number }
  | { kind: 'refused'; task: KeyTaskRecord; reasons: ProgressRefusal[]; departmentHead: string | null };

/**
 * 进展 <任务编号> <百分比|阶段完成|完成> 说明 (R9 §1: the monthly progress report): the owner or the
 * head of the 责任部室 records progress; 阶段完成 and 完成 mark what is done, and what is done after its
 * date is recorded for the office (key_task_late, once per checkpoint). Refused: nothing changes.
 */
export async function reportKeyTaskProgress(ctx: UseCaseContext, input: { taskId: number; report: ProgressReport; note: string }): Promise<ReportProgressResult> {
  const task = await findKeyTask(ctx.tx, input.taskId);
  if (!task) return { kind: 'not_found', taskId: input.taskId };
  const departmentHead = (await findDepartmentByKey(ctx.tx, task.department))?.head ?? null;
  const decision = decideProgress(task, input.report, { userid: ctx.actor.userid, departmentHead }, ctx.now);
  if (!decision.ok) return { kind: 'refused', task, reasons: decision.reasons, departmentHead };

  const stored = await recordKeyTaskProgress(ctx.tx, task.id, {
    at: ctx.now,
    actor: ctx.actor.userid,
    action: decision.action,
    progress: decision.progress,
    milestonesDone: decision.milestonesDone,
    detail: { progress: decision.progress, note: input.note, ...(decision.milestonesDone.length > 0 ? { milestones: decision.milestonesDone } : {}) },
  });
  // Someone completed it in the meantime (the guard in the update decided).
  if (!stored) return { kind: 'refused', task, reasons: ['already_done'], departmentHead };
  for (const c of decision.late) await recordKeyTaskLate(ctx.tx, task, c, keyTaskLateKey(task.id, c), ctx.now);
  const after = (await findKeyTask(ctx.tx, task.id))!;
  return { kind: 'recorded', task: withStatus(after, ctx.now, ctx.calendar), action: decision.action, stage: decision.stage, late: decision.late };
}
