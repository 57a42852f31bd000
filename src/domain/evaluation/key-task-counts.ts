/**
 * What key tasks count for in an evaluation period (效能考评制 §1): each task whose deadline falls in
 * the period counts for its owner and 责任部室; on time when done by its deadline; early (the bonus)
 * when done on a day before its deadline's day. A milestone passed undone is an accountability record
 * (key_task_late), counted with the other records.
 */
import { chinaDateOf } from '../calendar/china-time.ts';
import type { KeyTaskFact } from '../key-tasks/key-task.ts';
import type { Period } from './period.ts';
import type { EarlyTask, PersonCounts } from './evaluate.ts';

export function keyTaskCounts(facts: readonly KeyTaskFact[], period: Period): { counts: PersonCounts[]; early: EarlyTask[] } {
  const counts: PersonCounts[] = [];
  const early: EarlyTask[] = [];
  for (const t of facts) {
    if (t.deadline < period.from || t.deadline >= period.to) continue;
    const onTime = t.doneAt !== null && t.doneAt <= t.deadline;
    counts.push({ person: t.owner, department: t.department, keyTasks: 1, keyTasksOnTime: onTime ? 1 : 0 });
    if (t.doneAt !== null && chinaDateOf(t.doneAt) < chinaDateOf(t.deadline)) early.push({ taskId: t.id, person: t.owner, department: t.department });
  }
  return { counts, early };
}
