import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import { findKeyTask, listKeyTasksInvolving, loadKeyTaskHistory, withStatus } from '../../db/key-task-repository.ts';
import { departmentNames, staffNames } from '../../db/org-repository.ts';
import { renderKeyTaskDetail, renderKeyTaskList, renderProgressRefused } from '../../messages/key-task-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { readTaskNo } from '../parsing/task-no.ts';
import type { Token } from '../parsing/tokens.ts';

/**
 * 任务 [编号] (R9 §1): the sender's key tasks (as 责任人, head of the 责任部室 or 牵头领导): the open ones
 * and those done this year; or one task's details (any staff: the table is the unit's own).
 */
export const keyTasks = defineCommand({
  name: 'keyTasks',
  audience: 'staff',
  parse: parseKeyTasks,
  async run(ctx, command) {
    const departments = await departmentNames(ctx.tx);
    if (command.taskId !== undefined) {
      const task = await findKeyTask(ctx.tx, command.taskId);
      if (!task) return renderProgressRefused({ kind: 'not_found', taskId: command.taskId }, new Map(), departments, ctx.now);
      const history = await loadKeyTaskHistory(ctx.tx, task.id);
      const names = await staffNames(ctx.tx, [task.owner, ...(task.leadLeader ? [task.leadLeader] : []), ...history.map((e) => e.actor)]);
      return renderKeyTaskDetail(withStatus(task, ctx.now, ctx.calendar), history, names, departments, ctx.now);
    }
    // Open tasks, and those done this year: last year's table, long finished, is not today's work.
    const year = chinaDateOf(ctx.now).slice(0, 4);
    const tasks = (await listKeyTasksInvolving(ctx.tx, ctx.actor.userid))
      .filter((t) => t.doneAt === null || chinaDateOf(t.doneAt).slice(0, 4) === year)
      .map((t) => withStatus(t, ctx.now, ctx.calendar));
    const names = await staffNames(ctx.tx, tasks.map((t) => t.owner));
    return renderKeyTaskList(tasks, ctx.actor.userid, names, departments, ctx.now);
  },
});

/** A number after 任务 asks for that task; other words are ignored, as after 待办. */
function parseKeyTasks(args: readonly Token[]): Parsed<{ taskId?: number }> {
  const first = args[0];
  const read = first ? readTaskNo(first) : null;
  return { ok: true, fields: read && read.id !== null ? { taskId: read.id } : {} };
}
