import type { KeyTaskRecord } from '../domain/key-tasks/key-task.ts';
import { dueKeyTaskReminders, dueReportReminders, keyTaskLateKey, type KeyTaskReminder, type ReportDayReminder } from '../domain/reminders/key-task-clocks.ts';
import { isOfficeOpen } from '../domain/reminders/office-hours.ts';
import { resolveRecipients, type OrgView, type Recipient } from '../domain/reminders/resolve-recipients.ts';
import { recordKeyTaskLate } from '../db/accountability.ts';
import { listOpenKeyTasks } from '../db/key-task-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { departmentNames, readOrgSettings } from '../db/org-repository.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import type { Tx } from '../db/transaction.ts';
import { renderKeyTaskReminder, renderReportDayReminder } from '../messages/key-task-replies.ts';
import type { Job } from './job.ts';

/**
 * Key tasks (R9 §1), like cases: the owner the working day before each milestone and the deadline
 * and on its morning; when one passes undone, the owner, the head of the 责任部室 and the 牵头领导 (the
 * department's supervising leader when the table names none), with one key_task_late record. On the
 * monthly report day, owners who have not reported on an open task this month. All routine: only
 * while the office is open, so outside those hours nothing is even read.
 */
export const keyTaskRemindersJob: Job = {
  name: 'key-task-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    if (!isOfficeOpen(calendar, policy.officeHours, now)) return { tasks: 0, due: 0, sent: 0 };
    const tasks = await listOpenKeyTasks(db);
    if (tasks.length === 0) return { tasks: 0, due: 0, sent: 0 };
    const { keyTaskReportDay } = await readOrgSettings(db);
    const due = dueKeyTaskReminders(tasks, now, calendar, policy);
    const reports = dueReportReminders(tasks, now, calendar, policy, keyTaskReportDay);
    const fresh = await claimed.unclaimed(db, [...due, ...reports].map((r) => r.key));
    if (fresh.size === 0) return { tasks: tasks.length, due: due.length + reports.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const departments = await departmentNames(db);
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const claims: ReminderClaim[] = [
      ...due.filter((r) => fresh.has(r.key)).map((r) => checkpointClaim(r, byId.get(r.taskId)!, org, names, departments, now)),
      ...reports.filter((r) => fresh.has(r.key)).map((r) => reportClaim(r, byId, keyTaskReportDay, now)),
    ];
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { tasks: tasks.length, due: due.length + reports.length, sent: won.length };
  },
};

/** The owner is told in person (only they or their head may report); the head and the leader as the org resolves them (R7 cover). */
function recipientsOf(r: KeyTaskReminder, task: KeyTaskRecord, org: OrgView): Recipient[] {
  const others = resolveRecipients(
    r.recipients.filter((role) => role !== 'handler'),
    { handler: task.owner, department: task.department, ...(task.leadLeader ? { leader: task.leadLeader } : {}) },
    org,
  );
  const owner: Recipient[] = r.recipients.includes('handler') ? [{ userid: task.owner, role: 'handler' }] : [];
  return [...owner, ...others.filter((p) => p.userid !== task.owner)];
}

function checkpointClaim(r: KeyTaskReminder, task: KeyTaskRecord, org: OrgView, names: Map<string, string>, departments: Map<string, string>, now: Date): ReminderClaim {
  const people = recipientsOf(r, task, org);
  return {
    key: r.key,
    caseNo: null,
    kind: r.kind,
    toUsers: people.map((p) => p.userid),
    messages: people.map((p) => ({
      key: `${r.key}:${p.userid}`,
      toUser: p.userid,
      kind: 'text' as const,
      payload: { content: renderKeyTaskReminder(r.kind, task, r.checkpoint, p.role, names, departments, now) },
    })),
    ...(r.kind === 'key_task_late' ? { onWon: (tx: Tx) => recordKeyTaskLate(tx, task, r.checkpoint, keyTaskLateKey(task.id, r.checkpoint), now).then(() => undefined) } : {}),
  };
}

function reportClaim(r: ReportDayReminder, byId: Map<number, KeyTaskRecord>, reportDay: number, now: Date): ReminderClaim {
  const tasks = r.taskIds.map((id) => byId.get(id)!);
  return {
    key: r.key,
    caseNo: null,
    kind: 'key_task_report',
    toUsers: [r.owner],
    messages: [{ key: `${r.key}:${r.owner}`, toUser: r.owner, kind: 'text' as const, payload: { content: renderReportDayReminder(tasks, r.reportDate, reportDay, now) } }],
  };
}
